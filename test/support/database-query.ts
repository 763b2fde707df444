/**
 * @module SQL as tests write it, with `?` parameters, run on either store: for checking
 * what the service wrote, or setting up a state no request reaches (an expired row).
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../server/store/database.ts';
import { execute, selectAll } from '../../server/store/query.ts';

function withParameters<T>(text: string, parameters: unknown[]): RawBuilder<T> {
  const parts = text.split('?');
  if (parts.length !== parameters.length + 1) {
    throw new Error(`${parts.length - 1} placeholders, ${parameters.length} parameters: ${text}`);
  }
  const strings = Object.assign([...parts], { raw: parts }) as unknown as TemplateStringsArray;
  return sql<T>(strings, ...parameters);
}

export function queryRows<T = Record<string, unknown>>(
  db: Db,
  text: string,
  ...parameters: unknown[]
): Promise<T[]> {
  return selectAll(db, withParameters<T>(text, parameters));
}

export async function queryRow<T = Record<string, unknown>>(
  db: Db,
  text: string,
  ...parameters: unknown[]
): Promise<T | undefined> {
  return (await queryRows<T>(db, text, ...parameters))[0];
}

/** The first column of the first row, as `pluck().get()` gave it. */
export async function queryValue(db: Db, text: string, ...parameters: unknown[]): Promise<unknown> {
  const row = await queryRow(db, text, ...parameters);
  return row === undefined ? undefined : Object.values(row)[0];
}

/** Runs a statement; how many rows it changed. */
export function runStatement(db: Db, text: string, ...parameters: unknown[]): Promise<number> {
  return execute(db, withParameters(text, parameters));
}

/** The first column of every row, as `pluck().all()` gave it. */
export async function queryColumn(
  db: Db,
  text: string,
  ...parameters: unknown[]
): Promise<unknown[]> {
  return (await queryRows(db, text, ...parameters)).map((row) => Object.values(row)[0]);
}
