/**
 * @module What one `npm run bench` does, read from the environment once: how long each
 * load lasts, how many cold page loads, which table sizes. `BENCH_QUICK=1` shrinks
 * everything for a quick check of the bench itself; its figures mean nothing.
 */
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const quick = process.env.BENCH_QUICK === '1';

export const SETTINGS = Object.freeze({
  quick,
  /** Each measured load, in seconds, after a warm-up that is not counted. */
  loadSeconds: quick ? 1 : 5,
  warmUpSeconds: quick ? 0.5 : 1,
  /** Connections of the login runs; the argon2 floor runs at the same concurrency. */
  loginConnections: [1, 8, 32] as const,
  /** Connections of the /api/me and refresh runs and their floors. */
  tokenConnections: 8,
  /** Connections of the memory run: a mix of logins, /api/me and refreshes. */
  memoryConnections: { login: 20, me: 15, refresh: 15 },
  /** /healthz probes a second, beside the 32-connection login burst and without it. */
  healthProbesPerSecond: 20,
  /** Cold loads of each page in Chromium; the tables give the median. */
  pageLoads: quick ? 3 : 20,
  /** Customers (and as many sessions) of the main database. */
  customers: quick ? 1_000 : 10_000,
  /** Table sizes of the scale run: login and refresh latency at each. */
  scaleSizes: quick ? [100, 1_000, 10_000] : [100, 10_000, 100_000],
  /** Where the results go; a quick run never overwrites the real ones. */
  output:
    process.env.BENCH_OUTPUT ??
    fileURLToPath(
      new URL(
        quick ? '../../test-results/bench/results.md' : '../../bench/results.md',
        import.meta.url,
      ),
    ),
});
