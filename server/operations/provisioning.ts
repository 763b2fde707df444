/**
 * @module What operators do with customers, shared by the CLI and the admin API:
 * create (help text A.1, A.2), show, re-send an initial password, unlock, disable, delete.
 * Each is one transaction with its audit row and its mails.
 */
import { randomInt } from 'node:crypto';
import type * as v from 'valibot';
import { checkPasswordPolicy, generateInitialPassword, hashPassword } from '../auth/passwords.ts';
import { revokeCredentials } from '../auth/revoke-credentials.ts';
import { clearFailures, secondsLocked } from '../auth/throttle.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { CreateCustomerRequest, CustomerRecord } from '../contract.ts';
import { CreateCustomerRequestSchema, normalizeCustomerNumber } from '../contract.ts';
import { type Logger, silentLogger } from '../log.ts';
import { type MailRecipient, queueCustomerMail } from '../mail/customer-mail.ts';
import { recordSecurityEvent, type SecurityAction } from '../security-events.ts';
import { type AuditRow, listAudit } from '../store/audit.ts';
import {
  type CustomerRow,
  deleteCustomer,
  findCustomerByNumber,
  insertCustomer,
  setCustomerStatus,
  setInitialPassword,
  toCustomerRecord,
} from '../store/customers.ts';
import type { Db } from '../store/database.ts';
import { deleteCustomerTokens } from '../store/one-time-tokens.ts';
import { inTransaction, isUniqueViolation } from '../store/query.ts';
import { revokeCustomerSessions } from '../store/sessions.ts';
import { validate } from '../validate.ts';
import { checkCustomerNumberPattern } from './customer-number-pattern.ts';

