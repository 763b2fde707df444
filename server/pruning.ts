/**
 * @module The pruning job: a minute after the start and then every hour, deletes the
 * rows server/store/retention.ts lets go (old audit rows, finished mails, ended sessions,
 * spent tokens, stale throttle counters), and logs what it deleted. Its timer never keeps
 * the process alive; `stop` waits for a run in progress to finish its batch.
 *
 * @example
 * const pruning = startPruning({ db, config, clock, logger });
 * await pruning.stop();  // on SIGTERM, before db.close()
 */
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Db } from './store/database.ts';
import { type PrunedRows, pruneExpiredRows } from './store/retention.ts';

export interface PruningOptions {
  db: Db;
  config: Readonly<Config>;
  clock: Clock;
  logger: Logger;
  /** Until the first run; a minute by default, so a start is not slowed by it. */
  firstDelayMilliseconds?: number;
  /** Between runs; an hour by default. */
  intervalMilliseconds?: number;
}

export interface Pruning {
  /** Runs now (or joins the run in progress) and resolves to what it deleted. */
  pruneNow(): Promise<PrunedRows>;
  stop(): Promise<void>;
}

export function startPruning(options: PruningOptions): Pruning {
  const { db, config, clock, logger } = options;
  const { firstDelayMilliseconds = 60_000, intervalMilliseconds = 3_600_000 } = options;
  let stopped = false;
  let running: Promise<PrunedRows> | null = null;
  let timer: NodeJS.Timeout | undefined;

  async function run(): Promise<PrunedRows> {
    try {
      const pruned = await pruneExpiredRows(db, config, clock.now(), {
        shouldStop: () => stopped,
      });
      const total = Object.values(pruned).reduce((sum, count) => sum + count, 0);
      if (total > 0) logger.info('database_pruned', pruned);
      return pruned;
    } catch (error) {
      // A failed run (a full disk, say) must not end the job: the next one tries again.
      logger.error('database_pruning_failed', { error: (error as Error).message });
      return {};
    }
  }

  function pruneNow(): Promise<PrunedRows> {
    if (stopped) return Promise.resolve({});
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void pruneNow().finally(() => schedule(intervalMilliseconds));
    }, delay);
    timer.unref();
  }

  schedule(firstDelayMilliseconds);
  return {
    pruneNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
