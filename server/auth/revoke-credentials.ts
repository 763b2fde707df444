/**
 * @module What a new password takes away, whoever sets it: the customer (a change or a
 * reset) or an operator (a new initial password). Every session with its refresh tokens,
 * the reset link and any change token, and the failed logins counted against the old
 * password (S04, S13). Disabling a customer ends the sessions and the links and tokens
 * but keeps the password and the failed logins: enabled again, they log in as before.
 */
import type { CustomerRow } from '../store/customers.ts';
import type { Db } from '../store/database.ts';
import { deleteCustomerTokens } from '../store/one-time-tokens.ts';
import { revokeCustomerSessions } from '../store/sessions.ts';
import { clearFailures } from './throttle.ts';

/** Call inside the transaction that stores the new password. */
export async function revokeCredentials(
  db: Db,
  customer: Pick<CustomerRow, 'id' | 'number'>,
  now: number,
): Promise<void> {
  await revokeCustomerSessions(db, customer.id, now);
  await deleteCustomerTokens(db, customer.id);
  await clearFailures(db, 'account', customer.number);
}
