/**
 * @module Changing a password (help text A.4, and from the internal area): with the change
 * token of an initial password's login (S14), or signed in. The previous password is
 * checked again and throttled like a login (S08); the change itself is one transaction
 * (`setPassword`, S13).
 */
import { hashPassword, passwordToCheck, verifyPassword } from '../auth/passwords.ts';
import { hashToken } from '../auth/random-tokens.ts';
import { findTokenSession, type OpenedSession, openSession } from '../auth/sessions.ts';
import { setPassword } from '../auth/set-password.ts';
import { clearFailures, reserveAttempt } from '../auth/throttle.ts';
import { type ChangePasswordRequest, normalizePassword } from '../contract.ts';
import { ApiError, tooManyAttempts } from '../http/api-error.ts';
import { type EventOrigin, recordSecurityEvent } from '../security-events.ts';
import type { Services } from '../services.ts';
import { type CustomerRow, findCustomerById, passwordHashUnchanged } from '../store/customers.ts';
import { findChangeToken, useChangeToken } from '../store/one-time-tokens.ts';
import { inTransaction } from '../store/query.ts';
import { lockCustomerSessions } from '../store/sessions.ts';
import { checkNewPassword, passwordUnchanged } from './new-password.ts';

/** Who is changing a password: a must-change login's token, or a signed-in session. */
export type Changer =
  | { kind: 'change-token'; tokenHash: string; customer: CustomerRow }
  | { kind: 'session'; customer: CustomerRow };

/**
 * The active customer a bearer token speaks for: an access token (it has a dot) or a
 * change token; anyone else is `unauthorized`.
 */
export async function identifyChanger(services: Services, token: string | null): Promise<Changer> {
  const { db, config, clock } = services;
  const now = clock.now();
  let changer: Changer | null = null;
  if (token?.includes('.')) {
    const access = await services.tokens.verify(token);
    const session = access && (await findTokenSession(db, config, access, now));
    const customer = session && (await findCustomerById(db, session.customerId));
    if (customer) changer = { kind: 'session', customer };
  } else if (token) {
    const tokenHash = hashToken(token);
    const customerId = await findChangeToken(db, tokenHash, now);
    const customer = customerId === null ? null : await findCustomerById(db, customerId);
    if (customer) changer = { kind: 'change-token', tokenHash, customer };
  }
  if (!changer || changer.customer.status !== 'active') {
    throw new ApiError(
      'unauthorized',
      'This window has expired. Log in again to change your password.',
    );
  }
  return changer;
}

/**
 * Changes the changer's password. Signed in, this browser goes on in the session returned;
 * with a change token there is none (null): the customer logs in with the new one (A.5).
 */
export async function changePassword(
  services: Services,
  changer: Changer,
  request: ChangePasswordRequest,
  origin: EventOrigin,
): Promise<{ session: OpenedSession; customer: CustomerRow } | null> {
  const { db, config, clock } = services;
  const { customer } = changer;
  const { currentPassword, newPassword } = request;
  // Counted before the check, like a login, so guesses sent at once cannot all pass (S08).
  const attempt = await reserveAttempt(db, [['account', customer.number]], clock);
  if (!attempt.allowed) throw tooManyAttempts(attempt.waitSeconds);

  // The previous password again, even with a change token: it proves the person (A.4).
  // An initial one is copied from the mail: checked without the spaces around it.
  const previous = passwordToCheck(currentPassword, customer.mustChangePassword);
  const { valid } = await verifyPassword(customer.passwordHash, previous);
  if (!valid) {
    const now = clock.now();
    attempt.settle();
    await inTransaction(db, async (tx) => {
      const lockedFor = attempt.lockedFor.account;
      await recordSecurityEvent(
        { ...services, db: tx },
        { action: 'password_change_failed', customer, ...origin },
        now,
      );
      if (lockedFor) {
        await recordSecurityEvent(
          { ...services, db: tx },
          { action: 'account_locked', customer, ...origin, detail: `waits ${lockedFor} s` },
          now,
        );
      }
    });
    throw new ApiError('invalid_current_password', 'The previous password is wrong.');
  }
  // The right password, as at a login: the count of failures starts afresh.
  await clearFailures(db, 'account', customer.number);
  attempt.settle();
  if (normalizePassword(newPassword) === normalizePassword(previous)) throw passwordUnchanged();
  checkNewPassword(customer, newPassword);

  const passwordHash = await hashPassword(newPassword);
  const session = await inTransaction(db, async (tx) => {
    // The customer's row, then their sessions', then the time (see `lockCustomerSessions`).
    const unchanged = await passwordHashUnchanged(tx, customer.id, customer.passwordHash);
    await lockCustomerSessions(tx, customer.id);
    const now = clock.now();
    if (changer.kind === 'change-token' && !(await useChangeToken(tx, changer.tokenHash, now))) {
      throw new ApiError('unauthorized', 'This window has expired. Log in again.');
    }
    // Changed meanwhile (another tab, a reset): the previous password checked is stale.
    if (!unchanged) {
      throw new ApiError('invalid_current_password', 'The previous password is wrong.');
    }
    await setPassword(
      { ...services, db: tx },
      { customer, passwordHash, action: 'password_changed', origin },
      now,
    );
    // Signed in: this browser goes on in a new session; every other one is gone (S13).
    return changer.kind === 'session' ? openSession(tx, config, customer.id, now) : null;
  });
  return session && { session, customer };
}
