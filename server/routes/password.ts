/**
 * @module The password routes: change (help text A.4, and from the internal area),
 * forgot (C.2, C.3) and reset (C.5, C.6).
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  checkPasswordPolicy,
  hashPassword,
  passwordToCheck,
  verifyPassword,
} from '../auth/passwords.ts';
import { hashToken } from '../auth/random-tokens.ts';
import { sendResetLink } from '../auth/send-reset-link.ts';
import { findTokenSession, openSession } from '../auth/sessions.ts';
import { setPassword } from '../auth/set-password.ts';
import { clearFailures, recordFailure, reserveAttempt, secondsLocked } from '../auth/throttle.ts';
import {
  ChangePasswordRequestSchema,
  CheckResetLinkRequestSchema,
  type CheckResetLinkResponse,
  ForgotPasswordRequestSchema,
  type ForgotPasswordResponse,
  normalizePassword,
  ResetPasswordRequestSchema,
} from '../contract.ts';
import { ApiError, tooManyAttempts } from '../http/api-error.ts';
import { bearerToken } from '../http/middleware/authenticate.ts';
import { requestOrigin } from '../http/middleware/request-log.ts';
import { parseBody } from '../http/parse-body.ts';
import { sendSession } from '../http/session-response.ts';
import { type EventOrigin, recordSecurityEvent } from '../security-events.ts';
import type { AppEnv, Services } from '../services.ts';
import {
  type CustomerRow,
  findCustomerById,
  lockCustomer,
  passwordHashUnchanged,
} from '../store/customers.ts';
import { findChangeToken, findResetToken, useChangeToken } from '../store/one-time-tokens.ts';
import { inTransaction } from '../store/query.ts';
import { lockCustomerSessions } from '../store/sessions.ts';

/** Who is changing a password: a must-change login's token, or a signed-in session. */
type Changer =
  | { kind: 'change-token'; tokenHash: string; customer: CustomerRow }
  | { kind: 'session'; customer: CustomerRow };

