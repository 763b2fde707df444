/**
 * @module Sessions (S17, S19): a row per login, an opaque refresh token rotated on every
 * use, reuse of a rotated token revoking the whole session, idle and absolute limits.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { CustomerRow } from '../store/customers.ts';
import type { Db } from '../store/database.ts';
import { inTransaction } from '../store/query.ts';
import {
  findRefreshToken,
  findSessionWithCustomer,
  insertRefreshToken,
  insertSession,
  lockSessionOfRefreshToken,
  markRefreshTokenReplayed,
  markRefreshTokenRotated,
  revokeSession,
  type SessionRow,
  touchSession,
} from '../store/sessions.ts';
import type { VerifiedAccess } from './access-tokens.ts';
import { createRandomToken, hashToken } from './random-tokens.ts';

/**
 * Two tabs refreshing at once both present the same token, and only the first rotates it.
 * The second, within this window after the rotation, is answered once, with an access
 * token for the same session and no new refresh token: the tabs share the browser's
 * cookie jar, which holds the new token already, and an answer that sets no cookie leaves
 * it there. Re-sending the new token instead would need it kept readable on the server,
 * and a new one for each replay forked the session (issue 14). A copy of the cookie, used
 * in this window, gains at most that one access token; a second replay is reuse. Short,
 * as two tabs' refreshes arrive within a round trip of each other. The price: a client
 * that lost the answer to its own rotation keeps the old cookie and is logged out.
 */
export const REFRESH_GRACE_MILLISECONDS = 5_000;

export interface OpenedSession {
  sessionId: string;
  customerId: number;
  refreshToken: string;
  /** When the refresh cookie must be gone: the session's absolute end. */
  expiresAt: number;
}

/** Opens a session for a customer; call inside the action's transaction. */
export async function openSession(
  db: Db,
  config: Config,
  customerId: number,
  now: number,
): Promise<OpenedSession> {
  const sessionId = randomBytes(16).toString('base64url');
  const refreshToken = createRandomToken();
  await insertSession(db, sessionId, customerId, hashToken(refreshToken), now);
  return {
    sessionId,
    customerId,
    refreshToken,
    expiresAt: now + config.sessionAbsoluteSeconds * 1000,
  };
}

/** Every outcome but `expired` names the session's customer, as read in the transaction. */
export type RefreshOutcome =
  | { kind: 'rotated'; session: OpenedSession; customer: CustomerRow }
  /** The first replay of a rotated token within the grace window: no new refresh token. */
  | { kind: 'replayed'; sessionId: string; customerId: number; customer: CustomerRow }
  | { kind: 'reused'; sessionId: string; customerId: number; customer: CustomerRow }
  | { kind: 'expired' };

/**
 * Trades a refresh token for a new one, in one transaction: either it rotates, or it is
 * the one replay of a rotated token within the grace window, or it is reported as reuse
 * (and the session revoked); never two of these (S31). The session's row is locked first,
 * so instances sharing a database answer one token's refreshes one after another. `now`
 * is asked for once the lock is held: a revocation that committed before is never later.
 */
export function exchangeRefreshToken(
  db: Db,
  config: Config,
  refreshToken: string,
  clock: Clock,
): Promise<RefreshOutcome & { at: number }> {
  return inTransaction(db, async (tx) => {
    const tokenHash = hashToken(refreshToken);
    await lockSessionOfRefreshToken(tx, tokenHash);
    const now = clock.now();
    const outcome = await rotateRefreshToken(tx, config, tokenHash, now);
    return { ...outcome, at: now };
  });
}

async function rotateRefreshToken(
  db: Db,
  config: Config,
  tokenHash: string,
  now: number,
): Promise<RefreshOutcome> {
  const found = await findRefreshToken(db, tokenHash);
  if (!found || !isSessionLive(found.session, config, now)) return { kind: 'expired' };
  const { session, customer } = found;
  // Disabled: the session ends with the customer, also one a race left open (S19).
  if (customer.status !== 'active') return { kind: 'expired' };
  if (!(await markRefreshTokenRotated(db, found.tokenHash, now))) {
    const late = now - (found.rotatedAt ?? 0) > REFRESH_GRACE_MILLISECONDS;
    if (!late && (await markRefreshTokenReplayed(db, found.tokenHash, now))) {
      await touchSession(db, session.id, now);
      return { kind: 'replayed', sessionId: session.id, customerId: session.customerId, customer };
    }
    // Late, or a second replay: someone else holds a copy. End the session for both (S17).
    await revokeSession(db, session.id, now);
    return { kind: 'reused', sessionId: session.id, customerId: session.customerId, customer };
  }
  const next = createRandomToken();
  await insertRefreshToken(db, session.id, hashToken(next), now);
  await touchSession(db, session.id, now);
  return {
    kind: 'rotated',
    session: {
      sessionId: session.id,
      customerId: session.customerId,
      refreshToken: next,
      expiresAt: session.createdAt + config.sessionAbsoluteSeconds * 1000,
    },
    customer,
  };
}

/** A session is live while not revoked, used within the idle limit, and young enough. */
export function isSessionLive(session: SessionRow, config: Config, now: number): boolean {
  return (
    session.revokedAt === null &&
    now - session.lastUsedAt <= config.sessionIdleSeconds * 1000 &&
    now - session.createdAt <= config.sessionAbsoluteSeconds * 1000
  );
}

/** A live session and its customer, as `findTokenSession` finds them. */
export type TokenSession = SessionRow & { customer: CustomerRow };

/**
 * The live session of a verified access token, if it is the session of the customer the
 * token's `sub` names, and that customer is still active: a session id under another
 * customer's subject, or of a disabled customer, gets nothing (S19). Checked on every
 * request, so the session and its customer are read together.
 */
export async function findTokenSession(
  db: Db,
  config: Config,
  access: VerifiedAccess,
  now: number,
): Promise<TokenSession | null> {
  const found = await findSessionWithCustomer(db, access.sessionId);
  if (!found || !isSessionLive(found.session, config, now)) return null;
  const { session, customer } = found;
  return customer.status === 'active' && customer.publicId === access.subject
    ? { ...session, customer }
    : null;
}

/** Logs out: revokes one session by its refresh token; call inside the transaction. */
export async function revokeSessionByRefreshToken(
  db: Db,
  refreshToken: string,
  now: number,
): Promise<number | null> {
  const tokenHash = hashToken(refreshToken);
  await lockSessionOfRefreshToken(db, tokenHash);
  const found = await findRefreshToken(db, tokenHash);
  if (!found) return null;
  await revokeSession(db, found.session.id, now);
  return found.session.customerId;
}
