/**
 * @module The signed-in customer as they see themself, and their preferred language
 * (used for their mails), which they may change.
 */
import type { Customer, Language } from '../contract.ts';
import { ApiError } from '../http/api-error.ts';
import { type EventOrigin, recordSecurityEvent } from '../security-events.ts';
import type { Services } from '../services.ts';
import {
  type CustomerRow,
  findCustomerById,
  toCustomer,
  updateLanguage,
} from '../store/customers.ts';
import { inTransaction } from '../store/query.ts';

/** The customer of a live session, as read with it (`requireCustomer`). */
export function showMe(customer: CustomerRow): Customer {
  return toCustomer(customer);
}

/** Stores the customer's language, with an audit row, and returns them as they are now. */
export async function changeLanguage(
  services: Services,
  customer: CustomerRow,
  language: Language,
  origin: EventOrigin,
): Promise<Customer> {
  const { db, clock } = services;
  await inTransaction(db, async (tx) => {
    await updateLanguage(tx, customer.id, language);
    await recordSecurityEvent(
      { ...services, db: tx },
      { action: 'language_changed', customer, ...origin, detail: language },
      clock.now(),
    );
  });
  // Read again: deleted meanwhile, they are asked to log in.
  const now = await findCustomerById(db, customer.id);
  if (!now) throw new ApiError('unauthorized', 'Log in to continue.');
  return toCustomer(now);
}
