/**
 * @module The reset link (help text C.5, C.6): checked when it opens, used to set a new
 * password, which logs the customer in (S15). A link that is not (or no longer) valid is
 * refused and counted against the address, when checked and when used alike, so guessing
 * tokens is as slow at either (S09, S11).
 */
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { hashToken } from '../auth/random-tokens.ts';
import { type OpenedSession, openSession } from '../auth/sessions.ts';
import { setPassword } from '../auth/set-password.ts';
import { recordFailure, secondsLocked } from '../auth/throttle.ts';
import type { CheckResetLinkRequest, ResetPasswordRequest } from '../contract.ts';
import { ApiError, tooManyAttempts } from '../http/api-error.ts';
import { type EventOrigin, recordSecurityEvent } from '../security-events.ts';
import type { Services } from '../services.ts';
import { type CustomerRow, findCustomerById, lockCustomer } from '../store/customers.ts';
import { findResetToken } from '../store/one-time-tokens.ts';
import { inTransaction } from '../store/query.ts';
import { lockCustomerSessions } from '../store/sessions.ts';
import { checkNewPassword, passwordUnchanged } from './new-password.ts';

/** Sets the new password a reset link allows, and opens the customer's session. */
export async function resetPassword(
  services: Services,
  request: ResetPasswordRequest,
  origin: EventOrigin,
): Promise<{ session: OpenedSession; customer: CustomerRow }> {
  const { db, config, clock } = services;
  const { token, newPassword } = request;
  await refuseWhileThrottled(services, origin);

  const tokenHash = hashToken(token);
  const { customer, valid } = await findResetLinkOwner(services, tokenHash);
  // The customer when the link was theirs (disabled, or spent meanwhile), else null.
  if (!customer || !valid) throw await refuseLink(services, origin, customer);

  checkNewPassword(customer, newPassword);
  if ((await verifyPassword(customer.passwordHash, newPassword)).valid) throw passwordUnchanged();
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
  if (!session) throw await refuseLink(services, origin, customer);
  return { session, customer };
}

/**
 * Whether a link still works, when it opens (C.5): a used, expired or replaced one is said
 * at once, before the customer types a new password twice. Nothing is used up.
 */
export async function checkResetLink(
  services: Services,
  request: CheckResetLinkRequest,
  origin: EventOrigin,
): Promise<void> {
  await refuseWhileThrottled(services, origin);
  const { customer, valid } = await findResetLinkOwner(services, hashToken(request.token));
  if (!valid) throw await refuseLink(services, origin, customer);
}

/** An address that guessed too many links waits, before its token is even looked up (S09). */
async function refuseWhileThrottled(services: Services, origin: EventOrigin): Promise<void> {
  const wait = await secondsLocked(services.db, 'reset', origin.address, services.clock.now());
  if (wait > 0) throw tooManyAttempts(wait);
}

/** The customer a reset token belongs to, now, and whether they may use it (active). */
async function findResetLinkOwner(
  services: Services,
  tokenHash: string,
): Promise<{ customer: CustomerRow | null; valid: boolean }> {
  const { db, clock } = services;
  const customerId = await findResetToken(db, tokenHash, clock.now());
  const customer = customerId === null ? null : await findCustomerById(db, customerId);
  return { customer, valid: customer?.status === 'active' };
}

/** Refuses a reset link that is not (or no longer) valid, counted against the address (S09). */
async function refuseLink(
  services: Services,
  origin: EventOrigin,
  owner: CustomerRow | null,
): Promise<ApiError> {
  const { db, clock } = services;
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
