/**
 * @module Sessions and their refresh tokens (S17). A session is a row; each refresh token
 * it was ever given is a row keyed by its SHA-256, so a rotated one is recognised on reuse.
 */
import type { Db } from './database.ts';

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
}

export function insertSession(
  db: Db,
  sessionId: string,
  customerId: number,
  refreshTokenHash: string,
  now: number,
): void {
  db.prepare(
    'INSERT INTO sessions (id, customer_id, created_at, last_used_at) VALUES (?, ?, ?, ?)',
  ).run(sessionId, customerId, now, now);
  insertRefreshToken(db, sessionId, refreshTokenHash, now);
}

export function insertRefreshToken(
  db: Db,
  sessionId: string,
  tokenHash: string,
  now: number,
): void {
  db.prepare('INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES (?, ?, ?)').run(
    tokenHash,
    sessionId,
    now,
  );
}

export function findSession(db: Db, sessionId: string): SessionRow | null {
  const row = db
    .prepare(
      `SELECT id, customer_id AS customerId, created_at AS createdAt, last_used_at AS lastUsedAt,
         revoked_at AS revokedAt FROM sessions WHERE id = ?`,
    )
    .get(sessionId) as SessionRow | undefined;
  return row ?? null;
}

export function findRefreshToken(db: Db, tokenHash: string): RefreshTokenRow | null {
  const row = db
    .prepare(
      `SELECT r.token_hash AS tokenHash, r.rotated_at AS rotatedAt, r.replayed_at AS replayedAt,
         s.id, s.customer_id AS customerId, s.created_at AS createdAt,
         s.last_used_at AS lastUsedAt, s.revoked_at AS revokedAt
       FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.token_hash = ?`,
    )
    .get(tokenHash) as (SessionRow & Omit<RefreshTokenRow, 'session'>) | undefined;
  if (!row) return null;
  const { tokenHash: hash, rotatedAt, replayedAt, ...session } = row;
  return { tokenHash: hash, rotatedAt, replayedAt, session };
}

/** Marks a token rotated; false when another request rotated it first. */
export function markRefreshTokenRotated(db: Db, tokenHash: string, now: number): boolean {
  return (
    db
      .prepare(
        'UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL',
      )
      .run(now, tokenHash).changes === 1
  );
}

/** Marks a rotated token replayed; false when it was replayed before. */
export function markRefreshTokenReplayed(db: Db, tokenHash: string, now: number): boolean {
  return (
    db
      .prepare(
        'UPDATE refresh_tokens SET replayed_at = ? WHERE token_hash = ? AND replayed_at IS NULL',
      )
      .run(now, tokenHash).changes === 1
  );
}

export function touchSession(db: Db, sessionId: string, now: number): void {
  db.prepare('UPDATE sessions SET last_used_at = ? WHERE id = ?').run(now, sessionId);
}

export function revokeSession(db: Db, sessionId: string, now: number): void {
  db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(
    now,
    sessionId,
  );
}

/** Revokes every session of a customer but `exceptSessionId` (S13). */
export function revokeCustomerSessions(
  db: Db,
  customerId: number,
  now: number,
  exceptSessionId: string | null = null,
): number {
  return db
    .prepare(
      `UPDATE sessions SET revoked_at = ?
       WHERE customer_id = ? AND revoked_at IS NULL AND id IS NOT ?`,
    )
    .run(now, customerId, exceptSessionId).changes;
}
