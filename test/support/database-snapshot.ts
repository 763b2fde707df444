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
  address: string | null;
  detail: string | null;
}

export function auditRows(db: Db): AuditEntry[] {
  return db
    .prepare('SELECT at, action, customer_id, address, detail FROM audit_log ORDER BY id')
    .all() as AuditEntry[];
}
