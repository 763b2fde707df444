/**
 * @module Change tokens (S14) and reset tokens (S11): single-use secrets stored as hashes.
 * A customer has at most one reset token: a newer request replaces the older one.
 */
import type { Db } from './database.ts';

export function insertChangeToken(
  db: Db,
  tokenHash: string,
  customerId: number,
  expiresAt: number,
): void {
  db.prepare(
    'INSERT INTO change_tokens (token_hash, customer_id, expires_at) VALUES (?, ?, ?)',
  ).run(tokenHash, customerId, expiresAt);
}

/** The customer a change token belongs to, while it is unused and unexpired. */
export function findChangeToken(db: Db, tokenHash: string, now: number): number | null {
  const row = db
    .prepare(
      `SELECT customer_id AS customerId FROM change_tokens
       WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?`,
    )
    .get(tokenHash, now) as { customerId: number } | undefined;
  return row?.customerId ?? null;
}

/** Uses a change token up; false when it was already used (two requests at once). */
export function useChangeToken(db: Db, tokenHash: string, now: number): boolean {
  return (
    db
      .prepare('UPDATE change_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL')
      .run(now, tokenHash).changes === 1
  );
}

/** Stores a customer's reset token, replacing any older one (only the newest is valid). */
export function replaceResetToken(
  db: Db,
  customerId: number,
  tokenHash: string,
  now: number,
  expiresAt: number,
): void {
  db.prepare(
    `INSERT INTO reset_tokens (customer_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (customer_id) DO UPDATE SET token_hash = excluded.token_hash,
       created_at = excluded.created_at, expires_at = excluded.expires_at`,
  ).run(customerId, tokenHash, now, expiresAt);
}

/** The customer a reset token belongs to, while it is the newest and unexpired. */
export function findResetToken(db: Db, tokenHash: string, now: number): number | null {
  const row = db
    .prepare(
      'SELECT customer_id AS customerId FROM reset_tokens WHERE token_hash = ? AND expires_at > ?',
    )
    .get(tokenHash, now) as { customerId: number } | undefined;
  return row?.customerId ?? null;
}

/** Voids a customer's reset link and unused change tokens: after any password change (S13). */
export function deleteCustomerTokens(db: Db, customerId: number): void {
  db.prepare('DELETE FROM reset_tokens WHERE customer_id = ?').run(customerId);
  db.prepare('DELETE FROM change_tokens WHERE customer_id = ?').run(customerId);
}
