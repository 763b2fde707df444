/**
 * @module The customer's session in this page: the access token in memory only (S16),
 * renewed through the refresh cookie on load and shortly before it expires. Where the
 * browser refuses that cookie, nothing survives a reload, and in the page the session
 * lasts as long as its access token.
 */
import type { Customer, SessionResponse } from '../server/contract.ts';
import { type PortalApi, PortalError } from './api.ts';

/** Renew this long before the access token expires, so a slow network never sends an expired one. */
const RENEW_BEFORE_EXPIRY_MS = 60_000;
/** A renewal no sooner than this after the last, however short the token. */
const MINIMUM_RENEWAL_DELAY_MS = 5_000;
/** After a renewal that failed for the network (e.g. offline), try again this soon. */
const RETRY_AFTER_NETWORK_FAILURE_MS = 15_000;

export interface SessionEvents {
  /** The service renewed the session; the customer may have changed (name, language). */
  renewed(customer: Customer): void;
  /** The service ended the session (expired, revoked, or no cookie to renew it). */
  ended(): void;
}

export class Session {
  readonly #api: PortalApi;
  readonly #events: SessionEvents;
  #accessToken: string | null = null;
  #expiresAt = 0;
  #renewTimer: ReturnType<typeof setTimeout> | undefined;
  #renewing: Promise<SessionResponse | null> | null = null;

  constructor(api: PortalApi, events: SessionEvents) {
    this.#api = api;
    this.#events = events;
  }

  get active(): boolean {
    return this.#accessToken !== null;
  }

  /** Keeps the session the service has just opened (login, reset, change, renewal). */
  start(response: SessionResponse): void {
    this.#accessToken = response.accessToken;
    this.#expiresAt = Date.now() + response.expiresIn * 1000;
    this.#scheduleRenewal(
      Math.max(response.expiresIn * 1000 - RENEW_BEFORE_EXPIRY_MS, MINIMUM_RENEWAL_DELAY_MS),
    );
  }

  /** On load: is there a session to pick up through the refresh cookie? */
  resume(): Promise<SessionResponse | null> {
    return this.#renew();
  }

  /** A valid access token, renewed first if it is about to expire; null when logged out. */
  async accessToken(): Promise<string | null> {
    if (this.#renewing) await this.#renewing;
    else if (this.active && Date.now() >= this.#expiresAt - RENEW_BEFORE_EXPIRY_MS / 2) {
      await this.#renew();
    }
    return this.#accessToken;
  }

  /** Forgets the token here; logging out on the service is the caller's request. */
  end(): void {
    clearTimeout(this.#renewTimer);
    this.#accessToken = null;
    this.#expiresAt = 0;
  }

  /** Renews now if the page slept past the planned renewal (timers pause in background tabs). */
  renewIfDue(): void {
    if (this.active && Date.now() >= this.#expiresAt - RENEW_BEFORE_EXPIRY_MS) void this.#renew();
  }

  #scheduleRenewal(delayMs: number): void {
    clearTimeout(this.#renewTimer);
    this.#renewTimer = setTimeout(() => void this.#renew(), delayMs);
  }

  /** One renewal at a time: two at once would present a rotated refresh token twice (S17). */
  #renew(): Promise<SessionResponse | null> {
    this.#renewing ??= this.#api
      .refreshSession()
      .then((response) => {
        if (!response) throw new PortalError({ error: 'session_expired', message: 'no cookie' });
        const wasActive = this.active;
        this.start(response);
        if (wasActive) this.#events.renewed(response.customer);
        return response;
      })
      .catch((error: unknown) => {
        const refused =
          error instanceof PortalError && error.code !== 'network' && error.code !== 'unavailable';
        const left = this.#expiresAt - Date.now();
        if (this.active && left > 1000) {
          // Keep the token while it lasts: offline or down, try again soon; refused (no cookie, or
          // the session ended elsewhere), one last try when it runs out.
          this.#scheduleRenewal(refused ? left : Math.min(RETRY_AFTER_NETWORK_FAILURE_MS, left));
          return null;
        }
        const wasActive = this.active;
        this.end();
        if (wasActive) this.#events.ended();
        return null;
      })
      .finally(() => {
        this.#renewing = null;
      });
    return this.#renewing;
  }
}
