/**
 * @module Starts the real auth service for a test: its own database (test-database.ts),
 * 127.0.0.1 on a free port, an admin token, the dev mailbox, logs captured in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { createApp } from '../../server/app.ts';
import { ensureSigningKey } from '../../server/auth/access-tokens.ts';
import { type Clock, createManualClock, systemClock } from '../../server/clock.ts';
import { type Config, loadConfig } from '../../server/config.ts';
import { createAfterAnswers } from '../../server/http/after-answer.ts';
import { listen } from '../../server/http-server.ts';
import { createLogger } from '../../server/log.ts';
import { type MailWorker, startMailWorker } from '../../server/mail/worker.ts';
import type { Db } from '../../server/store/database.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** The origin the tests' "page" claims; it is in the allow-list. */
export const TEST_ORIGIN = 'http://localhost:9999';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestService {
  url: string;
  adminToken: string;
  config: Readonly<Config>;
  db: Db;
  /** With `clock: 'manual'`, `advance` moves the service's time. */
  clock: Clock & { advance?(milliseconds: number): void };
  /** Every log line the service wrote, at its LOG_LEVEL. */
  logs: string[];
  databasePath: string;
  /** Its own database: the SQLite file at `databasePath`, or a PostgreSQL database. */
  database: TestDatabase;
  /** Settles once the work after the answers so far (a reset link's mail) is done. */
  afterAnswers(): Promise<void>;
  /** The mail worker, when SMTP_URL is configured. */
  mailWorker: MailWorker | null;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** Configuration on top of the test defaults, as environment variables. */
  env?: Record<string, string>;
  /** 'manual' gives a clock that only moves when the test advances it. */
  clock?: 'system' | 'manual';
}

export async function startService(options: ServiceOptions = {}): Promise<TestService> {
  const folder = mkdtempSync(join(tmpdir(), 'portal-test-'));
  const databasePath = join(folder, 'portal.db');
  const database = await createTestDatabase(databasePath);
  const config = loadConfig({
    PORT: '0',
    ...database.env,
    PORTAL_ADMIN_TOKEN: ADMIN_TOKEN,
    PORTAL_ALLOWED_ORIGINS: TEST_ORIGIN,
    PORTAL_PUBLIC_URL: 'http://localhost:9999/portal',
    ...options.env,
  });
  const clock = options.clock === 'manual' ? createManualClock() : systemClock;
  const db = await database.open();
  await ensureSigningKey(db, clock);
  const logs: string[] = [];
  // At the configured level (LOG_LEVEL, default info), as the service writes it.
  const logger = createLogger((line) => logs.push(line), { level: config.logLevel });
  const afterAnswers = createAfterAnswers(logger);
  const app = createApp({ config, db, clock, logger, afterAnswers });
  // Each request after the work the ones before it left (a reset link's mail) is done, as
  // one browser would see it a moment later: tests look at once, and may run on a remote
  // database (PostgreSQL), where that work takes a few milliseconds.
  const server = await listen(
    async (request, env) => {
      await afterAnswers.settled();
      return app.fetch(request, env);
    },
    '127.0.0.1',
    0,
  );
  // With SMTP_URL the worker delivers as in production; tests call deliverDue() to not wait.
  const mailWorker = config.smtpUrl
    ? startMailWorker({ db, config, logger, clock, pollMilliseconds: 200 })
    : null;
  return {
    url: server.url,
    adminToken: ADMIN_TOKEN,
    config,
    db,
    clock,
    logs,
    databasePath,
    database,
    afterAnswers: () => afterAnswers.settled(),
    mailWorker,
    async stop() {
      await server.close();
      await mailWorker?.stop();
      await db.close();
      await database.drop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A service for the whole test file: started before its tests, stopped after them.
 * `setUp` runs once it is up, in the same hook: Node 20 runs a file's top-level `before`
 * hooks concurrently, so a second hook could not count on the service being there.
 *
 * @example
 * const service = useService({ clock: 'manual' }, async () => {
 *   client = new Client(service.url);
 * });
 */
export function useService(
  options: ServiceOptions = {},
  setUp: () => void | Promise<void> = () => {},
): TestService {
  let started: TestService | undefined;
  before(async () => {
    started = await startService(options);
    await setUp();
  });
  after(() => started?.stop());
  return new Proxy({} as TestService, {
    get(_target, key: keyof TestService) {
      if (!started) throw new Error('the service starts in before(): use it inside a test');
      return started[key];
    },
  });
}
