/**
 * @module One `request` line per request, written after the answer: method, path, status,
 * duration, request id and client address. Never the query string (a link may carry a
 * token in it), a body, a header or a cookie (S05). The request id is a new UUID, or,
 * behind a trusted proxy (PORTAL_TRUSTED_PROXY_HEADER set), the proxy's well-formed
 * `X-Request-Id`: a client talking to the service directly could otherwise pick ids that
 * muddle the log. It goes back in the answer's `X-Request-Id` and into every audit row.
 *
 * @example
 * app.use(requestLog(logger, { behindProxy: false })); // first, so that every answer gets its line
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { LogLevel } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { EventOrigin } from '../../security-events.ts';
import type { AppEnv } from '../../services.ts';

/** What we accept from a proxy: short, and nothing that could forge a log line or a header. */
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestLog(
  logger: Logger,
  options: { behindProxy: boolean },
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = options.behindProxy ? c.req.header('X-Request-Id') : undefined;
    const requestId =
      incoming !== undefined && WELL_FORMED_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    // Errors are answered by app.onError further in; only one that escapes it stays 500 here.
    let status = 500;
    try {
      await next();
      status = c.res.status;
      c.res.headers.set('X-Request-Id', requestId);
    } finally {
      const { method, path } = c.req;
      logger[levelOf(method, path, status)]('request', {
        method,
        path,
        status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        requestId,
        // Set by the middleware after this one; read here, after the answer.
        address: c.get('address') ?? null,
      });
    }
  };
}

/** Who made the request, for the security events it records. */
export function requestOrigin(c: Context<AppEnv>): EventOrigin {
  return { address: c.get('address'), requestId: c.get('requestId') };
}

/** Server errors stand out; health checks, every few seconds, would flood the log. */
function levelOf(method: string, path: string, status: number): LogLevel {
  if (status >= 500) return 'error';
  if ((method === 'GET' || method === 'HEAD') && path === '/healthz') return 'debug';
  return 'info';
}
