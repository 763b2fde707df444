/**
 * @module The processes the bench measures, the service and the floors: each on its own,
 * on 127.0.0.1, its output in a file, killed if the bench ends early.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface RunningProcess {
  url: string;
  pid: number;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `node ARGS` and resolves once `readyPath` answers 200 (within 20 seconds).
 * Its stdout and stderr go to `logFile`: a file, so that a busy log never waits on a pipe.
 */
export async function startProcess(options: {
  args: string[];
  cwd: string;
  env: Record<string, string>;
  url: string;
  readyPath: string;
  logFile: string;
}): Promise<RunningProcess> {
  const log = openSync(options.logFile, 'a');
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      ...options.env,
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const deadline = Date.now() + 20_000;
  while (!(await answers(`${options.url}${options.readyPath}`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `${options.args.join(' ')} did not start; its output:\n${readFileSync(options.logFile, 'utf8')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: options.url,
    pid: child.pid ?? 0,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Resident memory of a process now and at its peak so far, in MiB (Linux /proc). */
export function readMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kibibytes = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kibibytes('VmRSS') / 1024, peak: kibibytes('VmHWM') / 1024 };
}

/**
 * Waits until a process has nearly stopped using the CPU (under 5 % of a core over 200 ms),
 * at most 20 seconds: a load that ends leaves work behind (logins queued for argon2 go on
 * hashing), which would otherwise fall on the next measurement.
 */
export async function waitForQuiet(pid: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  let before = cpuTicks(pid);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = cpuTicks(pid);
    // Linux counts 100 ticks a second: 1 tick in 200 ms is 5 % of a core.
    if (now - before <= 1) return;
    before = now;
  }
}

/** User and system CPU time of a process, in clock ticks (/proc/PID/stat fields 14, 15). */
function cpuTicks(pid: number): number {
  // The command name, in parentheses, may hold spaces: count the fields after it.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}
