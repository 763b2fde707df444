/**
 * @module Validation at the edge (STYLE 5): a JSON body is parsed against a contract
 * schema, and anything else is a 400 `invalid_request` naming the field at fault.
 */
import type { Context } from 'hono';
import type * as v from 'valibot';
import { validate } from '../validate.ts';
import { ApiError } from './api-error.ts';

/** The request's body as JSON; anything else is 400 `invalid_request`. */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ApiError('invalid_request', 'The request body is not valid JSON.');
  }
}

/** The request's JSON body, checked against `schema`. */
export async function parseBody<S extends v.GenericSchema<unknown, unknown>>(
  c: Context,
  schema: S,
): Promise<v.InferOutput<S>> {
  const result = validate(schema, await readJson(c));
  if (result.ok) return result.value;
  throw new ApiError(
    'invalid_request',
    `${result.message}.`,
    result.field ? { field: result.field } : {},
  );
}
