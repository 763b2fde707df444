/**
 * @module `requireCustomer`: a valid access token whose session is still live (S16, S19).
 * A change token, a forged or expired token, or a revoked session is 401 `unauthorized`.
 */
import type { MiddlewareHandler } from 'hono';
import { findLiveSession } from '../../auth/sessions.ts';
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
    const claims = token ? await tokens.verify(token) : null;
    const session = claims && findLiveSession(db, config, claims.sessionId, clock.now());
    if (!claims || !session || session.customerId !== claims.customerId) {
      throw new ApiError('unauthorized', 'Log in to continue.');
    }
    c.set('customerId', claims.customerId);
    c.set('sessionId', claims.sessionId);
    return next();
  };
}
