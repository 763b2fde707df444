/**
 * @module What one `npm run bench` does, read from the environment once: how long each
 * load lasts, how many cold page loads, which table sizes. `BENCH_QUICK=1` shrinks
 * everything for a quick check of the bench itself; its figures mean nothing. `BENCH_STORE`
 * (or `--store`) chooses the service's database.
 */
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const quick = process.env.BENCH_QUICK === '1';
/** `BENCH_STORE=postgres` or `npm run bench -- --store postgres`: logins and refreshes on PostgreSQL. */
const storeArgument = process.argv.indexOf('--store');
const store =
  (storeArgument > 0 ? process.argv[storeArgument + 1] : process.env.BENCH_STORE) ?? 'sqlite';
if (store !== 'sqlite' && store !== 'postgres') {
  throw new Error(`the bench's store is sqlite or postgres, not "${store}"`);
}
const results = store === 'postgres' ? 'results-postgres.md' : 'results.md';

export const SETTINGS = Object.freeze({
  quick,
  /** The service's store; on PostgreSQL only the login and token runs are measured. */
  store: store as 'sqlite' | 'postgres',
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
        quick ? `../../test-results/bench/${results}` : `../../bench/${results}`,
        import.meta.url,
      ),
    ),
});
