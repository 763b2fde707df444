/**
 * @module Refuses large bodies with 413 before anything parses them (S26). A GET or HEAD
 * is let through without a look: Hono's check reads `c.req.raw.body`, which makes
 * @hono/node-server build a whole fetch `Request` for the request (measured: an eighth of
 * the CPU time of a `GET /api/me`), and no route reads the body of either.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { ApiError } from '../api-error.ts';

export function bodyLimit(maxSize: number): MiddlewareHandler {
  const limit = honoBodyLimit({
    maxSize,
    onError: (c) => {
      // The rest of the body is never read, so the connection cannot carry another request:
      // say so, or a client still uploading sees a reset instead of this answer (RFC 9112 9.6).
      c.header('Connection', 'close');
      throw new ApiError('payload_too_large', `The request body is larger than ${maxSize} bytes.`);
    },
  });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}
