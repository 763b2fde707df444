/**
 * @module Sessions and their refresh tokens (S17). A session is a row; each refresh token
 * it was ever given is a row keyed by its SHA-256, so a rotated one is recognised on reuse.
 */
import {
  CUSTOMER_COLUMNS_OF_C,
  type CustomerRow,
  type StoredCustomer,
  toCustomerRow,
} from './customers.ts';
import type { Db } from './database.ts';
import { execute, forUpdate, locksRows, selectAll, selectFirst, sql } from './query.ts';

export interface SessionRow {
  id: string;
  customerId: number;
  createdAt: number;
  lastUsedAt: number;
  revokedAt: number | null;
}

export interface RefreshTokenRow {
  tokenHash: string;
  rotatedAt: number | null;
  /** When it was presented again, after its rotation, within the grace window. */
  replayedAt: number | null;
  session: SessionRow;
  /** The session's customer, read with it. */
  customer: CustomerRow;
}

/** The session's columns beside a customer's, named apart from the customer's own. */
const SESSION_COLUMNS_OF_S = sql`s.id AS "sessionId", s.created_at AS "sessionCreatedAt",
  s.last_used_at AS "sessionLastUsedAt", s.revoked_at AS "sessionRevokedAt"`;

interface SessionColumns {
  sessionId: string;
  sessionCreatedAt: number;
  sessionLastUsedAt: number;
  sessionRevokedAt: number | null;
}

/** Splits a row of `SESSION_COLUMNS_OF_S` and `CUSTOMER_COLUMNS_OF_C` into its two rows. */
function toSessionAndCustomer<R extends SessionColumns & StoredCustomer>(row: R) {
  const { sessionId, sessionCreatedAt, sessionLastUsedAt, sessionRevokedAt, ...rest } = row;
  const session: SessionRow = {
    id: sessionId,
    customerId: rest.id,
    createdAt: sessionCreatedAt,
    lastUsedAt: sessionLastUsedAt,
    revokedAt: sessionRevokedAt,
  };
  return { session, rest };
}

export async function insertSession(
  db: Db,
  sessionId: string,
  customerId: number,
  refreshTokenHash: string,
  now: number,
): Promise<void> {
  await execute(
    db,
    sql`INSERT INTO sessions (id, customer_id, created_at, last_used_at)
      VALUES (${sessionId}, ${customerId}, ${now}, ${now})`,
  );
  await insertRefreshToken(db, sessionId, refreshTokenHash, now);
}

export async function insertRefreshToken(
  db: Db,
  sessionId: string,
  tokenHash: string,
  now: number,
): Promise<void> {
  await execute(
    db,
    sql`INSERT INTO refresh_tokens (token_hash, session_id, issued_at)
      VALUES (${tokenHash}, ${sessionId}, ${now})`,
  );
}

/**
 * The session a refresh token belongs to, locked until the transaction ends: every
 * action on a session locks its row first, then writes, so two never wait for each other.
 */
export async function lockSessionOfRefreshToken(db: Db, tokenHash: string): Promise<void> {
  if (!locksRows(db)) return;
  await selectFirst(
    db,
    sql`SELECT id FROM sessions
      WHERE id = (SELECT session_id FROM refresh_tokens WHERE token_hash = ${tokenHash})${forUpdate(db)}`,
  );
}

/** Locks a session's row until the transaction ends (see `lockSessionOfRefreshToken`). */
export async function lockSession(db: Db, sessionId: string): Promise<void> {
  if (!locksRows(db)) return;
  await selectFirst(db, sql`SELECT id FROM sessions WHERE id = ${sessionId}${forUpdate(db)}`);
}

/**
 * Locks every open session of a customer, before an action that revokes them takes its
 * time: a refresh that committed first is then never later than the revocation.
 */
export async function lockCustomerSessions(db: Db, customerId: number): Promise<void> {
  if (!locksRows(db)) return;
  await selectAll(
    db,
    sql`SELECT id FROM sessions WHERE customer_id = ${customerId} AND revoked_at IS NULL
      ORDER BY id${forUpdate(db)}`,
  );
}

/**
 * A session and its customer, in one read: every request with an access token checks
 * both (S19).
 */
export async function findSessionWithCustomer(
  db: Db,
  sessionId: string,
): Promise<{ session: SessionRow; customer: CustomerRow } | null> {
  const row = await selectFirst(
    db,
    sql<SessionColumns & StoredCustomer>`SELECT ${SESSION_COLUMNS_OF_S}, ${CUSTOMER_COLUMNS_OF_C}
    FROM sessions s JOIN customers c ON c.id = s.customer_id WHERE s.id = ${sessionId}`,
  );
  if (!row) return null;
  const { session, rest } = toSessionAndCustomer(row);
  return { session, customer: toCustomerRow(rest) };
}

/** A refresh token with its session and the session's customer, in one read. */
export async function findRefreshToken(db: Db, tokenHash: string): Promise<RefreshTokenRow | null> {
  const row = await selectFirst(
    db,
    sql<
      SessionColumns &
        StoredCustomer &
        Pick<RefreshTokenRow, 'rotatedAt' | 'replayedAt'> & { refreshTokenHash: string }
    >`SELECT r.token_hash AS "refreshTokenHash", r.rotated_at AS "rotatedAt",
      r.replayed_at AS "replayedAt", ${SESSION_COLUMNS_OF_S}, ${CUSTOMER_COLUMNS_OF_C}
    FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id
      JOIN customers c ON c.id = s.customer_id
    WHERE r.token_hash = ${tokenHash}`,
  );
  if (!row) return null;
  const { session, rest } = toSessionAndCustomer(row);
  const { refreshTokenHash, rotatedAt, replayedAt, ...customer } = rest;
  return {
    tokenHash: refreshTokenHash,
    rotatedAt,
    replayedAt,
    session,
    customer: toCustomerRow(customer),
  };
}

/** Marks a token rotated; false when another request rotated it first. */
export async function markRefreshTokenRotated(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<boolean> {
  const changes = await execute(
    db,
    sql`UPDATE refresh_tokens SET rotated_at = ${now}
      WHERE token_hash = ${tokenHash} AND rotated_at IS NULL`,
  );
  return changes === 1;
}

/** Marks a rotated token replayed; false when it was replayed before. */
export async function markRefreshTokenReplayed(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<boolean> {
  const changes = await execute(
    db,
    sql`UPDATE refresh_tokens SET replayed_at = ${now}
      WHERE token_hash = ${tokenHash} AND replayed_at IS NULL`,
  );
  return changes === 1;
}

export async function touchSession(db: Db, sessionId: string, now: number): Promise<void> {
  await execute(db, sql`UPDATE sessions SET last_used_at = ${now} WHERE id = ${sessionId}`);
}

export async function revokeSession(db: Db, sessionId: string, now: number): Promise<void> {
  await execute(
    db,
    sql`UPDATE sessions SET revoked_at = ${now} WHERE id = ${sessionId} AND revoked_at IS NULL`,
  );
}

/** Revokes every session of a customer but `exceptSessionId` (S13). */
export function revokeCustomerSessions(
  db: Db,
  customerId: number,
  now: number,
  exceptSessionId: string | null = null,
): Promise<number> {
  return execute(
    db,
    sql`UPDATE sessions SET revoked_at = ${now}
      WHERE customer_id = ${customerId} AND revoked_at IS NULL
        AND id IS DISTINCT FROM ${exceptSessionId}`,
  );
}
