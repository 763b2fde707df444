/**
 * @module Starts the floors, each in a process of its own beside the service: the argon2
 * verify loop (floors/argon2-verify.ts) and the Hono routes (floors/hono-routes.ts).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type RunningProcess, startProcess } from './processes.ts';
import { PROJECT_ROOT, SETTINGS } from './settings.ts';
import type { Percentiles } from './statistics.ts';

const FLOORS = join(PROJECT_ROOT, 'scripts/bench/floors');

export interface VerifyFloor extends Percentiles {
  perSecond: number;
}

/** Raw argon2id verifies of `hash`, `concurrency` at a time, in a new process. */
export async function measureArgon2Floor(
  hash: string,
  password: string,
  concurrency: number,
): Promise<VerifyFloor> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      join(FLOORS, 'argon2-verify.ts'),
      hash,
      password,
      String(concurrency),
      String(SETTINGS.warmUpSeconds),
      String(SETTINGS.loadSeconds),
    ],
    { cwd: PROJECT_ROOT, timeout: 60_000 },
  );
  return JSON.parse(stdout) as VerifyFloor;
}

/** The Hono floor routes on `port`, on a copy of the service's database. */
export function startHonoFloor(options: {
  port: number;
  databasePath: string;
  issuer: string;
  audience: string;
  logFile: string;
}): Promise<RunningProcess> {
  return startProcess({
    args: ['--import', 'tsx', join(FLOORS, 'hono-routes.ts')],
    cwd: PROJECT_ROOT,
    env: {
      FLOOR_PORT: String(options.port),
      FLOOR_DB: options.databasePath,
      FLOOR_ISSUER: options.issuer,
      FLOOR_AUDIENCE: options.audience,
    },
    url: `http://127.0.0.1:${options.port}`,
    readyPath: '/bare',
    logFile: options.logFile,
  });
}
