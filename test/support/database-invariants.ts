/**
 * @module What must hold in the database after any load, a crash included: the file is
 * sound, and every action is there whole or not at all (S30), because each one commits
 * its rows in one transaction. Each check returns what it found wrong, in words an
 * operator reads, so a failing test says which action was left half-done.
 */
import { CHANGE_TOKEN_SECONDS } from '../../server/accounts/login.ts';
import type { Db } from '../../server/store/database.ts';
import { selectAll, sql } from '../../server/store/query.ts';

/**
 * `PRAGMA integrity_check` and `foreign_key_check`, as lines of what is wrong. PostgreSQL
 * checks its foreign keys at every write and has no file to damage: nothing to look at.
 */
export function findDamage(db: Db): string[] {
  if (!db.sqlite) return [];
  const integrity = db.sqlite.pragma('integrity_check', { simple: true });
  const problems = integrity === 'ok' ? [] : [`integrity_check: ${String(integrity)}`];
  const orphans = db.sqlite.pragma('foreign_key_check') as { table: string; parent: string }[];
  for (const orphan of orphans) problems.push(`a ${orphan.table} row without its ${orphan.parent}`);
  return problems;
}

/** Actions that revoke sessions, and the audit row each writes in the same transaction. */
const REVOKING_ACTIONS = [
  'password_changed',
  'password_reset',
  'refresh_token_reuse',
  'logout',
  'initial_password_resent',
  'customer_disabled',
];
/** Actions that open a session, in the same transaction as their audit row. */
const OPENING_ACTIONS = ['login', 'password_reset', 'password_changed'];

const list = (names: string[]) => names.map((name) => `'${name}'`).join(', ');

/**
 * Every action whole: each query below lists the rows that one action would have left
 * behind had it committed only in part. Empty when every action is whole.
 */
export async function findHalfDoneActions(db: Db): Promise<string[]> {
  const checks: [string, string][] = [
    [
      'a password changed while an older session stayed open',
      `SELECT c.number || ' session ' || s.id FROM sessions s JOIN customers c ON c.id = s.customer_id
       WHERE s.revoked_at IS NULL AND s.created_at < c.password_changed_at`,
    ],
    [
      'a password changed without its audit row',
      `SELECT c.number FROM customers c WHERE c.password_changed_at IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM audit_log a WHERE a.customer_id = c.id AND a.at = c.password_changed_at
           AND a.action IN ('password_changed', 'password_reset'))`,
    ],
    [
      'password changes and "your password was changed" mails do not pair up',
      `SELECT c.number || ': ' || changes || ' changes, ' || mails || ' mails' FROM (
         SELECT c.number,
           (SELECT count(*) FROM audit_log a WHERE a.customer_id = c.id
              AND a.action IN ('password_changed', 'password_reset')) AS changes,
           (SELECT count(*) FROM outbox o WHERE o.customer_id = c.id
              AND o.kind = 'password_changed') AS mails
         FROM customers c) c WHERE changes <> mails`,
    ],
    [
      'a "your password was changed" mail without the change',
      `SELECT o.id FROM outbox o WHERE o.kind = 'password_changed' AND NOT EXISTS (
         SELECT 1 FROM audit_log a WHERE a.customer_id = o.customer_id AND a.at = o.created_at
           AND a.action IN ('password_changed', 'password_reset'))`,
    ],
    [
      'reset requests and reset mails do not pair up',
      `SELECT c.number || ': ' || requests || ' requests, ' || mails || ' mails' FROM (
         SELECT c.number,
           (SELECT count(*) FROM audit_log a WHERE a.customer_id = c.id
              AND a.action = 'password_reset_requested') AS requests,
           (SELECT count(*) FROM outbox o WHERE o.customer_id = c.id
              AND o.kind = 'password_reset') AS mails
         FROM customers c) c WHERE requests <> mails`,
    ],
    [
      'a reset link older than the password change still valid',
      `SELECT c.number FROM reset_tokens r JOIN customers c ON c.id = r.customer_id
       WHERE r.created_at < c.password_changed_at`,
    ],
    [
      'a change token older than the password change still valid',
      `SELECT c.number FROM change_tokens t JOIN customers c ON c.id = t.customer_id
       WHERE t.expires_at - ${CHANGE_TOKEN_SECONDS * 1000} < c.password_changed_at`,
    ],
    [
      'a refresh token without its session',
      `SELECT r.token_hash FROM refresh_tokens r LEFT JOIN sessions s ON s.id = r.session_id
       WHERE s.id IS NULL`,
    ],
    [
      'a session without the refresh token it was opened with',
      `SELECT s.id FROM sessions s WHERE NOT EXISTS (
         SELECT 1 FROM refresh_tokens r WHERE r.session_id = s.id AND r.issued_at = s.created_at)`,
    ],
    [
      'a refresh token marked rotated without the token that replaced it',
      `SELECT r.session_id FROM refresh_tokens r WHERE r.rotated_at IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM refresh_tokens n WHERE n.session_id = r.session_id
           AND n.issued_at = r.rotated_at AND n.token_hash <> r.token_hash)`,
    ],
    [
      'a refresh token issued after its session was revoked',
      `SELECT s.id FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id
       WHERE r.issued_at > s.revoked_at`,
    ],
    [
      'a session revoked without the audit row of the action that revoked it',
      `SELECT s.id FROM sessions s WHERE s.revoked_at IS NOT NULL AND NOT EXISTS (
         SELECT 1 FROM audit_log a WHERE a.customer_id = s.customer_id AND a.at = s.revoked_at
           AND a.action IN (${list(REVOKING_ACTIONS)}))`,
    ],
    [
      'a session opened without the audit row of the action that opened it',
      `SELECT s.id FROM sessions s WHERE NOT EXISTS (
         SELECT 1 FROM audit_log a WHERE a.customer_id = s.customer_id AND a.at = s.created_at
           AND a.action IN (${list(OPENING_ACTIONS)}))`,
    ],
    [
      'a login in the audit log without its session',
      `SELECT a.id FROM audit_log a WHERE a.action IN ('login', 'password_reset') AND NOT EXISTS (
         SELECT 1 FROM sessions s WHERE s.customer_id = a.customer_id AND s.created_at = a.at)`,
    ],
  ];
  const problems: string[] = [];
  for (const [what, query] of checks) {
    const found = await selectAll(db, sql<Record<string, unknown>>`${sql.raw(query)}`);
    const rows = found.map((row) => Object.values(row)[0]);
    if (rows.length > 0) problems.push(`${what}: ${rows.slice(0, 5).map(String).join('; ')}`);
  }
  return problems;
}
