/**
 * @module POST /api/session/refresh and POST /api/logout (S17, S18, S19).
 */
import { Hono } from 'hono';
import { refreshSession, revokeSessionByRefreshToken } from '../auth/sessions.ts';
import { ApiError } from '../http/api-error.ts';
import { bearerToken } from '../http/middleware/authenticate.ts';
import { clearRefreshCookie, readRefreshCookie } from '../http/refresh-cookie.ts';
import { sendSession } from '../http/session-response.ts';
import type { AppEnv, Services } from '../services.ts';
import { writeAudit } from '../store/audit.ts';
import { findCustomerById } from '../store/customers.ts';
import { revokeSession } from '../store/sessions.ts';

export function sessionRoutes(services: Services) {
  const { db, config, clock, logger } = services;
  const expired = () =>
    new ApiError('session_expired', 'Your session has ended. Please log in again.');

  const refresh = new Hono<AppEnv>().post('/refresh', async (c) => {
    const token = readRefreshCookie(c);
    // No cookie at all: a visitor without a session. Nothing to renew is no error, and the
    // widget's check on every page load must not log a failed request in the console.
    if (!token) return c.body(null, 204);
    const now = clock.now();
    // The revocation for a reuse and its audit row commit together (S30).
    const outcome = db
      .transaction(() => {
        const result = refreshSession(db, config, token, now);
        if (result.kind === 'reused') {
          // A rotated token came back: someone holds a copy. End the session for both (S17).
          writeAudit(
            db,
            {
              action: 'refresh_token_reuse',
              customerId: result.customerId,
              address: c.get('address'),
            },
            now,
          );
        }
        return result;
      })
      .immediate();
    if (outcome.kind === 'reused') {
      logger.warn('refresh_token_reuse', { customerId: outcome.customerId });
    }
    const customer = outcome.kind === 'rotated' && findCustomerById(db, outcome.session.customerId);
    if (outcome.kind !== 'rotated' || !customer || customer.status !== 'active') {
      clearRefreshCookie(c);
      throw expired();
    }
    return sendSession(c, services, outcome.session, customer);
  });

  const logout = new Hono<AppEnv>().post('/', async (c) => {
    const claims = await services.tokens.verify(bearerToken(c.req.header('Authorization')) ?? '');
    const refreshToken = readRefreshCookie(c);
    // After the await: a refresh that committed meanwhile must not look newer than the revocation.
    const now = clock.now();
    db.transaction(() => {
      let customerId: number | null = null;
      if (claims) {
        revokeSession(db, claims.sessionId, now);
        customerId = claims.customerId;
      }
      if (refreshToken) {
        customerId = revokeSessionByRefreshToken(db, refreshToken, now) ?? customerId;
      }
      if (customerId !== null) {
        writeAudit(db, { action: 'logout', customerId, address: c.get('address') }, now);
      }
    })();
    clearRefreshCookie(c);
    return c.body(null, 204);
  });

  return { refresh, logout };
}
