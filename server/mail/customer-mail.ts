/**
 * @module The envelope every customer mail shares: to the customer's address, in their
 * language, signed with the dealer's brand. Call inside the action's transaction.
 */
import type { Config } from '../config.ts';
import type { Language } from '../contract.ts';
import type { Db } from '../store/database.ts';
import type { MailKind, MailValues } from './kinds.ts';
import { queueMail } from './queue-mail.ts';

export interface MailRecipient {
  id: number;
  email: string;
  language: Language;
}

export function queueCustomerMail<K extends MailKind>(
  db: Db,
  config: Config,
  customer: MailRecipient,
  kind: K,
  values: MailValues[K],
  now: number,
): Promise<number> {
  return queueMail(
    db,
    {
      customerId: customer.id,
      kind,
      language: customer.language,
      recipient: customer.email,
      brandName: config.brandName,
      values,
    },
    now,
  );
}
