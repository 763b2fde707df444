/**
 * @module POST /api/login (help text A.3, A.5, B.3). One answer for every failure, the
 * same time for unknown numbers (S06), throttled per number and per address (S08, S09);
 * an initial password opens no session but returns a change token (S14).
 */
import { Hono } from 'hono';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { createRandomToken, hashToken } from '../auth/random-tokens.ts';
import { openSession } from '../auth/sessions.ts';
import { clearFailures, recordFailure, secondsLocked } from '../auth/throttle.ts';
import { LoginRequestSchema, type PasswordChangeRequiredResponse } from '../contract.ts';
import { ApiError, tooManyAttempts } from '../http/api-error.ts';
import { requestOrigin } from '../http/middleware/request-log.ts';
import { parseBody } from '../http/parse-body.ts';
import { sendSession } from '../http/session-response.ts';
import { recordSecurityEvent } from '../security-events.ts';
import type { AppEnv, Services } from '../services.ts';
import {
  type CustomerRow,
  findCustomerByNumber,
  passwordHashUnchanged,
  replacePasswordHash,
} from '../store/customers.ts';
import { insertChangeToken } from '../store/one-time-tokens.ts';

/** The change token lives 10 minutes and works once, for the change only (S14). */
export const CHANGE_TOKEN_SECONDS = 600;

export function loginRoutes(services: Services) {
  const { db, config, clock } = services;

  return new Hono<AppEnv>().post('/', async (c) => {
    const { customerNumber, password } = await parseBody(c, LoginRequestSchema);
    const origin = requestOrigin(c);
    const { address } = origin;
    const waitAddress = secondsLocked(db, 'login', address, clock.now());
    const waitAccount = secondsLocked(db, 'account', customerNumber, clock.now());
    // Locked: answer without looking at the password, so guessing gains nothing (S08).
    if (waitAddress > 0 || waitAccount > 0) {
      const wait = Math.max(waitAddress, waitAccount);
      recordSecurityEvent(
        services,
        {
          action: 'login_throttled',
          customer: findCustomerByNumber(db, customerNumber),
          ...origin,
          detail: `${waitAccount > 0 ? 'account' : 'address'} waits ${wait} s`,
        },
        clock.now(),
      );
      throw tooManyAttempts(wait);
    }

    const customer = findCustomerByNumber(db, customerNumber);
    const { valid, rehash } = await verifyPassword(customer?.passwordHash ?? null, password);
    const now = clock.now();
    if (!customer || !valid || !canLogIn(customer, now)) {
      db.transaction(() => {
        const lockedFor = recordFailure(db, 'account', customerNumber, now);
        recordFailure(db, 'login', address, now);
        recordSecurityEvent(services, { action: 'login_failed', customer, ...origin }, now);
        if (lockedFor > 0) {
          recordSecurityEvent(
            services,
            { action: 'account_locked', customer, ...origin, detail: `waits ${lockedFor} s` },
            now,
          );
        }
      })();
      throw wrongCredentials();
    }

    // Parameters were raised since this hash was made: store a stronger one (S01).
    const strongerHash = rehash ? await hashPassword(password) : null;

    if (customer.mustChangePassword) {
      const changeToken = createRandomToken();
      const issued = db.transaction(() => {
        if (!passwordHashUnchanged(db, customer.id, customer.passwordHash)) return false;
        clearFailures(db, 'account', customer.number);
        if (strongerHash) replacePasswordHash(db, customer.id, strongerHash);
        insertChangeToken(
          db,
          hashToken(changeToken),
          customer.id,
          now + CHANGE_TOKEN_SECONDS * 1000,
        );
        recordSecurityEvent(
          services,
          { action: 'login_initial_password', customer, ...origin },
          now,
        );
        return true;
      })();
      if (!issued) throw wrongCredentials();
      const body: PasswordChangeRequiredResponse = {
        status: 'password_change_required',
        changeToken,
        expiresIn: CHANGE_TOKEN_SECONDS,
      };
      c.header('Cache-Control', 'no-store');
      return c.json(body, 200);
    }

    const session = db.transaction(() => {
      // The password changed while we were hashing: this login proved the old one (S13).
      if (!passwordHashUnchanged(db, customer.id, customer.passwordHash)) return null;
      clearFailures(db, 'account', customer.number);
      if (strongerHash) replacePasswordHash(db, customer.id, strongerHash);
      recordSecurityEvent(services, { action: 'login', customer, ...origin }, now);
      return openSession(db, config, customer.id, now);
    })();
    if (!session) throw wrongCredentials();
    return sendSession(c, services, session, customer);
  });
}

function wrongCredentials(): ApiError {
  return new ApiError('invalid_credentials', 'The customer number or the password is wrong.');
}

/** Disabled customers and expired initial passwords fail like a wrong password (S04). */
function canLogIn(customer: CustomerRow, now: number): boolean {
  if (customer.status !== 'active') return false;
  if (customer.mustChangePassword && (customer.initialPasswordExpiresAt ?? 0) <= now) return false;
  return true;
}
