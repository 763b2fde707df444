/**
 * @module The one way the service says no: `ApiError` carries a contract code, and its
 * status comes from the contract's table, never chosen at the throw site.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '../contract.ts';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ErrorBody, 'error' | 'message'> = {},
  ) {
    super(message);
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

/** Writes an error answer: `{ error, message, ... }`, plus Retry-After for 429. */
export function sendError(c: Context, error: ApiError): Response {
  if (error.extra.retryAfter !== undefined) c.header('Retry-After', String(error.extra.retryAfter));
  const body: ErrorBody = { error: error.code, message: error.message, ...error.extra };
  return c.json(body, error.status);
}

export function tooManyAttempts(retryAfter: number): ApiError {
  return new ApiError(
    'too_many_attempts',
    `Too many attempts. Try again in ${retryAfter} seconds.`,
    { retryAfter },
  );
}
