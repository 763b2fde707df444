/**
 * @module Validation at the edge (STYLE 5): a JSON body is parsed against a contract
 * schema, and anything else is a 400 `invalid_request` naming the field at fault.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { ApiError } from './api-error.ts';

type Schema = v.GenericSchema<unknown, unknown>;

/** The request's JSON body, checked against `schema`. */
export async function parseBody<S extends Schema>(
  c: Context,
  schema: S,
): Promise<v.InferOutput<S>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw new ApiError('invalid_request', 'The request body is not valid JSON.');
  }
  const result = v.safeParse(schema, json);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  const problem =
    issue.kind === 'schema' && issue.expected === 'never'
      ? 'is not expected'
      : issue.type === 'object' || issue.type === 'strict_object'
        ? 'must be an object'
        : issue.message.startsWith('Invalid')
          ? `must be ${issue.expected ?? 'valid'}`
          : issue.message;
  throw new ApiError('invalid_request', field ? `${field} ${problem}.` : `The body ${problem}.`, {
    ...(field ? { field } : {}),
  });
}
