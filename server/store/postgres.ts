/**
 * @module Opens a PostgreSQL database through Kysely and the `pg` pool and brings its
 * schema up to date. Several service instances may start at once: each migration runs
 * under a transaction-scoped advisory lock, so exactly one of them applies it.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { POSTGRES_MIGRATIONS } from './migrations-postgres.ts';

/** BIGINT (epoch ms, row ids, counts) as a JavaScript number: all of ours fit in 2^53. */
const INT8_OID = 20;
/** The advisory lock key that serialises migrations across instances. */
const MIGRATION_LOCK = 7_202_612;

export async function openPostgres(url: string): Promise<Kysely<unknown>> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(kysely);
  } catch (error) {
    await kysely.destroy();
    throw error;
  }
  return kysely;
}

async function migrate(kysely: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`.execute(kysely);
  for (;;) {
    const applied = await kysely.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      const { rows } = await sql<{ version: number }>`SELECT version FROM schema_version`.execute(
        trx,
      );
      const current = rows[0]?.version ?? 0;
      if (current > POSTGRES_MIGRATIONS.length) {
        throw new Error(
          `the database is at schema version ${current}, newer than this service knows (${POSTGRES_MIGRATIONS.length})`,
        );
      }
      const next = POSTGRES_MIGRATIONS[current];
      if (next === undefined) return false;
      await sql.raw(next).execute(trx);
      if (rows.length === 0) await sql`INSERT INTO schema_version VALUES (1)`.execute(trx);
      else await sql`UPDATE schema_version SET version = ${current + 1}`.execute(trx);
      return true;
    });
    if (!applied) return;
  }
}

/** The schema version a PostgreSQL database is at. */
export async function postgresSchemaVersion(kysely: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ version: number }>`SELECT version FROM schema_version`.execute(
    kysely,
  );
  return rows[0]?.version ?? 0;
}
