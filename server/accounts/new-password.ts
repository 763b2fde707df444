/**
 * @module What a new password must pass, chosen at a change or at a reset: the policy
 * (S03), with the rules it fails named so the widget can tick them off, and not the
 * previous password again.
 */
import { checkPasswordPolicy } from '../auth/passwords.ts';
import { ApiError } from '../http/api-error.ts';
import type { CustomerRow } from '../store/customers.ts';

/** Throws the contract's `password_policy` with the rules the new password fails. */
export function checkNewPassword(customer: Pick<CustomerRow, 'number'>, newPassword: string): void {
  const failedRules = checkPasswordPolicy(newPassword, customer.number);
  if (failedRules.length > 0) {
    throw new ApiError(
      'password_policy',
      `The new password does not meet these rules: ${failedRules.join(', ')}.`,
      { failedRules },
    );
  }
}

export function passwordUnchanged(): ApiError {
  return new ApiError('password_unchanged', 'The new password must differ from the previous one.');
}
