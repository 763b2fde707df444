/**
 * @module Validation at the edge (STYLE 5): a JSON body is parsed against a contract
 * schema, and anything else is a 400 `invalid_request` naming the field at fault.
 */
import type { Context } from 'hono';
import type * as v from 'valibot';
import { validate } from '../validate.ts';
import { ApiError } from './api-error.ts';

/** The request's JSON body, checked against `schema`. */
export async function parseBody<S extends v.GenericSchema<unknown, unknown>>(
  c: Context,
  schema: S,
): Promise<v.InferOutput<S>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new ApiError('invalid_request', 'The request body is not valid JSON.');
  }
  const result = validate(schema, json);
  if (result.ok) return result.value;
  throw new ApiError(
    'invalid_request',
    `${result.message}.`,
    result.field ? { field: result.field } : {},
  );
}
