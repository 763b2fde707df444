/**
 * @module Kysely's driver for better-sqlite3, made for this service: each SQL text is
 * prepared once and reused (Kysely's own prepares it on every query, which doubled the
 * cost of a login), and a transaction begins IMMEDIATE (see `beginTransaction`).
 */
import type Database from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';

/** The most distinct SQL texts kept prepared; the service has fewer than a hundred. */
const STATEMENT_CACHE_SIZE = 500;

class SqliteConnection implements DatabaseConnection {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  #prepare(text: string): Database.Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.clear();
      statement = this.#db.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#prepare(query.sql);
    const parameters = query.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(...parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(...parameters);
    return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
  }

  // biome-ignore lint/correctness/useYield: nothing here streams; the interface asks for it.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used with SQLite');
  }
}

/** One connection, one user at a time: the others wait their turn. */
class SqliteDriver implements Driver {
  readonly #connection: SqliteConnection;
  readonly #db: Database.Database;
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | null = null;
  // Prepared once, like every other statement: a login or a refresh runs one or two
  // transactions, and preparing these each time was a tenth of the refresh's database time.
  readonly #begin: Database.Statement;
  readonly #commit: Database.Statement;
  readonly #rollback: Database.Statement;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#connection = new SqliteConnection(db);
    this.#begin = db.prepare('BEGIN IMMEDIATE');
    this.#commit = db.prepare('COMMIT');
    this.#rollback = db.prepare('ROLLBACK');
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release = () => {};
    this.#queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.#release = release;
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = null;
    release?.();
  }

  // Every transaction here writes. A deferred one that reads first fails at once with
  // SQLITE_BUSY, busy timeout or not, when another process (the operator CLI) wrote since
  // its read: so each takes the write lock up front and waits its turn.
  async beginTransaction(): Promise<void> {
    this.#begin.run();
  }

  async commitTransaction(): Promise<void> {
    this.#commit.run();
  }

  async rollbackTransaction(): Promise<void> {
    if (this.#db.inTransaction) this.#rollback.run();
  }

  async destroy(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

/** A Kysely dialect over an open better-sqlite3 database. */
export function sqliteDialect(db: Database.Database): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new SqliteDriver(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (kysely: Kysely<unknown>) => new SqliteIntrospector(kysely),
  };
}
