/**
 * @module The throttle table: failure counters with a lock time, one row per key
 * ('account:NUMBER', 'login:ADDRESS', ...). The rules live in auth/throttle.ts.
 */
import type { Db } from './database.ts';
import { execute, lockNames, selectFirst, sql } from './query.ts';

export interface ThrottleRow {
  key: string;
  failures: number;
  windowStartedAt: number;
  hourFailures: number;
  hourStartedAt: number;
  lockedUntil: number;
}

export function findThrottle(db: Db, key: string): Promise<ThrottleRow | null> {
  return selectFirst(
    db,
    sql<ThrottleRow>`SELECT key, failures, window_started_at AS "windowStartedAt",
      hour_failures AS "hourFailures", hour_started_at AS "hourStartedAt",
      locked_until AS "lockedUntil" FROM throttle WHERE key = ${key}`,
  );
}

/**
 * Makes other instances' counts of these keys wait until this transaction ends, so two
 * failures counted at once are two (read, add one, write), also before the row exists.
 */
export function lockThrottleKeys(db: Db, keys: readonly string[]): Promise<void> {
  return lockNames(
    db,
    keys.map((key) => `throttle:${key}`),
  );
}

export async function saveThrottle(db: Db, row: ThrottleRow): Promise<void> {
  await execute(
    db,
    sql`INSERT INTO throttle (key, failures, window_started_at, hour_failures, hour_started_at, locked_until)
     VALUES (${row.key}, ${row.failures}, ${row.windowStartedAt}, ${row.hourFailures},
       ${row.hourStartedAt}, ${row.lockedUntil})
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
       window_started_at = excluded.window_started_at, hour_failures = excluded.hour_failures,
       hour_started_at = excluded.hour_started_at, locked_until = excluded.locked_until`,
  );
}

export async function deleteThrottle(db: Db, key: string): Promise<void> {
  await execute(db, sql`DELETE FROM throttle WHERE key = ${key}`);
}
