/**
 * @module How long rows are kept, in one place: what the pruning job (server/pruning.ts)
 * deletes. Audit rows and finished mails after their configured days; sessions, one-time
 * tokens and throttle counters a day after they stopped mattering, so a stream of failed
 * attempts cannot grow the file without bound. A mail still to be delivered is never
 * deleted (S29), except in the dev mailbox, which nothing ever delivers.
 */
import type { Config } from '../config.ts';
import type { Db } from './database.ts';

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

/** A table and the rows of it that may go, as an SQL condition with its parameters. */
interface RetentionRule {
  table: string;
  where: string;
  parameters: number[];
}

function retentionRules(config: RetentionConfig, now: number): RetentionRule[] {
  const used = now - AFTER_USE;
  const mailsBefore = now - config.mailRetentionDays * DAY;
  const devMailbox = config.smtpUrl === null && !config.production;
  return [
    { table: 'audit_log', where: 'at < ?', parameters: [now - config.auditRetentionDays * DAY] },
    {
      table: 'outbox',
      where: devMailbox ? 'created_at < ?' : 'sent_at < ? OR (sent_at IS NULL AND failed_at < ?)',
      parameters: devMailbox ? [mailsBefore] : [mailsBefore, mailsBefore],
    },
    // Their refresh tokens go with them (ON DELETE CASCADE).
    {
      table: 'sessions',
      where: 'revoked_at < ? OR last_used_at < ? OR created_at < ?',
      parameters: [
        used,
        used - config.sessionIdleSeconds * 1000,
        used - config.sessionAbsoluteSeconds * 1000,
      ],
    },
    { table: 'change_tokens', where: 'expires_at < ? OR used_at < ?', parameters: [used, used] },
    { table: 'reset_tokens', where: 'expires_at < ?', parameters: [used] },
    {
      table: 'throttle',
      where: 'locked_until < ? AND window_started_at < ? AND hour_started_at < ?',
      parameters: [now, used, used],
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
    const statement = db.prepare(
      `DELETE FROM ${rule.table} WHERE rowid IN (
         SELECT rowid FROM ${rule.table} WHERE ${rule.where} LIMIT ?)`,
    );
    let deleted = 0;
    for (;;) {
      if (shouldStop()) return pruned;
      const { changes } = db.transaction(() => statement.run(...rule.parameters, batchSize))();
      deleted += changes;
      pruned[rule.table] = deleted;
      if (changes < batchSize) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return pruned;
}
