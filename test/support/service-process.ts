/**
 * @module The real service in a child process, started as `npm start` starts it (see
 * service-entry.ts): its own event loop, its own database connection, its own signal
 * handlers, on 127.0.0.1 and free ports, so a test can load it, SIGKILL or SIGTERM it,
 * and start it again on the same database file (S30, S31, S32).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { collectOutput } from './child-output.ts';
import { freePort } from './free-port.ts';
import { ADMIN_TOKEN, TEST_ORIGIN } from './service.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('./service-entry.ts', import.meta.url));
/** How long a start may take, tsx's compile included (it takes about half a second). */
const START_MILLISECONDS = 20_000;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  url: string;
  databasePath: string;
  /** Its database, to open from the test too. */
  database: TestDatabase;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far: its JSON log lines too. */
  output(): string;
  /** Settles when the process has exited, however it ended. */
  exited: Promise<ProcessExit>;
  /** SIGKILLs the process if it still runs and waits for it: for cleanup after a test. */
  kill(): Promise<ProcessExit>;
}

export interface ServiceProcessOptions {
  databasePath: string;
  /** Its database; by default a new one on the suite's store (test-database.ts). */
  database?: TestDatabase;
  /** Extra environment variables, on top of the test defaults below. */
  env?: Record<string, string>;
}

// A test's child must never outlive the test run, even when the test fails half-way.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `node --import tsx test/support/service-entry.ts` and resolves once GET /healthz
 * answers. The client address comes from X-Forwarded-For, so load tests can spread their
 * requests over addresses and stay under the per-address throttle (S09).
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const [port, demoPort] = [await freePort(), await freePort()];
  const database = options.database ?? (await createTestDatabase(options.databasePath));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: PROJECT_ROOT,
    env: {
      ...inheritedEnvironment(),
      PORT: String(port),
      DEMO_PORT: String(demoPort),
      ...database.env,
      PORTAL_ADMIN_TOKEN: ADMIN_TOKEN,
      PORTAL_ALLOWED_ORIGINS: TEST_ORIGIN,
      PORTAL_PUBLIC_URL: 'http://localhost:9999/portal',
      PORTAL_TRUSTED_PROXY_HEADER: 'x-forwarded-for',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const output = collectOutput(child);
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const service: ServiceProcess = {
    url,
    databasePath: options.databasePath,
    database,
    child,
    output,
    exited,
    async kill() {
      if (!hasExited()) child.kill('SIGKILL');
      return exited;
    },
  };

  const deadline = Date.now() + START_MILLISECONDS;
  while (!(await isHealthy(url))) {
    if (hasExited() || Date.now() > deadline) {
      await service.kill();
      throw new Error(`the service did not start; its output:\n${output()}`);
    }
    await sleep(50);
  }
  return service;
}

/** The parent's environment without anything that configures the portal or its mail. */
function inheritedEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(PORTAL_|SMTP_|MAIL_|PORT$|DEMO_PORT$|NODE_ENV$)/.test(name)) {
      continue;
    }
    env[name] = value;
  }
  return env;
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * `promise`, or a rejection saying what did not happen within `milliseconds`: every wait
 * in these tests is bounded, and a finished one leaves no timer behind.
 */
export async function within<T>(
  promise: Promise<T>,
  milliseconds: number,
  what: () => string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what()} (waited ${milliseconds} ms)`)),
      milliseconds,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
