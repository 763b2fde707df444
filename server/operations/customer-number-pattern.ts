/**
 * @module The site's own shape of customer numbers (PORTAL_CUSTOMER_NUMBER_PATTERN), checked
 * when a customer is created: by `customers add`, a CSV import and POST /admin/customers.
 * Logins are not checked against it: a number given before the pattern changed still works.
 */
import type { Config } from '../config.ts';
import { ProvisioningError } from './provisioning.ts';

/** What the generator makes when no number is given: eight digits, not starting with 0. */
const GENERATED_NUMBER_EXAMPLE = '10000000';

/**
 * Throws when a new customer's number does not fit the pattern. `number` is normalised
 * already (as the contract's schema leaves it); `undefined` stands for a generated one.
 */
export function checkCustomerNumberPattern(config: Config, number: string | undefined): void {
  const pattern = config.customerNumberPattern;
  if (number === undefined) {
    if (pattern.test(GENERATED_NUMBER_EXAMPLE)) return;
    throw new ProvisioningError(
      'invalid_request',
      `number is required: generated numbers have 8 digits, which PORTAL_CUSTOMER_NUMBER_PATTERN ${pattern.source} does not accept`,
      'number',
    );
  }
  if (!pattern.test(number)) {
    throw new ProvisioningError(
      'invalid_request',
      `number ${number} does not match PORTAL_CUSTOMER_NUMBER_PATTERN ${pattern.source}`,
      'number',
    );
  }
}
