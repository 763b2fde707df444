/**
 * @module A database of its own for each service a test starts: a SQLite file in the
 * test's folder, or, when the suite runs on PostgreSQL (DATABASE_URL set, as by
 * `npm run test:server:pg`), a new database on that server, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, openDatabase } from '../../server/store/database.ts';

/** The PostgreSQL server the suite runs on, or null for SQLite files. */
export const POSTGRES_SERVER_URL = process.env.DATABASE_URL || null;

export interface TestDatabase {
  /** What the service opens: a `postgres://` URL or the SQLite file's path. */
  location: string;
  /** The SQLite file the service would use without PostgreSQL. */
  sqlitePath: string;
  /** For a service process or the CLI: PORTAL_DB and DATABASE_URL, set either way. */
  env: Record<string, string>;
  open(): Promise<Db>;
  drop(): Promise<void>;
}

/** A SQLite file at `sqlitePath`, whatever store the suite runs on: for tests of the file. */
export function sqliteTestDatabase(sqlitePath: string): TestDatabase {
  return {
    location: sqlitePath,
    sqlitePath,
    // Empty, so a DATABASE_URL in the test's own environment does not reach the child.
    env: { PORTAL_DB: sqlitePath, DATABASE_URL: '' },
    open: () => openDatabase(sqlitePath),
    drop: async () => {},
  };
}

/** A new, empty database for one service: on the suite's store. */
export async function createTestDatabase(sqlitePath: string): Promise<TestDatabase> {
  if (POSTGRES_SERVER_URL === null) return sqliteTestDatabase(sqlitePath);
  const name = `portal_test_${randomBytes(6).toString('hex')}`;
  await onServer(POSTGRES_SERVER_URL, `CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    location: url.href,
    sqlitePath,
    env: { PORTAL_DB: sqlitePath, DATABASE_URL: url.href },
    open: () => openDatabase(url.href),
    drop: () => onServer(POSTGRES_SERVER_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
