/**
 * @module Throttling of failed attempts, after Keycloak's brute-force detection (S08, S09).
 * Accounts: after 5 failures, waits of 1, 2, 4 … up to 15 minutes, and never more than
 * 100 failures an hour. Addresses: a budget per 15-minute window. Unknown customer
 * numbers are counted exactly like known ones, or a 429 would tell which exist. A
 * password guess is counted before it is checked (`reserveAttempt`), so guesses sent at
 * once cannot all slip through while the first ones are still being hashed.
 */
import type { Clock } from '../clock.ts';
import type { Db } from '../store/database.ts';
import { inTransaction } from '../store/query.ts';
import {
  deleteThrottle,
  findThrottle,
  lockThrottleKeys,
  saveThrottle,
  type ThrottleRow,
} from '../store/throttle.ts';

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

/** The failures of an account without a wait; the last of them starts the first wait. */
const ACCOUNT_FREE_FAILURES = 5;

const ACCOUNT_POLICY: ThrottlePolicy = {
  // windowStartedAt holds the last failure; 12 hours of quiet forgets them (Keycloak's default).
  isStale: (row, now) => now - row.windowStartedAt > 12 * HOUR,
  lockUntil(row, now) {
    if (row.hourFailures >= 100) return row.hourStartedAt + HOUR;
    if (row.failures < ACCOUNT_FREE_FAILURES) return 0;
    return now + Math.min(2 ** (row.failures - ACCOUNT_FREE_FAILURES) * MINUTE, 15 * MINUTE);
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
  // Calls to /admin/… with a wrong or no operator token (S27).
  admin: addressPolicy(10),
} as const;
export type ThrottleKind = keyof typeof THROTTLES;
/** The kinds whose subject is a source address. */
export type AddressKind = Exclude<ThrottleKind, 'account'>;

/** The key for a kind: `account:NUMBER`, `login:ADDRESS`, … */
export function throttleKey(kind: ThrottleKind, subject: string): string {
  return `${kind}:${subject}`;
}

/** Seconds to wait before `key` may try again; 0 when it may try now. */
export async function secondsLocked(
  db: Db,
  kind: ThrottleKind,
  subject: string,
  now: number,
): Promise<number> {
  const row = await findThrottle(db, throttleKey(kind, subject));
  if (!row || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil - now) / 1000);
}

/**
 * Counts one failure and sets the wait its kind asks for. Returns that wait in seconds, 0
 * for none: attempts during a wait are refused before they count, so a wait returned
 * here is one this failure starts.
 */
export function recordFailure(
  db: Db,
  kind: ThrottleKind,
  subject: string,
  now: number,
): Promise<number> {
  return inTransaction(db, (tx) => countFailure(tx, kind, subject, now));
}

async function countFailure(
  db: Db,
  kind: ThrottleKind,
  subject: string,
  now: number,
): Promise<number> {
  const key = throttleKey(kind, subject);
  await lockThrottleKeys(db, [key]);
  return countLockedFailure(db, kind, key, await findThrottle(db, key), now);
}

/** Counts one failure of a key this transaction holds locked, whose row reads `previous`. */
async function countLockedFailure(
  db: Db,
  kind: ThrottleKind,
  key: string,
  previous: ThrottleRow | null,
  now: number,
): Promise<number> {
  const policy = THROTTLES[kind];
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
  await saveThrottle(db, row);
  return row.lockedUntil > now ? Math.ceil((row.lockedUntil - now) / 1000) : 0;
}

/** What `reserveAttempt` decided. */
export type AttemptReservation =
  | {
      allowed: false;
      /** The wait of each key that waits, in seconds. */
      waits: Partial<Record<ThrottleKind, number>>;
      /** The longest of them: the answer's Retry-After. */
      waitSeconds: number;
    }
  | {
      allowed: true;
      /** When the attempt was counted: `giveBackAttempt` needs it. */
      at: number;
      /** The wait, in seconds, that counting this attempt started for a key, if any. */
      lockedFor: Partial<Record<ThrottleKind, number>>;
      /**
       * Says the check is over and its outcome recorded (failures forgotten, or left
       * counted): attempts waiting for this one look again. Idempotent; done by itself
       * after a while if a request ends without it.
       */
      settle(): void;
    };

/** Longest an attempt waits for the attempts in flight before it that hold it back. */
const WAIT_FOR_CHECKS_MILLISECONDS = 5_000;
/** How often a waiting attempt looks again, besides when a check in flight settles. */
const LOOK_AGAIN_MILLISECONDS = 100;

/** This process's attempts still being checked, per database and key; and who waits. */
const inFlight = new WeakMap<Db, { counts: Map<string, number>; waiters: Set<() => void> }>();

function inFlightOf(db: Db) {
  let state = inFlight.get(db);
  if (!state) {
    state = { counts: new Map(), waiters: new Set() };
    inFlight.set(db, state);
  }
  return state;
}

