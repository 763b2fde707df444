/**
 * @module Undelivered mail as operators handle it: the mails still waiting or given up
 * (`customers show`, `mail list`), and `mail retry ID`, which makes one due again at once
 * with its give-up hours counting afresh. The worker of a running service picks it up at
 * its next poll.
 */
import { silentLogger } from '../log.ts';
import { type Operator, ProvisioningError } from '../operations/provisioning.ts';
import { recordSecurityEvent } from '../security-events.ts';
import { findCustomerById, findCustomerByNumber } from '../store/customers.ts';
import { findMail, listPendingMails, type PendingMail, retryMail } from '../store/outbox.ts';
import { inTransaction } from '../store/query.ts';

export type { PendingMail };

/**
 * Mails not delivered: every one, or a customer's that ran into trouble (given up, or
 * refused at least once). A mail never tried yet is no trouble: in development, without
 * SMTP, that is every mail of the dev mailbox.
 */
export async function listUndeliveredMails(
  operator: Operator,
  customerNumber?: string,
): Promise<PendingMail[]> {
  if (customerNumber === undefined) return listPendingMails(operator.db);
  const customer = await findCustomerByNumber(operator.db, customerNumber);
  if (!customer) return [];
  const mails = await listPendingMails(operator.db, customer.id);
  return mails.filter((mail) => mail.attempts > 0);
}

/** `mail retry ID`: due now, whether given up or still waiting for its next attempt. */
export function retryUndeliveredMail(operator: Operator, id: number): Promise<PendingMail> {
  const { db, clock } = operator;
  const now = clock.now();
  return inTransaction(db, async (tx) => {
    const mail = await findMail(tx, id);
    if (!mail) throw new ProvisioningError('not_found', `There is no mail ${id}.`);
    if (mail.sentAt !== null) {
      throw new ProvisioningError(
        'invalid_request',
        `Mail ${id} was delivered on ${new Date(mail.sentAt).toISOString()}; there is nothing to retry.`,
      );
    }
    await retryMail(tx, id, now);
    const customer = mail.customerId === null ? null : await findCustomerById(tx, mail.customerId);
    await recordSecurityEvent(
      { db: tx, logger: operator.logger ?? silentLogger },
      {
        action: 'mail_retried',
        customer,
        address: operator.source,
        requestId: operator.requestId ?? null,
        detail: `mail ${id} (${mail.kind})`,
      },
      now,
    );
    return { ...mail, failedAt: null, nextAttemptAt: now };
  });
}
