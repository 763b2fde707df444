/**
 * @module The CLI tests' setting: a test database of their own for the file (SQLite in a
 * temporary folder, or a database on the tests' PostgreSQL), and `portal(...)`, which runs
 * the CLI in-process as `npm run portal -- ...` would, collecting what it prints.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { runCli } from '../../server/cli.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface CliDatabase {
  /** A temporary folder of the file's, for the files a test writes (CSV imports). */
  readonly folder: string;
  /** The environment the CLI runs with: the database's settings. */
  readonly env: Record<string, string>;
  readonly database: TestDatabase;
  portal(...args: string[]): Promise<CliRun>;
  portalWith(environment: Record<string, string>, ...args: string[]): Promise<CliRun>;
}

/** Registers the file's `before` and `after`; the fields are there once `before` has run. */
export function useCliDatabase(folderPrefix: string): CliDatabase {
  let folder: string;
  let database: TestDatabase;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), folderPrefix));
    database = await createTestDatabase(join(folder, 'portal.db'));
  });
  after(async () => {
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  const portalWith = async (environment: Record<string, string>, ...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      args,
      environment,
      (line) => out.push(line),
      (line) => err.push(line),
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  return {
    get folder() {
      return folder;
    },
    get env() {
      return database.env;
    },
    get database() {
      return database;
    },
    portal: (...args) => portalWith(database.env, ...args),
    portalWith,
  };
}