export function passwordRoutes(services: Services) {
  const { db, config, clock } = services;

  async function identifyChanger(c: Context): Promise<Changer> {
    const token = bearerToken(c.req.header('Authorization'));
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

  /** The rules a new password must pass; throws the contract's 400s. */
  function checkNewPassword(customer: CustomerRow, newPassword: string): void {
    const failedRules = checkPasswordPolicy(newPassword, customer.number);
    if (failedRules.length > 0) {
      throw new ApiError(
        'password_policy',
        `The new password does not meet these rules: ${failedRules.join(', ')}.`,
        { failedRules },
      );
    }
  }

  /** Refuses a reset link that is not (or no longer) valid, counted against the address (S09). */
  async function refuseLink(origin: EventOrigin, owner: CustomerRow | null): Promise<ApiError> {
    const now = clock.now();
    await inTransaction(db, async (tx) => {
      await recordFailure(tx, 'reset', origin.address, now);
      await recordSecurityEvent(
        { ...services, db: tx },
        { action: 'password_reset_failed', customer: owner, ...origin },
        now,
      );
    });
    return new ApiError(
      'invalid_or_expired_link',
      'This link is no longer valid. Ask for a new one with "Forgot your password?".',
    );
  }

  /** The active customer a reset token belongs to, now; null for a used, expired or replaced one. */
  async function findResetLinkOwner(tokenHash: string): Promise<{
    customer: CustomerRow | null;
    valid: boolean;
  }> {
    const customerId = await findResetToken(db, tokenHash, clock.now());
    const customer = customerId === null ? null : await findCustomerById(db, customerId);
    return { customer, valid: customer?.status === 'active' };
  }

  return (
    new Hono<AppEnv>()
      .post('/change', async (c) => {
        const changer = await identifyChanger(c);
        const { customer } = changer;
        const { currentPassword, newPassword } = await parseBody(c, ChangePasswordRequestSchema);
        const origin = requestOrigin(c);
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
        if (normalizePassword(newPassword) === normalizePassword(previous)) {
          throw new ApiError(
            'password_unchanged',
            'The new password must differ from the previous one.',
          );
        }
        checkNewPassword(customer, newPassword);

        const passwordHash = await hashPassword(newPassword);
        const session = await inTransaction(db, async (tx) => {
          // The customer's row, then their sessions', then the time (see `lockCustomerSessions`).
          const unchanged = await passwordHashUnchanged(tx, customer.id, customer.passwordHash);
          await lockCustomerSessions(tx, customer.id);
          const now = clock.now();
          if (
            changer.kind === 'change-token' &&
            !(await useChangeToken(tx, changer.tokenHash, now))
          ) {
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
        if (!session) return c.body(null, 204);
        return sendSession(c, services, session, customer);
      })

      .post('/forgot', async (c) => {
        const { customerNumber } = await parseBody(c, ForgotPasswordRequestSchema);
        const origin = requestOrigin(c);
        const { address } = origin;
        const now = clock.now();
        const wait = await secondsLocked(db, 'forgot', address, now);
        if (wait > 0) throw tooManyAttempts(wait);
        await recordFailure(db, 'forgot', address, now);

        // Known, unknown, disabled and locked numbers get this same answer, and before the
        // number is even looked up: the link and its mail are made after it is sent, so
        // only the address's count above is on the answer's time (S07).
        services.afterAnswers.run(c, () =>
          sendResetLink(services, { customerNumber, origin }, now),
        );
        const body: ForgotPasswordResponse = { status: 'accepted' };
        return c.json(body, 202);
      })

      .post('/reset', async (c) => {
        const { token, newPassword } = await parseBody(c, ResetPasswordRequestSchema);
        const origin = requestOrigin(c);
        const { address } = origin;
        const wait = await secondsLocked(db, 'reset', address, clock.now());
        if (wait > 0) throw tooManyAttempts(wait);

        const tokenHash = hashToken(token);
        // The customer when the link was theirs (disabled, or spent meanwhile), else null.
        const invalidLink = (owner: CustomerRow | null) => refuseLink(origin, owner);
        const { customer, valid } = await findResetLinkOwner(tokenHash);
        if (!customer || !valid) throw await invalidLink(customer);

        checkNewPassword(customer, newPassword);
        if ((await verifyPassword(customer.passwordHash, newPassword)).valid) {
          throw new ApiError(
            'password_unchanged',
            'The new password must differ from the previous one.',
          );
        }
        const passwordHash = await hashPassword(newPassword);
        const session = await inTransaction(db, async (tx) => {
          // The customer's row, then their sessions', then the time (see `lockCustomerSessions`).
          await lockCustomer(tx, customer.id);
          await lockCustomerSessions(tx, customer.id);
          const now = clock.now();
          // Used or replaced while we were hashing: the link is spent.
          if ((await findResetToken(tx, tokenHash, now)) !== customer.id) return null;
          await setPassword(
            { ...services, db: tx },
            { customer, passwordHash, action: 'password_reset', origin },
            now,
          );
          return openSession(tx, config, customer.id, now);
        });
        if (!session) throw await invalidLink(customer);
        // A reset logs the customer in (help text C.6; S15).
        return sendSession(c, services, session, customer);
      })

      // When the link opens (C.5): a used, expired or replaced one is said at once, before
      // the customer types a new password twice. Nothing is used up; failures count as at
      // "set password", so guessing tokens here is as slow as there (S09, S11).
      .post('/reset/check', async (c) => {
        const { token } = await parseBody(c, CheckResetLinkRequestSchema);
        const origin = requestOrigin(c);
        const wait = await secondsLocked(db, 'reset', origin.address, clock.now());
        if (wait > 0) throw tooManyAttempts(wait);
        const { customer, valid } = await findResetLinkOwner(hashToken(token));
        if (!valid) throw await refuseLink(origin, customer);
        const body: CheckResetLinkResponse = { status: 'valid' };
        return c.json(body, 200);
      })
  );
}
