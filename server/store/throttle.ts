/**
 * @module The throttle table: failure counters with a lock time, one row per key
 * ('account:NUMBER', 'login:ADDRESS', ...). The rules live in auth/throttle.ts.
 */
import type { Db } from './database.ts';

export interface ThrottleRow {
  key: string;
  failures: number;
  windowStartedAt: number;
  hourFailures: number;
  hourStartedAt: number;
  lockedUntil: number;
}

export function findThrottle(db: Db, key: string): ThrottleRow | null {
  const row = db
    .prepare(
      `SELECT key, failures, window_started_at AS windowStartedAt, hour_failures AS hourFailures,
         hour_started_at AS hourStartedAt, locked_until AS lockedUntil FROM throttle WHERE key = ?`,
    )
    .get(key) as ThrottleRow | undefined;
  return row ?? null;
}

export function saveThrottle(db: Db, row: ThrottleRow): void {
  db.prepare(
    `INSERT INTO throttle (key, failures, window_started_at, hour_failures, hour_started_at, locked_until)
     VALUES (@key, @failures, @windowStartedAt, @hourFailures, @hourStartedAt, @lockedUntil)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
       window_started_at = excluded.window_started_at, hour_failures = excluded.hour_failures,
       hour_started_at = excluded.hour_started_at, locked_until = excluded.locked_until`,
  ).run(row);
}

export function deleteThrottle(db: Db, key: string): void {
  db.prepare('DELETE FROM throttle WHERE key = ?').run(key);
}
