/**
 * @module An operator's correction of a customer's e-mail address, name or language
 * (`customers update`, PATCH /admin/customers/:number): one transaction with its audit row.
 * The number stays: it is what the customer logs in with and what the CRM keys on.
 */
import type { CustomerRecord, UpdateCustomerRequest } from '../contract.ts';
import { UpdateCustomerRequestSchema } from '../contract.ts';
import { updateCustomerDetails } from '../store/customers.ts';
import { deleteCustomerTokens } from '../store/one-time-tokens.ts';
import { inTransaction } from '../store/query.ts';
import { validate } from '../validate.ts';
import {
  describeCustomer,
  type Operator,
  ProvisioningError,
  recordOperatorAction,
  requireCustomer,
} from './provisioning.ts';
import { type OperatorWarning, warnAboutSharedEmail } from './shared-email-warning.ts';

export interface CustomerUpdate {
  customer: CustomerRecord;
  /** The fields whose value changed, in the order email, name, language; empty: none did. */
  changed: Array<'email' | 'name' | 'language'>;
  warnings: OperatorWarning[];
}

/**
 * Changes what `input` gives. A new address also ends the reset link (and the change token)
 * the customer may hold: a link mailed to an address that was wrong must stop working.
 */
export async function updateCustomer(
  operator: Operator,
  number: string,
  input: UpdateCustomerRequest | unknown,
): Promise<CustomerUpdate> {
  const { db, clock } = operator;
  const parsed = validate(UpdateCustomerRequestSchema, input);
  if (!parsed.ok) throw new ProvisioningError('invalid_request', parsed.message, parsed.field);
  const customer = await requireCustomer(db, number);
  const next = { email: customer.email, name: customer.name, language: customer.language };
  Object.assign(next, parsed.value);
  const changed = (['email', 'name', 'language'] as const).filter(
    (field) => next[field] !== customer[field],
  );
  if (changed.length > 0) {
    await inTransaction(db, async (tx) => {
      await updateCustomerDetails(tx, customer.id, next);
      if (changed.includes('email')) await deleteCustomerTokens(tx, customer.id);
      // Old and new value, so support can tell what was corrected and undo a mistake.
      const detail = changed
        .map((field) => `${field}: ${customer[field]} -> ${next[field]}`)
        .join('; ');
      await recordOperatorAction(
        { ...operator, db: tx },
        'customer_updated',
        customer,
        clock.now(),
        detail,
      );
    });
  }
  const warnings = changed.includes('email')
    ? await warnAboutSharedEmail(db, next.email, customer.number)
    : [];
  if (changed.includes('email') && customer.mustChangePassword) {
    warnings.push({
      code: 'initial_password_at_old_address',
      message: `The initial password of ${customer.number} was mailed to ${customer.email}: send a new one to ${next.email} with "customers resend ${customer.number}" (admin API: POST /admin/customers/${customer.number}/resend-initial-password)`,
    });
  }
  return { customer: await describeCustomer(operator, customer.number), changed, warnings };
}
