/**
 * @module What the database holds, for tests that prove a request changed nothing (S26)
 * or left no secret behind (S05).
 */
import type { Db } from '../../server/store/database.ts';

/** Every row of every table, as one comparable value. */
export function snapshotDatabase(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    snapshot[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
  }
  return snapshot;
}

/** The password hash of every customer, by number. */
export function passwordHashes(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT number, password_hash AS hash FROM customers').all() as {
    number: string;
    hash: string;
  }[];
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

export function auditRows(db: Db): AuditEntry[] {
  return db
    .prepare(
      `SELECT a.at, a.action, a.customer_id, c.public_id AS customer_public_id, a.address, a.detail,
         a.request_id
       FROM audit_log a LEFT JOIN customers c ON c.id = a.customer_id ORDER BY a.id`,
    )
    .all() as AuditEntry[];
}
