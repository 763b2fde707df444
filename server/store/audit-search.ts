/**
 * @module Reading the audit log for operators (`npm run portal -- audit`): the latest rows,
 * of one customer or all, since a time, each with the customer's number. Plain SQL that
 * both stores speak.
 */
import type { Db } from './database.ts';
import { selectAll, sql } from './query.ts';

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
export function searchAudit(db: Db, search: AuditSearch): Promise<AuditListRow[]> {
  const customer =
    search.customerNumber === undefined
      ? sql``
      : sql` AND (a.customer_id = ${search.customerId ?? null}
          OR (a.action = 'customer_deleted' AND a.detail = ${search.customerNumber}))`;
  const since = search.since === undefined ? sql`` : sql` AND a.at >= ${search.since}`;
  return selectAll(
    db,
    sql<AuditListRow>`SELECT a.id, a.at, a.action,
        COALESCE(c.number, CASE WHEN a.action = 'customer_deleted' THEN a.detail END) AS "customerNumber",
        a.address, a.detail, a.request_id AS "requestId"
      FROM audit_log a LEFT JOIN customers c ON c.id = a.customer_id
      WHERE 1 = 1${customer}${since}
      ORDER BY a.at DESC, a.id DESC LIMIT ${search.limit}`,
  );
}
