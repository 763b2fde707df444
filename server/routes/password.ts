/**
 * @module The password routes: change (help text A.4, and from the internal area),
 * forgot (C.2, C.3) and reset (C.5, C.6).
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { createRandomToken, hashToken } from '../auth/random-tokens.ts';
import { findTokenSession, openSession } from '../auth/sessions.ts';
import { setPassword } from '../auth/set-password.ts';
import { recordFailure, secondsLocked } from '../auth/throttle.ts';
import {
  ChangePasswordRequestSchema,
  ForgotPasswordRequestSchema,
  type ForgotPasswordResponse,
  normalizePassword,
  ResetPasswordRequestSchema,
  resetLinkFragment,
} from '../contract.ts';
import { ApiError, tooManyAttempts } from '../http/api-error.ts';
import { bearerToken } from '../http/middleware/authenticate.ts';
import { requestOrigin } from '../http/middleware/request-log.ts';
import { parseBody } from '../http/parse-body.ts';
import { sendSession } from '../http/session-response.ts';
import { recordSecurityEvent } from '../security-events.ts';
import type { AppEnv, Services } from '../services.ts';
import {
  type CustomerRow,
  findCustomerById,
  findCustomerByNumber,
  passwordHashUnchanged,
} from '../store/customers.ts';
import {
  findChangeToken,
  findResetToken,
  replaceResetToken,
  useChangeToken,
} from '../store/one-time-tokens.ts';
import { countRecentMails, queueMail } from '../store/outbox.ts';

/** At most this many reset mails per customer and hour (S10). */
export const RESET_MAILS_PER_HOUR = 3;

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
      const session = access && findTokenSession(db, config, access, now);
      const customer = session && findCustomerById(db, session.customerId);
      if (customer) changer = { kind: 'session', customer };
    } else if (token) {
      const tokenHash = hashToken(token);
      const customerId = findChangeToken(db, tokenHash, now);
      const customer = customerId === null ? null : findCustomerById(db, customerId);
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

  return new Hono<AppEnv>()
    .post('/change', async (c) => {
      const changer = await identifyChanger(c);
      const { customer } = changer;
      const { currentPassword, newPassword } = await parseBody(c, ChangePasswordRequestSchema);
      const origin = requestOrigin(c);
      const wait = secondsLocked(db, 'account', customer.number, clock.now());
      if (wait > 0) throw tooManyAttempts(wait);

      // The previous password again, even with a change token: it proves the person (A.4).
      const { valid } = await verifyPassword(customer.passwordHash, currentPassword);
      if (!valid) {
        const now = clock.now();
        db.transaction(() => {
          const lockedFor = recordFailure(db, 'account', customer.number, now);
          recordSecurityEvent(
            services,
            { action: 'password_change_failed', customer, ...origin },
            now,
          );
          if (lockedFor > 0) {
            recordSecurityEvent(
              services,
              { action: 'account_locked', customer, ...origin, detail: `waits ${lockedFor} s` },
              now,
            );
          }
        })();
        throw new ApiError('invalid_current_password', 'The previous password is wrong.');
      }
      if (normalizePassword(newPassword) === normalizePassword(currentPassword)) {
        throw new ApiError(
          'password_unchanged',
          'The new password must differ from the previous one.',
        );
      }
      checkNewPassword(customer, newPassword);

      const passwordHash = await hashPassword(newPassword);
      const now = clock.now();
      const session = db.transaction(() => {
        if (changer.kind === 'change-token' && !useChangeToken(db, changer.tokenHash, now)) {
          throw new ApiError('unauthorized', 'This window has expired. Log in again.');
        }
        // Changed meanwhile (another tab, a reset): the previous password checked is stale.
        if (!passwordHashUnchanged(db, customer.id, customer.passwordHash)) {
          throw new ApiError('invalid_current_password', 'The previous password is wrong.');
        }
        setPassword(services, { customer, passwordHash, action: 'password_changed', origin }, now);
        // Signed in: this browser goes on in a new session; every other one is gone (S13).
        return changer.kind === 'session' ? openSession(db, config, customer.id, now) : null;
      })();
      if (!session) return c.body(null, 204);
      return sendSession(c, services, session, customer);
    })

    .post('/forgot', async (c) => {
      const { customerNumber } = await parseBody(c, ForgotPasswordRequestSchema);
      const origin = requestOrigin(c);
      const { address } = origin;
      const now = clock.now();
      const wait = secondsLocked(db, 'forgot', address, now);
      if (wait > 0) throw tooManyAttempts(wait);

      // Everything happens in the database: the mail is queued, never sent here, so known
      // and unknown numbers take the same time and get the same answer (S07).
      db.transaction(() => {
        recordFailure(db, 'forgot', address, now);
        const customer = findCustomerByNumber(db, customerNumber);
        const allowed =
          customer?.status === 'active' &&
          countRecentMails(db, customer.id, 'password_reset', now - 3_600_000) <
            RESET_MAILS_PER_HOUR;
        recordSecurityEvent(
          services,
          {
            action: allowed ? 'password_reset_requested' : 'password_reset_refused',
            customer,
            ...origin,
          },
          now,
        );
        if (!customer || !allowed) return;
        const token = createRandomToken();
        const expiresAt = now + config.resetLinkMinutes * 60_000;
        replaceResetToken(db, customer.id, hashToken(token), now, expiresAt);
        const resetUrl = new URL(config.publicUrl);
        // The fragment never reaches a server log or a Referer (S12).
        resetUrl.hash = resetLinkFragment(token, customer.language);
        queueMail(
          db,
          {
            customerId: customer.id,
            kind: 'password_reset',
            language: customer.language,
            recipient: customer.email,
            values: {
              name: customer.name,
              customerNumber: customer.number,
              resetUrl: resetUrl.href,
              expiresAt: new Date(expiresAt),
              supportEmail: config.supportEmail,
            },
          },
          now,
        );
      })();
      const body: ForgotPasswordResponse = { status: 'accepted' };
      return c.json(body, 202);
    })

    .post('/reset', async (c) => {
      const { token, newPassword } = await parseBody(c, ResetPasswordRequestSchema);
      const origin = requestOrigin(c);
      const { address } = origin;
      const wait = secondsLocked(db, 'reset', address, clock.now());
      if (wait > 0) throw tooManyAttempts(wait);

      const tokenHash = hashToken(token);
      // The customer when the link was theirs (disabled, or spent meanwhile), else null.
      const invalidLink = (owner: CustomerRow | null) => {
        const now = clock.now();
        db.transaction(() => {
          recordFailure(db, 'reset', address, now);
          recordSecurityEvent(
            services,
            { action: 'password_reset_failed', customer: owner, ...origin },
            now,
          );
        })();
        return new ApiError(
          'invalid_or_expired_link',
          'This link is no longer valid. Ask for a new one with "Forgot your password".',
        );
      };
      const customerId = findResetToken(db, tokenHash, clock.now());
      const customer = customerId === null ? null : findCustomerById(db, customerId);
      if (!customer || customer.status !== 'active') throw invalidLink(customer);

      checkNewPassword(customer, newPassword);
      if ((await verifyPassword(customer.passwordHash, newPassword)).valid) {
        throw new ApiError(
          'password_unchanged',
          'The new password must differ from the previous one.',
        );
      }
      const passwordHash = await hashPassword(newPassword);
      const now = clock.now();
      const session = db.transaction(() => {
        // Used or replaced while we were hashing: the link is spent.
        if (findResetToken(db, tokenHash, now) !== customer.id) return null;
        setPassword(services, { customer, passwordHash, action: 'password_reset', origin }, now);
        return openSession(db, config, customer.id, now);
      })();
      if (!session) throw invalidLink(customer);
      // A reset logs the customer in (help text C.6; S15).
      return sendSession(c, services, session, customer);
    });
}
