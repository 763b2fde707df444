/**
 * @module How the store modules run their SQL on either database: plain SQL text in
 * Kysely's `sql` tag (which writes `?` or `$1` for the dialect), a transaction that
 * joins the caller's when there is one, and row locks where PostgreSQL needs them.
 *
 * @example
 * const row = await selectFirst(db, sql<{ n: number }>`SELECT count(*) AS n FROM customers`);
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from './database.ts';

export { sql };

/** Every row the query returns. */
export async function selectAll<R>(db: Db, query: RawBuilder<R>): Promise<R[]> {
  return (await query.execute(db.kysely)).rows;
}

/** The first row the query returns, or null. */
export async function selectFirst<R>(db: Db, query: RawBuilder<R>): Promise<R | null> {
  return (await query.execute(db.kysely)).rows[0] ?? null;
}

/** Runs a statement; returns how many rows it changed. */
export async function execute(db: Db, query: RawBuilder<unknown>): Promise<number> {
  return Number((await query.execute(db.kysely)).numAffectedRows ?? 0);
}

/**
 * Runs `work` in one transaction and commits what it wrote, or nothing if it throws. On a
 * handle that is a transaction already, `work` joins it. Pass only `tx` inside: on SQLite
 * the one connection is the transaction's until it ends, and `db` would wait for it.
 */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  if (db.kysely.isTransaction) return work(db);
  return db.kysely
    .transaction()
    .execute((trx) =>
      work({ dialect: db.dialect, kysely: trx, sqlite: db.sqlite, close: db.close }),
    );
}

/** Whether an error is a unique constraint refusing a row: SQLite's code, or PostgreSQL's. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/**
 * Whether a query that only locks rows is worth its round trip: on SQLite a write
 * transaction holds the whole file already (BEGIN IMMEDIATE), and the login and refresh
 * paths are faster without it.
 */
export function locksRows(db: Db): boolean {
  return db.dialect === 'postgres';
}

/**
 * ` FOR UPDATE` on PostgreSQL: the row stays this transaction's until it ends. Nothing on
 * SQLite, where a write transaction holds the whole file (BEGIN IMMEDIATE).
 */
export function forUpdate(db: Db, options: { skipLocked?: boolean; of?: string } = {}) {
  if (db.dialect === 'sqlite') return sql``;
  const of = options.of ? sql` OF ${sql.ref(options.of)}` : sql``;
  return options.skipLocked ? sql` FOR UPDATE${of} SKIP LOCKED` : sql` FOR UPDATE${of}`;
}

/**
 * Makes other instances' transactions that lock the same names wait until this one ends,
 * for rows that may not exist yet (a first failure's throttle row, the first signing key).
 * Names are locked in sorted order, so two transactions never wait for each other. On
 * SQLite the transaction holds the whole file already.
 */
export async function lockNames(db: Db, names: readonly string[]): Promise<void> {
  if (db.dialect === 'sqlite') return;
  for (const name of [...names].sort()) {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(db.kysely);
  }
}
