/**
 * @module How long rows are kept, in one place: what the pruning job (server/pruning.ts)
 * deletes. Audit rows and finished mails after their configured days; sessions, one-time
 * tokens and throttle counters a day after they stopped mattering, so a stream of failed
 * attempts cannot grow the file without bound. A mail still to be delivered is never
 * deleted (S29), except in the dev mailbox, which nothing ever delivers.
 */

import type { RawBuilder } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from './database.ts';
import { execute, sql } from './query.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A day past the end of their use: an ended session answers exactly like a deleted one
 * (401), and a throttle counter a day old counts afresh anyway (auth/throttle.ts).
 */
const AFTER_USE = DAY;

type RetentionConfig = Pick<
  Config,
  | 'auditRetentionDays'
  | 'mailRetentionDays'
  | 'sessionIdleSeconds'
  | 'sessionAbsoluteSeconds'
  | 'smtpUrl'
  | 'production'
>;

/** A table, its key column, and the rows of it that may go, as an SQL condition. */
interface RetentionRule {
  table: string;
  key: string;
  where: RawBuilder<unknown>;
}

function retentionRules(config: RetentionConfig, now: number): RetentionRule[] {
  const used = now - AFTER_USE;
  const mailsBefore = now - config.mailRetentionDays * DAY;
  const devMailbox = config.smtpUrl === null && !config.production;
  return [
    { table: 'audit_log', key: 'id', where: sql`at < ${now - config.auditRetentionDays * DAY}` },
    {
      table: 'outbox',
      key: 'id',
      where: devMailbox
        ? sql`created_at < ${mailsBefore}`
        : sql`sent_at < ${mailsBefore} OR (sent_at IS NULL AND failed_at < ${mailsBefore})`,
    },
    // Their refresh tokens go with them (ON DELETE CASCADE).
    {
      table: 'sessions',
      key: 'id',
      where: sql`revoked_at < ${used} OR last_used_at < ${used - config.sessionIdleSeconds * 1000}
        OR created_at < ${used - config.sessionAbsoluteSeconds * 1000}`,
    },
    {
      table: 'change_tokens',
      key: 'token_hash',
      where: sql`expires_at < ${used} OR used_at < ${used}`,
    },
    { table: 'reset_tokens', key: 'customer_id', where: sql`expires_at < ${used}` },
    {
      table: 'throttle',
      key: 'key',
      where: sql`locked_until < ${now} AND window_started_at < ${used} AND hour_started_at < ${used}`,
    },
  ];
}

/** How many rows of each table one pruning deleted. */
export type PrunedRows = Record<string, number>;

/**
 * Deletes what the rules let go, in transactions of at most `batchSize` rows: the service
 * answers requests between them instead of waiting for one long delete.
 */
export async function pruneExpiredRows(
  db: Db,
  config: RetentionConfig,
  now: number,
  options: { batchSize?: number; shouldStop?: () => boolean } = {},
): Promise<PrunedRows> {
  const { batchSize = 1_000, shouldStop = () => false } = options;
  const pruned: PrunedRows = {};
  for (const rule of retentionRules(config, now)) {
    const table = sql.table(rule.table);
    const key = sql.ref(rule.key);
    let deleted = 0;
    for (;;) {
      if (shouldStop()) return pruned;
      const changes = await execute(
        db,
        sql`DELETE FROM ${table} WHERE ${key} IN (
          SELECT ${key} FROM ${table} WHERE ${rule.where} LIMIT ${batchSize})`,
      );
      deleted += changes;
      pruned[rule.table] = deleted;
      if (changes < batchSize) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return pruned;
}
