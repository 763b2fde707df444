/**
 * @module The answer that opens a session in the browser: an access token in the body
 * (kept in memory by the widget) and the refresh token in its cookie. Login, reset,
 * refresh and a signed-in password change all answer this way.
 */
import type { Context } from 'hono';
import type { OpenedSession } from '../auth/sessions.ts';
import type { SessionResponse } from '../contract.ts';
import type { Services } from '../services.ts';
import { type CustomerRow, toCustomer } from '../store/customers.ts';
import { setRefreshCookie } from './refresh-cookie.ts';

/**
 * Sends the session's access token, and its refresh token in the cookie; a refresh token
 * of null sets no cookie, so the browser keeps the one it has (a replay, S17).
 */
export async function sendSession(
  c: Context,
  services: Services,
  session: Pick<OpenedSession, 'sessionId'> & { refreshToken: string | null },
  customer: CustomerRow,
): Promise<Response> {
  if (session.refreshToken !== null) setRefreshCookie(c, session.refreshToken);
  const body: SessionResponse = {
    status: 'ok',
    accessToken: await services.tokens.sign({
      subject: customer.publicId,
      customerNumber: customer.number,
      sessionId: session.sessionId,
    }),
    expiresIn: services.config.accessTokenSeconds,
    customer: toCustomer(customer),
  };
  // Tokens must never sit in a shared cache.
  c.header('Cache-Control', 'no-store');
  return c.json(body, 200);
}
