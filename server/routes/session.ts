/**
 * @module POST /api/session/refresh and POST /api/logout (S17, S18, S19): the refresh
 * cookie in and out; the verbs are in server/accounts/.
 */
import { Hono } from 'hono';
import { logOut } from '../accounts/logout.ts';
import { refreshSession } from '../accounts/refresh-session.ts';
import { ApiError } from '../http/api-error.ts';
import { bearerToken } from '../http/middleware/authenticate.ts';
import { requestOrigin } from '../http/middleware/request-log.ts';
import { clearRefreshCookie, readRefreshCookie } from '../http/refresh-cookie.ts';
import { sendSession } from '../http/session-response.ts';
import type { AppEnv, Services } from '../services.ts';

export function sessionRoutes(services: Services) {
  const refresh = new Hono<AppEnv>().post('/refresh', async (c) => {
    const token = readRefreshCookie(c);
    // No cookie at all: a visitor without a session. Nothing to renew is no error, and the
    // widget's check on every page load must not log a failed request in the console.
    if (!token) return c.body(null, 204);
    const refreshed = await refreshSession(services, token, requestOrigin(c));
    if (!refreshed) {
      clearRefreshCookie(c);
      throw new ApiError('session_expired', 'Your session has ended. Please log in again.');
    }
    return sendSession(c, services, refreshed.session, refreshed.customer);
  });

  const logout = new Hono<AppEnv>().post('/', async (c) => {
    const accessToken = bearerToken(c.req.header('Authorization'));
    await logOut(services, { accessToken, refreshToken: readRefreshCookie(c) }, requestOrigin(c));
    clearRefreshCookie(c);
    return c.body(null, 204);
  });

  return { refresh, logout };
}
