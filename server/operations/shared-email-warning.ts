/**
 * @module The warning an operator gets when a customer's e-mail address is already another
 * customer's. Not a refusal: two customers of one household may share an address. It still
 * deserves a look, since a typo can give one customer's reset links to another.
 */
import { findCustomersByEmail } from '../store/customer-search.ts';
import type { Db } from '../store/database.ts';

/** Something done, but worth a look; `code` is for programs, `message` for people. */
export interface OperatorWarning {
  code: 'shared_email' | 'initial_password_at_old_address';
  message: string;
  /** The other customers concerned, by number. */
  customers?: string[];
}

/** A warning if customers other than `number` have `email` (ignoring case); else none. */
export async function warnAboutSharedEmail(
  db: Db,
  email: string,
  number: string,
): Promise<OperatorWarning[]> {
  const others = (await findCustomersByEmail(db, email, number)).map((customer) => customer.number);
  if (others.length === 0) return [];
  const whose = others.length === 1 ? 'customer' : 'customers';
  return [
    {
      code: 'shared_email',
      message: `${email} is also the address of ${whose} ${others.join(', ')}`,
      customers: others,
    },
  ];
}
