/**
 * @module Sessions (S17, S19): a row per login, an opaque refresh token rotated on every
 * use, reuse of a rotated token revoking the whole session, idle and absolute limits.
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import { findCustomerById } from '../store/customers.ts';
import type { Db } from '../store/database.ts';
import {
  findRefreshToken,
  findSession,
  insertRefreshToken,
  insertSession,
  markRefreshTokenRotated,
  revokeSession,
  type SessionRow,
  touchSession,
} from '../store/sessions.ts';
import type { VerifiedAccess } from './access-tokens.ts';
import { createRandomToken, hashToken } from './random-tokens.ts';

/**
 * Two tabs refreshing at once both present the same token: the second, within this
 * window after the first rotated it, gets a new token instead of counting as reuse.
 */
export const REFRESH_GRACE_MILLISECONDS = 20_000;

export interface OpenedSession {
  sessionId: string;
  customerId: number;
  refreshToken: string;
  /** When the refresh cookie must be gone: the session's absolute end. */
  expiresAt: number;
}

/** Opens a session for a customer; call inside the action's transaction. */
export function openSession(
  db: Db,
  config: Config,
  customerId: number,
  now: number,
): OpenedSession {
  const sessionId = randomBytes(16).toString('base64url');
  const refreshToken = createRandomToken();
  insertSession(db, sessionId, customerId, hashToken(refreshToken), now);
  return {
    sessionId,
    customerId,
    refreshToken,
    expiresAt: now + config.sessionAbsoluteSeconds * 1000,
  };
}

export type RefreshOutcome =
  | { kind: 'rotated'; session: OpenedSession }
  | { kind: 'reused'; sessionId: string; customerId: number }
  | { kind: 'expired' };

/**
 * Trades a refresh token for a new one, in one transaction: either it rotates, or it is
 * reported as reuse (and the session revoked), never both (S31).
 */
export function refreshSession(
  db: Db,
  config: Config,
  refreshToken: string,
  now: number,
): RefreshOutcome {
  return db
    .transaction((): RefreshOutcome => {
      const found = findRefreshToken(db, hashToken(refreshToken));
      if (!found || !isSessionLive(found.session, config, now)) return { kind: 'expired' };
      const { session } = found;
      const firstUse = markRefreshTokenRotated(db, found.tokenHash, now);
      if (!firstUse && now - (found.rotatedAt ?? 0) > REFRESH_GRACE_MILLISECONDS) {
        revokeSession(db, session.id, now);
        return { kind: 'reused', sessionId: session.id, customerId: session.customerId };
      }
      const next = createRandomToken();
      insertRefreshToken(db, session.id, hashToken(next), now);
      touchSession(db, session.id, now);
      return {
        kind: 'rotated',
        session: {
          sessionId: session.id,
          customerId: session.customerId,
          refreshToken: next,
          expiresAt: session.createdAt + config.sessionAbsoluteSeconds * 1000,
        },
      };
    })
    .immediate();
}

/** A session is live while not revoked, used within the idle limit, and young enough. */
export function isSessionLive(session: SessionRow, config: Config, now: number): boolean {
  return (
    session.revokedAt === null &&
    now - session.lastUsedAt <= config.sessionIdleSeconds * 1000 &&
    now - session.createdAt <= config.sessionAbsoluteSeconds * 1000
  );
}

/** The session an access token names, if it is still live (checked on every request, S19). */
function findLiveSession(
  db: Db,
  config: Config,
  sessionId: string,
  now: number,
): SessionRow | null {
  const session = findSession(db, sessionId);
  return session && isSessionLive(session, config, now) ? session : null;
}

/**
 * The live session of a verified access token, if it is the session of the customer the
 * token's `sub` names: a session id under another customer's subject gets nothing.
 */
export function findTokenSession(
  db: Db,
  config: Config,
  access: VerifiedAccess,
  now: number,
): SessionRow | null {
  const session = findLiveSession(db, config, access.sessionId, now);
  const customer = session && findCustomerById(db, session.customerId);
  return customer && customer.publicId === access.subject ? session : null;
}

/** Logs out: revokes one session by its refresh token. */
export function revokeSessionByRefreshToken(
  db: Db,
  refreshToken: string,
  now: number,
): number | null {
  const found = findRefreshToken(db, hashToken(refreshToken));
  if (!found) return null;
  revokeSession(db, found.session.id, now);
  return found.session.customerId;
}
