/**
 * @module The bench on PostgreSQL (`BENCH_STORE=postgres`): the seeded SQLite file's rows
 * copied into a database on a throwaway cluster (test/support/postgres.ts), the service
 * started on it, and its login and token runs measured beside the same floors as on
 * SQLite (which stay on their SQLite copy: they are what the service's code costs).
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import type { PostgresCluster } from '../../test/support/postgres.ts';
import type { BuildModules } from './build.ts';

/** Rows a multi-row INSERT carries: well under PostgreSQL's 65,535 parameters. */
const BATCH = 1_000;
const TABLES = ['customers', 'signing_keys', 'sessions', 'refresh_tokens'] as const;

/** A database `bench` on the cluster, migrated by the build's code, with the file's rows. */
export async function copyToPostgres(
  modules: BuildModules,
  cluster: PostgresCluster,
  sqlitePath: string,
): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE bench');
  await admin.end();
  const url = cluster.url.replace(/\/postgres$/, '/bench');
  await (await modules.database.openDatabase(url)).close();

  const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const target = new pg.Client({ connectionString: url });
  await target.connect();
  try {
    await target.query('BEGIN');
    for (const table of TABLES) {
      const rows = source.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      const columns = Object.keys(rows[0] ?? {});
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const values = batch.map(
          (_, row) =>
            `(${columns.map((_, column) => `$${row * columns.length + column + 1}`).join(', ')})`,
        );
        await target.query(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`,
          batch.flatMap((row) => columns.map((column) => row[column])),
        );
      }
    }
    // The customers' ids came with their rows: the next one the service makes follows them.
    await target.query(
      "SELECT setval(pg_get_serial_sequence('customers', 'id'), (SELECT max(id) FROM customers))",
    );
    await target.query('COMMIT');
    await target.query('ANALYZE');
  } finally {
    await target.end();
    source.close();
  }
  return url;
}
