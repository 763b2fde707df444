/**
 * @module The audit log: every authentication event and admin action, with time, action,
 * customer, source address and request id, for support to read. Never a secret (S27).
 * Written only through `recordSecurityEvent` (server/security-events.ts).
 */
import type { Db } from './database.ts';
import { execute, selectAll, sql } from './query.ts';

export interface AuditEvent {
  action: string;
  customerId?: number | null;
  address?: string | null;
  detail?: string | null;
  /** The request it happened in, to find its lines in the service's log; null outside one. */
  requestId?: string | null;
}

export interface AuditRow {
  id: number;
  at: number;
  action: string;
  customerId: number | null;
  address: string | null;
  detail: string | null;
  requestId: string | null;
}

export async function writeAudit(db: Db, event: AuditEvent, now: number): Promise<void> {
  await execute(
    db,
    sql`INSERT INTO audit_log (at, action, customer_id, address, detail, request_id)
      VALUES (${now}, ${event.action}, ${event.customerId ?? null}, ${event.address ?? null},
        ${event.detail ?? null}, ${event.requestId ?? null})`,
  );
}

/** A customer's events, newest first; all events when `customerId` is null. */
export function listAudit(db: Db, customerId: number | null, limit = 100): Promise<AuditRow[]> {
  const where = customerId === null ? sql`` : sql`WHERE customer_id = ${customerId}`;
  return selectAll(
    db,
    sql<AuditRow>`SELECT id, at, action, customer_id AS "customerId", address, detail,
        request_id AS "requestId"
      FROM audit_log ${where} ORDER BY id DESC LIMIT ${limit}`,
  );
}
