/**
 * @module CSRF defence for state-changing requests (S22): a JSON body (415 otherwise),
 * which a cross-site form cannot send without a preflight, and an allowed Origin (403).
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `allowNoBody` lets a request without a body through (an operator's DELETE or unlock):
 * the admin API needs no CSRF defence, its bearer token is never sent by a browser on its own.
 */
export function requireJson(options: { allowNoBody?: boolean } = {}): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (options.allowNoBody && !hasBody(c.req.raw.headers)) return next();
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      throw new ApiError('unsupported_media_type', 'Send the request as application/json.');
    }
    return next();
  };
}

export function requireAllowedOrigin(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('Origin');
    if (origin === undefined || !allowed.has(origin)) {
      throw new ApiError(
        'forbidden_origin',
        'This page is not allowed to use the customer portal. Add its origin to PORTAL_ALLOWED_ORIGINS.',
      );
    }
    return next();
  };
}

function hasBody(headers: Headers): boolean {
  return headers.has('Transfer-Encoding') || Number(headers.get('Content-Length') ?? '0') > 0;
}
