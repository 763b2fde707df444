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
import { revokeCredentials } from './revoke-credentials.ts';

export interface PasswordSet {
  customer: CustomerRow;
  passwordHash: string;
  /** For the audit log and the log line. */
  action: 'password_changed' | 'password_reset';
  origin: EventOrigin;
}

/** Call inside the action's transaction, with it as `services.db`; the hash is computed before it. */
export async function setPassword(
  services: { db: Db; config: Config; logger: Logger },
  change: PasswordSet,
  now: number,
): Promise<void> {
  const { db, config } = services;
  const { customer } = change;
  await updatePassword(db, customer.id, change.passwordHash, now);
  await revokeCredentials(db, customer, now);
  await queueCustomerMail(
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
  await recordSecurityEvent(services, { action: change.action, customer, ...change.origin }, now);
}
