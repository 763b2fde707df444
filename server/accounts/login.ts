/**
 * @module Logging in (help text A.3, A.5, B.3). One answer for every failure, the same
 * time for unknown numbers (S06), throttled per number and per address (S08, S09); an
 * initial password opens no session but gives a change token (S14).
 */
import { hashPassword, passwordToCheck, verifyPassword } from '../auth/passwords.ts';
import { createRandomToken, hashToken } from '../auth/random-tokens.ts';
import { type OpenedSession, openSession } from '../auth/sessions.ts';
import {
  clearFailures,
  failuresBeforeWait,
  giveBackAttempt,
  reserveAttempt,
} from '../auth/throttle.ts';
import type { ErrorBody, LoginRequest, PasswordChangeRequiredResponse } from '../contract.ts';
import { ApiError, tooManyAttempts } from '../http/api-error.ts';
import { type EventOrigin, recordSecurityEvent } from '../security-events.ts';
import type { Services } from '../services.ts';
import {
  type CustomerRow,
  findCustomerByNumber,
  mayStillLogIn,
  replacePasswordHash,
} from '../store/customers.ts';
import type { Db } from '../store/database.ts';
import { insertChangeToken } from '../store/one-time-tokens.ts';
import { inTransaction } from '../store/query.ts';

/** The change token lives 10 minutes and works once, for the change only (S14). */
export const CHANGE_TOKEN_SECONDS = 600;

/** A session opened, or (an initial password) the token that only changes it. */
export type LoginOutcome =
  | { status: 'ok'; session: OpenedSession; customer: CustomerRow }
  | PasswordChangeRequiredResponse;

/** Checks a customer number and password; throws the contract's refusals. */
export async function logIn(
  services: Services,
  request: LoginRequest,
  origin: EventOrigin,
): Promise<LoginOutcome> {
  const { db, config, clock } = services;
  const { customerNumber, password } = request;
  const { address } = origin;
  // Counted before the password is checked, so guesses sent at once cannot all pass (S08).
  const attempt = await reserveAttempt(
    db,
    [
      ['account', customerNumber],
      ['login', address],
    ],
    clock,
  );
  // Locked: answer without looking at the password, so guessing gains nothing (S08).
  if (!attempt.allowed) {
    await recordSecurityEvent(
      services,
      {
        action: 'login_throttled',
        customer: await findCustomerByNumber(db, customerNumber),
        ...origin,
        detail: `${attempt.waits.account ? 'account' : 'address'} waits ${attempt.waitSeconds} s`,
      },
      clock.now(),
    );
    throw tooManyAttempts(attempt.waitSeconds);
  }

  const customer = await findCustomerByNumber(db, customerNumber);
  // Only an initial password is checked without the spaces a copy from the mail adds.
  const checked = passwordToCheck(password, customer?.mustChangePassword ?? false);
  const { valid, rehash } = await verifyPassword(customer?.passwordHash ?? null, checked);
  const now = clock.now();
  // The attempt was counted as a failure already: what is left is to say so.
  const recordFailedLogin = async (tx: Db) => {
    const recorder = { ...services, db: tx };
    await recordSecurityEvent(recorder, { action: 'login_failed', customer, ...origin }, now);
    const lockedFor = attempt.lockedFor.account;
    if (lockedFor) {
      await recordSecurityEvent(
        recorder,
        { action: 'account_locked', customer, ...origin, detail: `waits ${lockedFor} s` },
        now,
      );
    }
    attempt.settle();
  };
  // A success forgets the number's failures and gives the address its attempt back.
  const forgetFailures = async (tx: Db, number: string) => {
    await clearFailures(tx, 'account', number);
    await giveBackAttempt(tx, 'login', address, attempt.at, now);
    // Attempts waiting for this one look again when the transaction has committed.
    attempt.settle();
  };
  // How many tries are left, or the wait this one started: the customer is warned (S08).
  // Every refusal says it alike, so a disable during the hash answers as any other (S06).
  const refusal = async () =>
    wrongCredentials({
      attemptsLeft: await failuresBeforeWait(db, customerNumber, now),
      ...waitStarted(attempt.lockedFor),
    });
  if (!customer || !valid || customer.status !== 'active') {
    await inTransaction(db, recordFailedLogin);
    throw await refusal();
  }
  // Only now, with the password proved: saying it expired tells nothing to anyone else.
  if (customer.mustChangePassword && (customer.initialPasswordExpiresAt ?? 0) <= now) {
    await inTransaction(db, async (tx) => {
      await forgetFailures(tx, customer.number);
      await recordSecurityEvent(
        { ...services, db: tx },
        { action: 'login_initial_password_expired', customer, ...origin },
        now,
      );
    });
    throw new ApiError(
      'initial_password_expired',
      'The initial password has expired. Set a new one with "Forgot your password?".',
    );
  }

  // Parameters were raised since this hash was made: store a stronger one (S01).
  const strongerHash = rehash ? await hashPassword(checked) : null;

  // What every granted login does, in the transaction that grants it: refuse after all if
  // the customer was disabled, deleted or given a new password while we were hashing (this
  // login proved a password that no longer lets anyone in: "blocks logins, ends sessions";
  // S13), else forget the failures, store the stronger hash and record the login; then
  // `grant` issues what this login gives. Null when refused.
  const grantLogin = <T>(
    action: 'login' | 'login_initial_password',
    grant: (tx: Db) => Promise<T>,
  ): Promise<T | null> =>
    inTransaction(db, async (tx) => {
      if (!(await mayStillLogIn(tx, customer.id, customer.passwordHash))) {
        await recordFailedLogin(tx);
        return null;
      }
      await forgetFailures(tx, customer.number);
      if (strongerHash) await replacePasswordHash(tx, customer.id, strongerHash);
      await recordSecurityEvent({ ...services, db: tx }, { action, customer, ...origin }, now);
      return grant(tx);
    });

  if (customer.mustChangePassword) {
    const changeToken = createRandomToken();
    const expiresAt = now + CHANGE_TOKEN_SECONDS * 1000;
    const issued = await grantLogin('login_initial_password', async (tx) => {
      await insertChangeToken(tx, hashToken(changeToken), customer.id, expiresAt);
      return true;
    });
    if (!issued) throw await refusal();
    return { status: 'password_change_required', changeToken, expiresIn: CHANGE_TOKEN_SECONDS };
  }

  const session = await grantLogin('login', (tx) => openSession(tx, config, customer.id, now));
  if (!session) throw await refusal();
  return { status: 'ok', session, customer };
}

/** Disabled customers fail like a wrong password (S04). */
function wrongCredentials(extra: Omit<ErrorBody, 'error' | 'message'> = {}): ApiError {
  return new ApiError(
    'invalid_credentials',
    'The customer number or the password is wrong.',
    extra,
  );
}

/** `retryAfter` when counting this failure started a wait, of the number or the address. */
function waitStarted(lockedFor: Partial<Record<string, number>>): { retryAfter?: number } {
  const waits = Object.values(lockedFor).filter((wait) => wait !== undefined);
  const wait = Math.max(0, ...waits);
  return wait > 0 ? { retryAfter: wait } : {};
}
