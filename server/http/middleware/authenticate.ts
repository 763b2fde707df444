/**
 * @module `requireCustomer`: a valid access token whose session is still live and belongs
 * to the customer the token's `sub` names (S16, S19). A change token, a forged or expired
 * token, a revoked session or another customer's session is 401 `unauthorized`.
 */
import type { MiddlewareHandler } from 'hono';
import { findTokenSession } from '../../auth/sessions.ts';
import type { AppEnv, Services } from '../../services.ts';
import { ApiError } from '../api-error.ts';

/** The token after "Bearer ", or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '');
  return match?.[1] ?? null;
}

export function requireCustomer(services: Services): MiddlewareHandler<AppEnv> {
  const { db, config, clock, tokens } = services;
  return async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    const access = token ? await tokens.verify(token) : null;
    const session = access && (await findTokenSession(db, config, access, clock.now()));
    if (!session) throw new ApiError('unauthorized', 'Log in to continue.');
    c.set('customerId', session.customerId);
    c.set('sessionId', session.id);
    c.set('customer', session.customer);
    return next();
  };
}
