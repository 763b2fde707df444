/**
 * @module POST /api/session/refresh and POST /api/logout (S17, S18, S19).
 */
import { Hono } from 'hono';
import { hashToken } from '../auth/random-tokens.ts';
import { findTokenSession, refreshSession, revokeSessionByRefreshToken } from '../auth/sessions.ts';
import { ApiError } from '../http/api-error.ts';
import { bearerToken } from '../http/middleware/authenticate.ts';
import { requestOrigin } from '../http/middleware/request-log.ts';
import { clearRefreshCookie, readRefreshCookie } from '../http/refresh-cookie.ts';
import { sendSession } from '../http/session-response.ts';
import { recordSecurityEvent } from '../security-events.ts';
import type { AppEnv, Services } from '../services.ts';
import { findCustomerById } from '../store/customers.ts';
import { inTransaction } from '../store/query.ts';
import { lockSession, lockSessionOfRefreshToken, revokeSession } from '../store/sessions.ts';

export function sessionRoutes(services: Services) {
  const { db, config, clock } = services;
  const expired = () =>
    new ApiError('session_expired', 'Your session has ended. Please log in again.');

  const refresh = new Hono<AppEnv>().post('/refresh', async (c) => {
    const token = readRefreshCookie(c);
    // No cookie at all: a visitor without a session. Nothing to renew is no error, and the
    // widget's check on every page load must not log a failed request in the console.
    if (!token) return c.body(null, 204);
    // The revocation for a reuse and its audit row commit together (S30).
    const outcome = await inTransaction(db, async (tx) => {
      const result = await refreshSession(tx, config, token, clock);
      if (result.kind === 'reused') {
        // A rotated token came back: someone holds a copy. End the session for both (S17).
        await recordSecurityEvent(
          { ...services, db: tx },
          { action: 'refresh_token_reuse', customer: result.customer, ...requestOrigin(c) },
          result.at,
        );
      }
      return result;
    });
    let session: { sessionId: string; customerId: number; refreshToken: string | null } | null =
      null;
    if (outcome.kind === 'rotated') session = outcome.session;
    // The one replay within the grace window: the answer to the rotation set the new token
    // in the cookie jar this tab shares, so this answer sets none and leaves it (S17).
    if (outcome.kind === 'replayed') {
      session = {
        sessionId: outcome.sessionId,
        customerId: outcome.customerId,
        refreshToken: null,
      };
    }
    // The customer as read in the rotation's transaction.
    const customer = session && outcome.kind !== 'expired' ? outcome.customer : null;
    if (!session || !customer) {
      clearRefreshCookie(c);
      throw expired();
    }
    return sendSession(c, services, session, customer);
  });

  const logout = new Hono<AppEnv>().post('/', async (c) => {
    const access = await services.tokens.verify(bearerToken(c.req.header('Authorization')) ?? '');
    const refreshToken = readRefreshCookie(c);
    await inTransaction(db, async (tx) => {
      // The sessions' rows first, then the time: a refresh that committed before must not
      // look newer than the revocation.
      if (access) await lockSession(tx, access.sessionId);
      if (refreshToken) await lockSessionOfRefreshToken(tx, hashToken(refreshToken));
      const now = clock.now();
      let customerId: number | null = null;
      const session = access && (await findTokenSession(tx, config, access, now));
      if (session) {
        await revokeSession(tx, session.id, now);
        customerId = session.customerId;
      }
      if (refreshToken) {
        customerId = (await revokeSessionByRefreshToken(tx, refreshToken, now)) ?? customerId;
      }
      const customer = customerId === null ? null : await findCustomerById(tx, customerId);
      if (customer) {
        await recordSecurityEvent(
          { ...services, db: tx },
          { action: 'logout', customer, ...requestOrigin(c) },
          now,
        );
      }
    });
    clearRefreshCookie(c);
    return c.body(null, 204);
  });

  return { refresh, logout };
}
