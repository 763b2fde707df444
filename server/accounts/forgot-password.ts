/**
 * @module "Forgot your password?" (help text C.2–C.4). The request is counted against the
 * address (S09) and answered at once, alike for every number; the link and its mail are
 * made afterwards, in one transaction: for an active customer under the mail cap (S10), a
 * new reset link (S11, only the newest valid) and its mail in the outbox; an audit row
 * either way. So the answer's time cannot tell which it was (S07).
 */
import { createRandomToken, hashToken } from '../auth/random-tokens.ts';
import { recordFailure, secondsLocked } from '../auth/throttle.ts';
import type { Config } from '../config.ts';
import { type ForgotPasswordRequest, resetLinkFragment } from '../contract.ts';
import { tooManyAttempts } from '../http/api-error.ts';
import type { Logger } from '../log.ts';
import { queueCustomerMail } from '../mail/customer-mail.ts';
import { type EventOrigin, recordSecurityEvent } from '../security-events.ts';
import type { Services } from '../services.ts';
import { findCustomerByNumber } from '../store/customers.ts';
import type { Db } from '../store/database.ts';
import { replaceResetToken } from '../store/one-time-tokens.ts';
import { countRecentMails } from '../store/outbox.ts';
import { inTransaction } from '../store/query.ts';

/** At most this many reset mails per customer and hour (S10). */
export const RESET_MAILS_PER_HOUR = 3;

/**
 * Takes the request; returns the work that sends the link, for the caller to run once
 * its answer is out (`services.afterAnswers`). Known, unknown, disabled and locked
 * numbers are alike until then: the number is not even looked up.
 */
export async function forgotPassword(
  services: Services,
  request: Pick<ForgotPasswordRequest, 'customerNumber'>,
  origin: EventOrigin,
): Promise<() => Promise<void>> {
  const { db, clock } = services;
  const now = clock.now();
  const wait = await secondsLocked(db, 'forgot', origin.address, now);
  if (wait > 0) throw tooManyAttempts(wait);
  await recordFailure(db, 'forgot', origin.address, now);
  return () => sendResetLink(services, { customerNumber: request.customerNumber, origin }, now);
}

/** Sends a reset link to the customer with this number, if there is one who may have it. */
function sendResetLink(
  services: { db: Db; config: Config; logger: Logger },
  request: { customerNumber: string; origin: EventOrigin },
  now: number,
): Promise<void> {
  const { config } = services;
  return inTransaction(services.db, async (tx) => {
    const customer = await findCustomerByNumber(tx, request.customerNumber);
    const allowed =
      customer?.status === 'active' &&
      (await countRecentMails(tx, customer.id, 'password_reset', now - 3_600_000)) <
        RESET_MAILS_PER_HOUR;
    await recordSecurityEvent(
      { ...services, db: tx },
      {
        action: allowed ? 'password_reset_requested' : 'password_reset_refused',
        customer,
        ...request.origin,
      },
      now,
    );
    if (!customer || !allowed) return;
    const token = createRandomToken();
    const expiresAt = now + config.resetLinkMinutes * 60_000;
    await replaceResetToken(tx, customer.id, hashToken(token), now, expiresAt);
    const resetUrl = new URL(config.publicUrl);
    // The fragment never reaches a server log or a Referer (S12).
    resetUrl.hash = resetLinkFragment(token, customer.language);
    await queueCustomerMail(
      tx,
      config,
      customer,
      'password_reset',
      {
        name: customer.name,
        customerNumber: customer.number,
        resetUrl: resetUrl.href,
        expiresAt: new Date(expiresAt),
        supportEmail: config.supportEmail,
      },
      now,
    );
  });
}
