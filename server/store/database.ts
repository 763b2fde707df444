/**
 * @module Opens the SQLite file with the settings every part relies on and brings its
 * schema up to date.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the database at `path` and applies pending migrations. A new
 * file is created readable by this user only (0600): it holds the token signing keys, and
 * SQLite gives its -wal and -shm files the same mode.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') createPrivateFile(path);
  const db = new Database(path);
  // WAL lets readers go on while one writer commits; the busy timeout makes a second
  // writer wait instead of failing with SQLITE_BUSY (S31).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Every transaction here writes. A deferred one that reads first fails at once with
  // SQLITE_BUSY, busy timeout or not, when another process (the operator CLI) wrote since
  // its read: so each takes the write lock up front, BEGIN IMMEDIATE, and waits its turn.
  const transaction = db.transaction.bind(db);
  db.transaction = (fn) => {
    const variants = transaction(fn);
    // better-sqlite3 gives every variant the others as properties: this one is whole.
    return variants.immediate as typeof variants;
  };
  migrate(db);
  return db;
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
 * Copies the database to `file` with SQLite's online backup, consistent while the service
 * keeps writing; the copy is private too. Refuses to overwrite an existing file.
 */
export async function backupDatabase(db: Db, file: string): Promise<void> {
  if (existsSync(file)) throw new Error(`${file} exists already: choose a new name or remove it`);
  mkdirSync(dirname(file), { recursive: true });
  closeSync(openSync(file, 'wx', 0o600));
  chmodSync(file, 0o600);
  await db.backup(file);
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `the database is at schema version ${current}, newer than this service knows (${MIGRATIONS.length})`,
    );
  }
  MIGRATIONS.slice(current).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + index + 1}`);
    })();
  });
}
