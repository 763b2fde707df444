/**
 * @module Refuses large bodies with 413 before anything parses them (S26).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { ApiError } from '../api-error.ts';

export function bodyLimit(maxSize: number): MiddlewareHandler {
  return honoBodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError('payload_too_large', `The request body is larger than ${maxSize} bytes.`);
    },
  });
}
