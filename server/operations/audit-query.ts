/**
 * @module What the audit log says, for an operator (`npm run portal -- audit`): the latest
 * events, of one customer or all, since a date or for the last hours or days, in time
 * order with the latest last, as one reads a log.
 */
import { normalizeCustomerNumber } from '../contract.ts';
import { type AuditListRow, searchAudit } from '../store/audit-search.ts';
import { findCustomerByNumber } from '../store/customers.ts';
import { type Operator, ProvisioningError } from './provisioning.ts';

export const DEFAULT_AUDIT_LIMIT = 200;

export interface AuditQuery {
  /** A customer number as typed; a deleted customer's number finds their deletion. */
  customer?: string;
  /** Epoch ms. */
  since?: number;
  limit?: number;
}

export interface AuditListing {
  /** Oldest first. */
  events: AuditListRow[];
  /** Whether older events matched too but were left out by the limit. */
  more: boolean;
}

export async function listAuditEvents(
  operator: Operator,
  query: AuditQuery,
): Promise<AuditListing> {
  const limit = query.limit ?? DEFAULT_AUDIT_LIMIT;
  const number = query.customer === undefined ? undefined : normalizeCustomerNumber(query.customer);
  const customer = number === undefined ? null : await findCustomerByNumber(operator.db, number);
  const rows = await searchAudit(operator.db, {
    ...(number === undefined ? {} : { customerNumber: number, customerId: customer?.id }),
    ...(query.since === undefined ? {} : { since: query.since }),
    limit: limit + 1,
  });
  return { events: rows.slice(0, limit).reverse(), more: rows.length > limit };
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Reads `--since`: `24h`, `30m`, `7d` back from now, or a UTC date (`2026-12-01`) or
 * date and time (`2026-12-01T08:00:00Z`). Anything else names the forms it accepts.
 */
export function parseSince(text: string, now: number): number {
  const relative = /^(\d{1,6})([mhd])$/.exec(text);
  if (relative?.[1] && relative[2]) {
    return now - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS];
  }
  if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(text)) {
    const at = Date.parse(text);
    // Date.parse takes 2026-02-31 for 3 March: a date must read back as it was written.
    const real =
      !Number.isNaN(at) && (text.length > 10 || new Date(at).toISOString().startsWith(text));
    if (real) return at;
  }
  throw new ProvisioningError(
    'invalid_request',
    `--since must be a date such as 2026-12-01 (UTC), a time such as 2026-12-01T08:00:00Z, or hours or days back such as 24h or 7d, not "${text}"`,
  );
}
