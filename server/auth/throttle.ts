/**
 * @module Throttling of failed attempts, after Keycloak's brute-force detection (S08, S09).
 * Accounts: after 5 failures, waits of 1, 2, 4 … up to 15 minutes, and never more than
 * 100 failures an hour. Addresses: a budget per 15-minute window. Unknown customer
 * numbers are counted exactly like known ones, or a 429 would tell which exist.
 */
import type { Db } from '../store/database.ts';
import { deleteThrottle, findThrottle, saveThrottle, type ThrottleRow } from '../store/throttle.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ADDRESS_WINDOW = 15 * MINUTE;

/** How a kind of key counts: when its count starts again, and how long it then waits. */
interface ThrottlePolicy {
  /** Whether the counting starts afresh (the last failure is old enough). */
  isStale(row: ThrottleRow, now: number): boolean;
  /** Until when the key must wait after this failure; 0 for no wait. */
  lockUntil(row: ThrottleRow, now: number): number;
}

const ACCOUNT_POLICY: ThrottlePolicy = {
  // windowStartedAt holds the last failure; 12 hours of quiet forgets them (Keycloak's default).
  isStale: (row, now) => now - row.windowStartedAt > 12 * HOUR,
  lockUntil(row, now) {
    if (row.hourFailures >= 100) return row.hourStartedAt + HOUR;
    if (row.failures < 5) return 0;
    return now + Math.min(2 ** (row.failures - 5) * MINUTE, 15 * MINUTE);
  },
};

function addressPolicy(budget: number): ThrottlePolicy {
  return {
    isStale: (row, now) => now - row.windowStartedAt >= ADDRESS_WINDOW,
    lockUntil: (row) => (row.failures >= budget ? row.windowStartedAt + ADDRESS_WINDOW : 0),
  };
}

/** The kinds of keys: one customer number, and a source address per kind of request. */
export const THROTTLES = {
  account: ACCOUNT_POLICY,
  login: addressPolicy(30),
  forgot: addressPolicy(10),
  reset: addressPolicy(20),
} as const;
export type ThrottleKind = keyof typeof THROTTLES;

/** The key for a kind: `account:NUMBER`, `login:ADDRESS`, … */
export function throttleKey(kind: ThrottleKind, subject: string): string {
  return `${kind}:${subject}`;
}

/** Seconds to wait before `key` may try again; 0 when it may try now. */
export function secondsLocked(db: Db, kind: ThrottleKind, subject: string, now: number): number {
  const row = findThrottle(db, throttleKey(kind, subject));
  if (!row || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil - now) / 1000);
}

/**
 * Counts one failure and sets the wait its kind asks for. Returns that wait in seconds, 0
 * for none: attempts during a wait are refused before they count, so a wait returned
 * here is one this failure starts.
 */
export function recordFailure(db: Db, kind: ThrottleKind, subject: string, now: number): number {
  const key = throttleKey(kind, subject);
  const policy = THROTTLES[kind];
  const previous = findThrottle(db, key);
  const row: ThrottleRow =
    previous && !policy.isStale(previous, now)
      ? { ...previous }
      : {
          key,
          failures: 0,
          windowStartedAt: now,
          hourFailures: 0,
          hourStartedAt: now,
          lockedUntil: 0,
        };
  if (now - row.hourStartedAt >= HOUR) {
    row.hourFailures = 0;
    row.hourStartedAt = now;
  }
  row.failures += 1;
  row.hourFailures += 1;
  if (kind === 'account') row.windowStartedAt = now;
  row.lockedUntil = policy.lockUntil(row, now);
  saveThrottle(db, row);
  return row.lockedUntil > now ? Math.ceil((row.lockedUntil - now) / 1000) : 0;
}

/** Forgets the failures: a successful login, a reset, an operator's unlock. */
export function clearFailures(db: Db, kind: ThrottleKind, subject: string): void {
  deleteThrottle(db, throttleKey(kind, subject));
}
