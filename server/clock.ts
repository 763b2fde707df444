/**
 * @module Time as a dependency, so tests can move it: expiry, idle limits and throttling
 * all read `clock.now()`, never `Date.now()`.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until told to move, for tests. */
export function createManualClock(start = Date.UTC(2026, 10, 26, 9, 0, 0)): Clock & {
  advance(milliseconds: number): void;
} {
  let current = start;
  return {
    now: () => current,
    advance(milliseconds) {
      current += milliseconds;
    },
  };
}