/** Counts the attempt and takes the wait it starts, unless a key waits already. */
function countAttempt(
  db: Db,
  subjects: ReadonlyArray<readonly [ThrottleKind, string]>,
  now: number,
) {
  return inTransaction(db, async (tx) => {
    // Every key first, in one order: two attempts never wait for each other's keys.
    const keys = subjects.map(([kind, subject]) => [kind, throttleKey(kind, subject)] as const);
    await lockThrottleKeys(
      tx,
      keys.map(([, key]) => key),
    );
    // Each row read once, for the wait and the count: a login is one of the busiest paths.
    const rows: Array<ThrottleRow | null> = [];
    const waits: Partial<Record<ThrottleKind, number>> = {};
    for (const [kind, key] of keys) {
      const row = await findThrottle(tx, key);
      rows.push(row);
      if (row && row.lockedUntil > now) waits[kind] = Math.ceil((row.lockedUntil - now) / 1000);
    }
    const waitSeconds = Math.max(0, ...Object.values(waits));
    if (waitSeconds > 0) return { allowed: false as const, waits, waitSeconds };
    const lockedFor: Partial<Record<ThrottleKind, number>> = {};
    for (const [index, [kind, key]] of keys.entries()) {
      const wait = await countLockedFailure(tx, kind, key, rows[index] ?? null, now);
      if (wait > 0) lockedFor[kind] = wait;
    }
    return { allowed: true as const, at: now, lockedFor };
  });
}

/**
 * Checks that an attempt may be made and counts it as a failure, in one (IMMEDIATE)
 * transaction, before its password is hashed. Attempts sent at once thus see each other:
 * no more reach the slow password check than one after another would (S08, S09), also
 * across processes on the same file. A refused attempt is not counted.
 *
 * An attempt held back only by attempts of this process still being checked waits for
 * them (at most 5 s) and looks again: if one of them was right, the failures are
 * forgotten and it goes ahead, so a customer's own logins sent at once all succeed; if
 * they were all wrong, it is refused like any attempt during a wait. Once the password
 * proves right, `clearFailures` (account) and `giveBackAttempt` (address) undo the count;
 * a wrong one leaves it, and a crash mid-check counts as a failure. Either way the route
 * calls `settle()` after recording it. `subjects` holds one subject per kind.
 */
export async function reserveAttempt(
  db: Db,
  subjects: ReadonlyArray<readonly [ThrottleKind, string]>,
  clock: Clock,
): Promise<AttemptReservation> {
  const state = inFlightOf(db);
  const keys = subjects.map(([kind, subject]) => throttleKey(kind, subject));
  const waitUntil = performance.now() + WAIT_FOR_CHECKS_MILLISECONDS;
  for (;;) {
    const counted = await countAttempt(db, subjects, clock.now());
    if (counted.allowed) {
      for (const key of keys) state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
      let settled = false;
      const settle = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        for (const key of keys) {
          const count = (state.counts.get(key) ?? 1) - 1;
          if (count > 0) state.counts.set(key, count);
          else state.counts.delete(key);
        }
        for (const wake of state.waiters) wake();
      };
      const timer = setTimeout(settle, 2 * WAIT_FOR_CHECKS_MILLISECONDS);
      timer.unref();
      return { ...counted, settle };
    }
    // Every key that waits has attempts being checked; a wait of its own is answered now.
    const heldBackByChecks = subjects.every(
      ([kind, subject]) =>
        counted.waits[kind] === undefined || state.counts.has(throttleKey(kind, subject)),
    );
    if (!heldBackByChecks || performance.now() >= waitUntil) return counted;
    await new Promise<void>((resolve) => {
      const wake = () => {
        state.waiters.delete(wake);
        clearTimeout(fallback);
        resolve();
      };
      const fallback = setTimeout(wake, LOOK_AGAIN_MILLISECONDS);
      state.waiters.add(wake);
    });
  }
}

/**
 * Takes back the failure an address's attempt was counted as by `reserveAttempt`, once
 * the attempt succeeded: a customer's own logins do not use up their address's budget.
 */
export async function giveBackAttempt(
  db: Db,
  kind: AddressKind,
  subject: string,
  reservedAt: number,
  now: number,
): Promise<void> {
  const key = throttleKey(kind, subject);
  await lockThrottleKeys(db, [key]);
  const row = await findThrottle(db, key);
  // Gone, or counting afresh since: the attempt is no longer in the count.
  if (!row || row.windowStartedAt > reservedAt) return;
  row.failures = Math.max(0, row.failures - 1);
  if (row.hourStartedAt <= reservedAt) row.hourFailures = Math.max(0, row.hourFailures - 1);
  row.lockedUntil = THROTTLES[kind].lockUntil(row, now);
  await saveThrottle(db, row);
}

/**
 * How many more failures a customer number may have before one starts a wait, so the
 * customer is warned in time; 0 once every failure does. Unknown numbers are counted like
 * known ones, so the answer tells nothing about which exist (S06).
 */
export async function failuresBeforeWait(
  db: Db,
  customerNumber: string,
  now: number,
): Promise<number> {
  const row = await findThrottle(db, throttleKey('account', customerNumber));
  if (!row || ACCOUNT_POLICY.isStale(row, now)) return ACCOUNT_FREE_FAILURES;
  return Math.max(0, ACCOUNT_FREE_FAILURES - row.failures);
}

/** Forgets the failures: a successful login, a reset, an operator's unlock. */
export async function clearFailures(db: Db, kind: ThrottleKind, subject: string): Promise<void> {
  const key = throttleKey(kind, subject);
  // The key's lock before its row's, as every other count takes them (no deadlock).
  await lockThrottleKeys(db, [key]);
  await deleteThrottle(db, key);
}
