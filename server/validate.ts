/**
 * @module Checks input against a contract schema and says what is wrong in words a person
 * can act on ("email is not an email address", "password is required"), naming the field.
 * The HTTP edge and the operator's CLI share it, so both explain a mistake the same way.
 */
import * as v from 'valibot';

type Schema = v.GenericSchema<unknown, unknown>;

export type Validated<S extends Schema> =
  | { ok: true; value: v.InferOutput<S> }
  | { ok: false; field: string; message: string };

export function validate<S extends Schema>(schema: S, input: unknown): Validated<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const field = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  const problem =
    issue.kind === 'schema' && issue.expected === 'never'
      ? 'is not expected'
      : issue.type === 'object' || issue.type === 'strict_object'
        ? // An object issue at a field means the field is missing; at the root, no object.
          field
          ? 'is required'
          : 'must be an object'
        : issue.message.startsWith('Invalid')
          ? `must be ${issue.expected ?? 'valid'}`
          : issue.message;
  return { ok: false, field, message: field ? `${field} ${problem}` : `The input ${problem}` };
}
