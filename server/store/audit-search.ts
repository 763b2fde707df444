/**
 * @module Reading the audit log for operators (`npm run portal -- audit`): the latest rows,
 * of one customer or all, since a time, each with the customer's number. Plain SQL that
 * PostgreSQL speaks too.
 */
import type { Db } from './database.ts';

export interface AuditSearch {
  /** The customer's row id, if they still exist; null: only their deletion is found. */
  customerId?: number | null;
  /** With `customerId`: the number, which a deletion row keeps in its detail. */
  customerNumber?: string;
  /** Epoch ms; rows at or after it. */
  since?: number;
  limit: number;
}

export interface AuditListRow {
  id: number;
  at: number;
  action: string;
  /** The customer's number now; for a deletion, the number it had; else null. */
  customerNumber: string | null;
  address: string | null;
  detail: string | null;
  requestId: string | null;
}

/** The latest `limit` rows that match, newest first. */
export function searchAudit(db: Db, search: AuditSearch): AuditListRow[] {
  const conditions: string[] = [];
  const params: Array<string | number | null> = [];
  if (search.customerNumber !== undefined) {
    conditions.push("(a.customer_id = ? OR (a.action = 'customer_deleted' AND a.detail = ?))");
    params.push(search.customerId ?? null, search.customerNumber);
  }
  if (search.since !== undefined) {
    conditions.push('a.at >= ?');
    params.push(search.since);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  return db
    .prepare(
      `SELECT a.id, a.at, a.action,
         COALESCE(c.number, CASE WHEN a.action = 'customer_deleted' THEN a.detail END) AS customerNumber,
         a.address, a.detail, a.request_id AS requestId
       FROM audit_log a LEFT JOIN customers c ON c.id = a.customer_id
       ${where}
       ORDER BY a.at DESC, a.id DESC LIMIT ?`,
    )
    .all(...params, search.limit) as AuditListRow[];
}