/** An operator's mistake: a duplicate number, a bad email, an unknown customer … */
export class ProvisioningError extends Error {
  override name = 'ProvisioningError';
  constructor(
    readonly code: 'invalid_request' | 'customer_exists' | 'not_found',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface Operator {
  db: Db;
  config: Config;
  clock: Clock;
  /** Where the action came from, for the audit log: 'cli' or the admin's address. */
  source: string;
  /** The service's log, for the admin API; the CLI prints its own output and has none. */
  logger?: Logger;
  /** The admin API request the action is part of; none from the CLI. */
  requestId?: string;
}

/** An operator's action, in the audit log and (from the admin API) the service's log. */
export function recordOperatorAction(
  operator: Operator,
  action: SecurityAction,
  customer: Pick<CustomerRow, 'id' | 'number'>,
  now: number,
  detail?: string,
): Promise<void> {
  return recordSecurityEvent(
    { db: operator.db, logger: operator.logger ?? silentLogger },
    {
      action,
      customer,
      address: operator.source,
      requestId: operator.requestId ?? null,
      ...(detail === undefined ? {} : { detail }),
    },
    now,
  );
}

/** Checks an operator's input against the contract, with the field named on error. */
export function parseNewCustomer(
  input: unknown,
): v.InferOutput<typeof CreateCustomerRequestSchema> {
  const result = validate(CreateCustomerRequestSchema, input);
  if (result.ok) return result.value;
  throw new ProvisioningError('invalid_request', result.message, result.field);
}

/**
 * Creates a customer with a generated number (unless given) and an initial password that
 * must be changed and expires (S04), and queues the two welcome mails. The password is
 * returned to no one: it goes out by mail only.
 */
export async function createCustomer(
  operator: Operator,
  input: CreateCustomerRequest | unknown,
): Promise<CustomerRecord> {
  const { db, config, clock } = operator;
  const customer = parseNewCustomer(input);
  checkCustomerNumberPattern(config, customer.number);
  const number = customer.number ?? (await generateCustomerNumber(db));
  const taken = () =>
    new ProvisioningError(
      'customer_exists',
      `Customer number ${number} is already taken.`,
      'number',
    );
  if (await findCustomerByNumber(db, number)) throw taken();
  if (customer.password !== undefined) {
    // The customer copies it from a mail, and the login drops white space around it.
    if (customer.password !== customer.password.trim()) {
      throw new ProvisioningError(
        'invalid_request',
        'password must not begin or end with white space',
        'password',
      );
    }
    const failed = checkPasswordPolicy(customer.password, number);
    if (failed.length > 0) {
      throw new ProvisioningError(
        'invalid_request',
        `password does not meet these rules: ${failed.join(', ')}`,
        'password',
      );
    }
  }
  const password = customer.password ?? generateInitialPassword(number);
  const passwordHash = await hashPassword(password);
  const now = clock.now();
  const expiresAt = now + config.initialPasswordDays * 86_400_000;

  await inTransaction(db, async (tx) => {
    // Checked again inside the transaction: another operator may have been quicker.
    if (await findCustomerByNumber(tx, number)) throw taken();
    const customerId = await insertCustomer(
      tx,
      { ...customer, number, passwordHash, initialPasswordExpiresAt: expiresAt },
      now,
    );
    const recipient = { id: customerId, email: customer.email, language: customer.language };
    await queueCustomerMail(
      tx,
      config,
      recipient,
      'customer_number',
      { name: customer.name, customerNumber: number, portalUrl: config.publicUrl },
      now,
    );
    await queueInitialPasswordMail(tx, config, recipient, customer.name, password, expiresAt, now);
    await recordOperatorAction(
      { ...operator, db: tx },
      'customer_created',
      { id: customerId, number },
      now,
    );
  }).catch((error: unknown) => {
    // On PostgreSQL, one quicker by a hair is told by the unique index, at the insert.
    throw isUniqueViolation(error) ? taken() : error;
  });
  return describeCustomer(operator, number);
}

/** The operator's view of a customer. */
export async function describeCustomer(
  operator: Operator,
  number: string,
): Promise<CustomerRecord> {
  return recordOf(operator, await requireCustomer(operator.db, number));
}

/** A customer's latest audit events, newest first, for `customers show` and the admin API. */
export async function listCustomerAudit(
  operator: Operator,
  number: string,
  limit: number,
): Promise<AuditRow[]> {
  return listAudit(operator.db, (await requireCustomer(operator.db, number)).id, limit);
}

/** A customer row as operators see it, with whether failed logins have locked it now. */
export async function recordOf(operator: Operator, customer: CustomerRow): Promise<CustomerRecord> {
  const wait = await secondsLocked(operator.db, 'account', customer.number, operator.clock.now());
  const locked = wait > 0;
  return toCustomerRecord(customer, locked);
}

/**
 * A new initial password by mail: the old one stops working, sessions end (S04). Only for
 * a customer who has not chosen a password yet (it expired, or the mail got lost): one who
 * has would silently lose it, so that takes `replaceChosenPassword` (the CLI's --force).
 */
export async function resendInitialPassword(
  operator: Operator,
  number: string,
  options: { replaceChosenPassword?: boolean } = {},
): Promise<CustomerRecord> {
  const { db, config, clock } = operator;
  const customer = await requireCustomer(db, number);
  if (!customer.mustChangePassword && !options.replaceChosenPassword) {
    throw new ProvisioningError(
      'invalid_request',
      `Customer ${customer.number} has already chosen a password; they can set a new one with "Forgot your password". To replace it with a new initial password anyway, use --force (in the admin API: {"force": true}).`,
    );
  }
  const password = generateInitialPassword(customer.number);
  const passwordHash = await hashPassword(password);
  const now = clock.now();
  const expiresAt = now + config.initialPasswordDays * 86_400_000;
  await inTransaction(db, async (tx) => {
    await setInitialPassword(tx, customer.id, passwordHash, expiresAt);
    await revokeCredentials(tx, customer, now);
    await queueInitialPasswordMail(tx, config, customer, customer.name, password, expiresAt, now);
    await recordOperatorAction({ ...operator, db: tx }, 'initial_password_resent', customer, now);
  });
  return describeCustomer(operator, customer.number);
}

/** The initial password's mail (help text A.2): on its own, never with the number. */
function queueInitialPasswordMail(
  db: Db,
  config: Config,
  recipient: MailRecipient,
  name: string,
  password: string,
  expiresAt: number,
  now: number,
): Promise<number> {
  const values = { name, password, expiresAt: new Date(expiresAt), portalUrl: config.publicUrl };
  return queueCustomerMail(db, config, recipient, 'initial_password', values, now);
}

/** Lifts a lockout from failed logins (S08). */
export async function unlockCustomer(operator: Operator, number: string): Promise<CustomerRecord> {
  const { db, clock } = operator;
  const customer = await requireCustomer(db, number);
  await inTransaction(db, async (tx) => {
    await clearFailures(tx, 'account', customer.number);
    await recordOperatorAction({ ...operator, db: tx }, 'customer_unlocked', customer, clock.now());
  });
  return describeCustomer(operator, customer.number);
}

/** Disables (or enables again) a customer; disabling ends their sessions and links. */
export async function setCustomerEnabled(
  operator: Operator,
  number: string,
  enabled: boolean,
): Promise<CustomerRecord> {
  const { db, clock } = operator;
  const customer = await requireCustomer(db, number);
  const now = clock.now();
  await inTransaction(db, async (tx) => {
    await setCustomerStatus(tx, customer.id, enabled ? 'active' : 'disabled');
    if (!enabled) {
      await revokeCustomerSessions(tx, customer.id, now);
      // A reset link or change token is refused while the customer is disabled; if it
      // lived on, enabling them again would revive a link mailed before the disable.
      await deleteCustomerTokens(tx, customer.id);
    }
    await recordOperatorAction(
      { ...operator, db: tx },
      enabled ? 'customer_enabled' : 'customer_disabled',
      customer,
      now,
    );
  });
  return describeCustomer(operator, customer.number);
}

/**
 * Deletes a customer with their sessions and tokens. The audit keeps the event, detached
 * from the row id like the customer's earlier rows, with the number in its detail.
 */
export async function removeCustomer(operator: Operator, number: string): Promise<void> {
  const { db, clock } = operator;
  const customer = await requireCustomer(db, number);
  await inTransaction(db, async (tx) => {
    await recordOperatorAction(
      { ...operator, db: tx },
      'customer_deleted',
      customer,
      clock.now(),
      customer.number,
    );
    // Last: the delete detaches every audit row of this row id, the one above included.
    await deleteCustomer(tx, customer.id);
  });
}

/**
 * The customer with this number as typed (any case, spaces as printed in a letter), or a
 * `not_found` error: the contract's normaliser, as at the login and in `audit --customer`.
 */
export async function requireCustomer(db: Db, number: string): Promise<CustomerRow> {
  const customer = await findCustomerByNumber(db, normalizeCustomerNumber(number));
  if (!customer) throw new ProvisioningError('not_found', `There is no customer ${number}.`);
  return customer;
}

/** Eight digits, not starting with 0, not yet taken. */
async function generateCustomerNumber(db: Db): Promise<string> {
  for (;;) {
    const number = String(randomInt(10_000_000, 100_000_000));
    if (!(await findCustomerByNumber(db, number))) return number;
  }
}
