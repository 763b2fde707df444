/**
 * @module What every password change does, in one transaction (S13): the new hash, every
 * session revoked (but the one that continues), reset and change tokens voided, the
 * lockout cleared, a "your password was changed" mail queued, an audit row.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { queueCustomerMail } from '../mail/customer-mail.ts';
import { type EventOrigin, recordSecurityEvent } from '../security-events.ts';
import { type CustomerRow, updatePassword } from '../store/customers.ts';
import type { Db } from '../store/database.ts';
import { deleteCustomerTokens } from '../store/one-time-tokens.ts';
import { revokeCustomerSessions } from '../store/sessions.ts';
import { clearFailures } from './throttle.ts';

export interface PasswordSet {
  customer: CustomerRow;
  passwordHash: string;
  /** For the audit log and the log line. */
  action: 'password_changed' | 'password_reset';
  origin: EventOrigin;
}

/** Call inside the action's transaction; the hash is computed before it. */
export function setPassword(
  services: { db: Db; config: Config; logger: Logger },
  change: PasswordSet,
  now: number,
): void {
  const { db, config } = services;
  const { customer } = change;
  updatePassword(db, customer.id, change.passwordHash, now);
  revokeCustomerSessions(db, customer.id, now);
  deleteCustomerTokens(db, customer.id);
  clearFailures(db, 'account', customer.number);
  queueCustomerMail(
    db,
    config,
    customer,
    'password_changed',
    {
      name: customer.name,
      customerNumber: customer.number,
      changedAt: new Date(now),
      supportEmail: config.supportEmail,
      portalUrl: config.publicUrl,
    },
    now,
  );
  recordSecurityEvent(services, { action: change.action, customer, ...change.origin }, now);
}
