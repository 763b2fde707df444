/**
 * @module The one place a security event is recorded (S27): an audit row for support, and
 * one `security` line in the service's log for the operator, both with the request id.
 * Called inside the action's transaction, so the row commits with what it describes.
 *
 * @example
 * await recordSecurityEvent({ ...services, db: tx }, { action: 'login_failed', customer: null, ...requestOrigin(c) }, now);
 */
import type { Logger } from './log.ts';
import { writeAudit } from './store/audit.ts';
import type { CustomerRow } from './store/customers.ts';
import type { Db } from './store/database.ts';

/**
 * Every action, with its log level: `warn` for what may be an attack or needs an operator
 * (failures, throttles, lockouts, token reuse, refused operator calls), `info` for the rest.
 */
export const SECURITY_ACTIONS = {
  login: 'info',
  login_initial_password: 'info',
  /** The right initial password, but expired: the customer is told to use "Forgot your password?". */
  login_initial_password_expired: 'info',
  login_failed: 'warn',
  login_throttled: 'warn',
  account_locked: 'warn',
  password_changed: 'info',
  password_change_failed: 'warn',
  password_reset_requested: 'info',
  password_reset_refused: 'warn',
  password_reset: 'info',
  password_reset_failed: 'warn',
  refresh_token_reuse: 'warn',
  logout: 'info',
  language_changed: 'info',
  customer_created: 'info',
  initial_password_resent: 'info',
  customer_unlocked: 'info',
  customer_disabled: 'info',
  customer_enabled: 'info',
  customer_deleted: 'info',
  /** Address, name or language corrected by an operator; the detail has old and new values. */
  customer_updated: 'info',
  mail_retried: 'info',
  admin_refused: 'warn',
  admin_throttled: 'warn',
} as const satisfies Record<string, 'info' | 'warn'>;

export type SecurityAction = keyof typeof SECURITY_ACTIONS;

/** Where an event came from: the client (or `admin:ADDRESS`, `cli`) and its request. */
export interface EventOrigin {
  address: string;
  /** Null outside a request: the CLI, the demo customer at start. */
  requestId: string | null;
}

export interface SecurityEvent extends EventOrigin {
  action: SecurityAction;
  /**
   * The customer as found in the database, or null. Never the number as typed: people type
   * their password into the number field, so an unknown number is not recorded at all.
   */
  customer: Pick<CustomerRow, 'id' | 'number'> | null;
  /** A fact for support, audit row only: a language, a wait. Never a secret. */
  detail?: string;
}

/** Writes the audit row and the log line of one security event. */
export async function recordSecurityEvent(
  recorder: { db: Db; logger: Logger },
  event: SecurityEvent,
  now: number,
): Promise<void> {
  const { action, customer, address, requestId } = event;
  await writeAudit(
    recorder.db,
    { action, customerId: customer?.id ?? null, address, requestId, detail: event.detail ?? null },
    now,
  );
  recorder.logger[SECURITY_ACTIONS[action]]('security', {
    action,
    customerNumber: customer?.number ?? null,
    requestId,
    address,
  });
}
