/**
 * @module Refreshing a session (S17, S19): the refresh token is traded for a new one, or
 * answered once as a replay within the grace window, or found reused, which ends the
 * session; the revocation for a reuse and its audit row commit together (S30).
 */
import { exchangeRefreshToken, type OpenedSession } from '../auth/sessions.ts';
import { type EventOrigin, recordSecurityEvent } from '../security-events.ts';
import type { Services } from '../services.ts';
import type { CustomerRow } from '../store/customers.ts';
import { inTransaction } from '../store/query.ts';

/** The session goes on; a `refreshToken` of null means the browser keeps the one it has. */
export interface RefreshedSession {
  session: Pick<OpenedSession, 'sessionId' | 'customerId'> & { refreshToken: string | null };
  customer: CustomerRow;
}

/** Null when the session has ended (expired, revoked, reused, its customer disabled). */
export async function refreshSession(
  services: Services,
  refreshToken: string,
  origin: EventOrigin,
): Promise<RefreshedSession | null> {
  const { db, config, clock } = services;
  const outcome = await inTransaction(db, async (tx) => {
    const result = await exchangeRefreshToken(tx, config, refreshToken, clock);
    if (result.kind === 'reused') {
      // A rotated token came back: someone holds a copy. End the session for both (S17).
      await recordSecurityEvent(
        { ...services, db: tx },
        {
          action: 'refresh_token_reuse',
          customer: result.customer,
          ...origin,
        },
        result.at,
      );
    }
    return result;
  });
  // The customer as read in the rotation's transaction.
  if (outcome.kind === 'rotated') return { session: outcome.session, customer: outcome.customer };
  // The one replay within the grace window: the answer to the rotation set the new token
  // in the cookie jar this tab shares, so this answer sets none and leaves it (S17).
  if (outcome.kind === 'replayed') {
    const { sessionId, customerId, customer } = outcome;
    return { session: { sessionId, customerId, refreshToken: null }, customer };
  }
  return null;
}
