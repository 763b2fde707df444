/**
 * @module What the database holds, for tests that prove a request changed nothing (S26)
 * or left no secret behind (S05). The same on SQLite and PostgreSQL.
 */
import type { Db } from '../../server/store/database.ts';
import { selectAll, sql } from '../../server/store/query.ts';

/** Every row of every table, as one comparable value. */
export async function snapshotDatabase(db: Db): Promise<Record<string, unknown[]>> {
  const tables =
    db.dialect === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM sqlite_master
          WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
      : sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() ORDER BY table_name`;
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of await selectAll(db, tables)) {
    // The first column is every table's key.
    snapshot[name] = await selectAll(db, sql`SELECT * FROM ${sql.table(name)} ORDER BY 1`);
  }
  return snapshot;
}

/** The password hash of every customer, by number. */
export async function passwordHashes(db: Db): Promise<Map<string, string>> {
  const rows = await selectAll(
    db,
    sql<{ number: string; hash: string }>`SELECT number, password_hash AS hash FROM customers`,
  );
  return new Map(rows.map((row) => [row.number, row.hash]));
}

export interface AuditEntry {
  at: number;
  action: string;
  customer_id: number | null;
  /** The public id of the customer the row names (the `id` the API answers with). */
  customer_public_id: string | null;
  address: string | null;
  detail: string | null;
  /** The request the row was written in, as in the service's log lines. */
  request_id: string | null;
}

export function auditRows(db: Db): Promise<AuditEntry[]> {
  return selectAll(
    db,
    sql<AuditEntry>`SELECT a.at, a.action, a.customer_id, c.public_id AS customer_public_id,
        a.address, a.detail, a.request_id
      FROM audit_log a LEFT JOIN customers c ON c.id = a.customer_id ORDER BY a.id`,
  );
}
