/**
 * @module Logging out (S19): the session of the access token and that of the refresh
 * token end, whichever of the two the browser still has, with an audit row.
 */
import { hashToken } from '../auth/random-tokens.ts';
import { findTokenSession, revokeSessionByRefreshToken } from '../auth/sessions.ts';
import { type EventOrigin, recordSecurityEvent } from '../security-events.ts';
import type { Services } from '../services.ts';
import { findCustomerById } from '../store/customers.ts';
import { inTransaction } from '../store/query.ts';
import { lockSession, lockSessionOfRefreshToken, revokeSession } from '../store/sessions.ts';

/** Ends the sessions the tokens name; nothing to end is no error. */
export async function logOut(
  services: Services,
  tokens: { accessToken: string | null; refreshToken: string | null },
  origin: EventOrigin,
): Promise<void> {
  const { db, config, clock } = services;
  const access = await services.tokens.verify(tokens.accessToken ?? '');
  const { refreshToken } = tokens;
  await inTransaction(db, async (tx) => {
    // The sessions' rows first, then the time: a refresh that committed before must not
    // look newer than the revocation.
    if (access) await lockSession(tx, access.sessionId);
    if (refreshToken) await lockSessionOfRefreshToken(tx, hashToken(refreshToken));
    const now = clock.now();
    let customerId: number | null = null;
    const session = access && (await findTokenSession(tx, config, access, now));
    if (session) {
      await revokeSession(tx, session.id, now);
      customerId = session.customerId;
    }
    if (refreshToken) {
      customerId = (await revokeSessionByRefreshToken(tx, refreshToken, now)) ?? customerId;
    }
    const customer = customerId === null ? null : await findCustomerById(tx, customerId);
    if (customer) {
      await recordSecurityEvent(
        { ...services, db: tx },
        { action: 'logout', customer, ...origin },
        now,
      );
    }
  });
}
