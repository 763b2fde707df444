/**
 * @module Change tokens (S14) and reset tokens (S11): single-use secrets stored as hashes.
 * A customer has at most one reset token: a newer request replaces the older one.
 */
import type { Db } from './database.ts';
import { execute, selectFirst, sql } from './query.ts';

export async function insertChangeToken(
  db: Db,
  tokenHash: string,
  customerId: number,
  expiresAt: number,
): Promise<void> {
  await execute(
    db,
    sql`INSERT INTO change_tokens (token_hash, customer_id, expires_at)
      VALUES (${tokenHash}, ${customerId}, ${expiresAt})`,
  );
}

/** The customer a change token belongs to, while it is unused and unexpired. */
export async function findChangeToken(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<number | null> {
  const row = await selectFirst(
    db,
    sql<{ customerId: number }>`SELECT customer_id AS "customerId" FROM change_tokens
      WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > ${now}`,
  );
  return row?.customerId ?? null;
}

/** Uses a change token up; false when it was already used (two requests at once). */
export async function useChangeToken(db: Db, tokenHash: string, now: number): Promise<boolean> {
  const changes = await execute(
    db,
    sql`UPDATE change_tokens SET used_at = ${now}
      WHERE token_hash = ${tokenHash} AND used_at IS NULL`,
  );
  return changes === 1;
}

/** Stores a customer's reset token, replacing any older one (only the newest is valid). */
export async function replaceResetToken(
  db: Db,
  customerId: number,
  tokenHash: string,
  now: number,
  expiresAt: number,
): Promise<void> {
  await execute(
    db,
    sql`INSERT INTO reset_tokens (customer_id, token_hash, created_at, expires_at)
      VALUES (${customerId}, ${tokenHash}, ${now}, ${expiresAt})
      ON CONFLICT (customer_id) DO UPDATE SET token_hash = excluded.token_hash,
        created_at = excluded.created_at, expires_at = excluded.expires_at`,
  );
}

/** The customer a reset token belongs to, while it is the newest and unexpired. */
export async function findResetToken(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<number | null> {
  const row = await selectFirst(
    db,
    sql<{ customerId: number }>`SELECT customer_id AS "customerId" FROM reset_tokens
      WHERE token_hash = ${tokenHash} AND expires_at > ${now}`,
  );
  return row?.customerId ?? null;
}

/** Voids a customer's reset link and unused change tokens: after any password change (S13). */
export async function deleteCustomerTokens(db: Db, customerId: number): Promise<void> {
  await execute(db, sql`DELETE FROM reset_tokens WHERE customer_id = ${customerId}`);
  await execute(db, sql`DELETE FROM change_tokens WHERE customer_id = ${customerId}`);
}
