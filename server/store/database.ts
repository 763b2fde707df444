/**
 * @module Opens the store: a PostgreSQL database when given a `postgres://` URL, else the
 * SQLite file, with the settings every part relies on, its schema brought up to date. Both
 * are reached through Kysely (store/query.ts), so the store modules speak to either.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { MIGRATIONS } from './migrations.ts';
import { openPostgres, postgresSchemaVersion } from './postgres.ts';
import { sqliteDialect } from './sqlite-driver.ts';

export type Dialect = 'sqlite' | 'postgres';

/** An open store, or one transaction on it: every store function takes either. */
export interface Db {
  readonly dialect: Dialect;
  /** The whole database, or the transaction this handle is. */
  readonly kysely: Kysely<unknown>;
  /** The SQLite file's own handle, for its online backup and checks; null on PostgreSQL. */
  readonly sqlite: Database.Database | null;
  close(): Promise<void>;
}

/** Where the configured data lives: DATABASE_URL's PostgreSQL, else the SQLite file. */
export function databaseLocation(config: { databaseUrl: string | null; databasePath: string }) {
  return config.databaseUrl ?? config.databasePath;
}

/** A database location as logs and messages show it: a URL without its password. */
export function describeDatabaseLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  const url = new URL(location);
  if (url.password) url.password = '***';
  return url.href;
}

/** Throws unless the database answers a query: the health check. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db.kysely);
}

/** The schema version the database is at: the number of migrations applied. */
export async function schemaVersion(db: Db): Promise<number> {
  if (db.sqlite) return db.sqlite.pragma('user_version', { simple: true }) as number;
  return postgresSchemaVersion(db.kysely);
}

/** Whether a database location names a PostgreSQL server rather than a file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/**
 * Opens (creating if needed) the database at `location`, a `postgres://` URL or a SQLite
 * file path, and applies pending migrations.
 */
export async function openDatabase(location: string): Promise<Db> {
  if (isPostgresUrl(location)) {
    const kysely = await openPostgres(location);
    return { dialect: 'postgres', kysely, sqlite: null, close: () => kysely.destroy() };
  }
  const sqlite = openSqliteFile(location);
  const kysely = new Kysely<unknown>({ dialect: sqliteDialect(sqlite) });
  const close = async () => {
    // Kysely closes the driver only if it was used; the file must close either way.
    await kysely.destroy();
    if (sqlite.open) sqlite.close();
  };
  return { dialect: 'sqlite', kysely, sqlite, close };
}

/**
 * A new file is created readable by this user only (0600): it holds the token signing
 * keys, and SQLite gives its -wal and -shm files the same mode.
 */
export function openSqliteFile(path: string): Database.Database {
  if (path !== ':memory:') createPrivateFile(path);
  const db = new Database(path);
  // The busy timeout makes a second writer wait instead of failing with SQLITE_BUSY (S31),
  // first, so that two services opening one file at once wait for each other from here on;
  // WAL lets readers go on while one writer commits.
  db.pragma('busy_timeout = 5000');
  switchToWal(db);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/** How long a start keeps trying to switch a new file to WAL while others hold it. */
const WAL_SWITCH_MILLISECONDS = 5000;

/**
 * Sets WAL mode, retrying while another process opening the same new file holds a lock:
 * the switch needs the file to itself, and where waiting could deadlock two connections
 * SQLite answers SQLITE_BUSY at once instead of calling the busy handler. Synchronous, as
 * the rest of the start is; a file in WAL mode already is switched without waiting.
 */
function switchToWal(db: Database.Database): void {
  const deadline = Date.now() + WAL_SWITCH_MILLISECONDS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY';
      if (!busy || Date.now() >= deadline) throw error;
      // A short, uneven pause, so that processes that collided do not collide again.
      Atomics.wait(pause, 0, 0, 5 + Math.random() * 20);
    }
  }
}

function createPrivateFile(path: string): void {
  if (existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  // The mode given to open is narrowed by the umask, never widened; this sets it exactly.
  chmodSync(path, 0o600);
}

/** Whether only its owner may read or write the file (mode 0600 or narrower). */
export function isPrivateFile(path: string): boolean {
  return path === ':memory:' || (statSync(path).mode & 0o077) === 0;
}

/**
 * Copies the SQLite database to `file` with SQLite's online backup, consistent while the
 * service keeps writing; the copy is private too. Refuses to overwrite an existing file.
 * PostgreSQL is backed up with its own tools (pg_dump; README "Backups").
 */
export async function backupDatabase(db: Db, file: string): Promise<void> {
  if (!db.sqlite) throw new Error('the database is PostgreSQL: back it up with pg_dump');
  if (existsSync(file)) throw new Error(`${file} exists already: choose a new name or remove it`);
  mkdirSync(dirname(file), { recursive: true });
  closeSync(openSync(file, 'wx', 0o600));
  chmodSync(file, 0o600);
  await db.sqlite.backup(file);
}

/**
 * Applies the pending migrations one by one, each in a write transaction that reads the
 * version itself: two services starting at once on one file (several instances, S31) see
 * each other's migrations instead of applying one twice.
 */
function migrate(db: Database.Database): void {
  const applyNext = db.transaction((): boolean => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `the database is at schema version ${current}, newer than this service knows (${MIGRATIONS.length})`,
      );
    }
    const next = MIGRATIONS[current];
    if (next === undefined) return false;
    db.exec(next);
    db.pragma(`user_version = ${current + 1}`);
    return true;
  });
  while (applyNext.immediate()) {
    // One migration a transaction, as a file migrated by an older service was.
  }
}
