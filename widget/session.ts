/**
 * @module The customer's session in this page: the access token in memory only (S16),
 * renewed through the refresh cookie on load and shortly before it expires. Where the
 * browser refuses that cookie, nothing survives a reload, and in the page the session
 * lasts as long as its access token. One session per service in a page, shared by every
 * `<customer-portal>` there: a login, logout or expiry in one is one in all (`sessionFor`).
 */
import type { Customer, SessionResponse } from '../server/contract.ts';
import { PortalApi, PortalError } from './api.ts';
import { noteSession } from './browser-storage.ts';

/** Renew this long before the access token expires, so a slow network never sends an expired one. */
const RENEW_BEFORE_EXPIRY_MS = 60_000;
/** A renewal no sooner than this after the last, however short the token. */
const MINIMUM_RENEWAL_DELAY_MS = 5_000;
/** After a renewal that failed for the network (e.g. offline), try again this soon. */
const RETRY_AFTER_NETWORK_FAILURE_MS = 15_000;

/** Why a session ended: the `reason` of `portal-logout`. */
export type EndReason = 'logout' | 'expired' | 'clear-history';

/** What each portal of the page hears from the session they share. */
export interface SessionListener {
  /** A customer is logged in: by login, reset link, or a session resumed. */
  opened(customer: Customer): void;
  /** The service renewed the session; the customer may have changed (name, language). */
  renewed(customer: Customer): void;
  /** The session ended: logged out, history cleared, or the service ended it. */
  ended(reason: EndReason): void;
}

export class Session {
  /** The client of the service this session belongs to, shared by the page's portals. */
  readonly api: PortalApi;
  readonly #listeners = new Set<SessionListener>();
  #accessToken: string | null = null;
  #customer: Customer | null = null;
  #expiresAt = 0;
  #renewTimer: ReturnType<typeof setTimeout> | undefined;
  #renewing: Promise<Customer | null> | null = null;

  constructor(api: PortalApi) {
    this.api = api;
  }

  get active(): boolean {
    return this.#accessToken !== null;
  }

  /** The logged-in customer, or null. */
  get customer(): Customer | null {
    return this.#customer;
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** Tells `listener` of every login, renewal and end from now on, until `unsubscribe`. */
  subscribe(listener: SessionListener): void {
    this.#listeners.add(listener);
  }

  unsubscribe(listener: SessionListener): void {
    this.#listeners.delete(listener);
  }

  /** Keeps the session the service has just opened (login, reset, change, renewal). */
  start(response: SessionResponse): void {
    const wasActive = this.active;
    this.#accessToken = response.accessToken;
    this.#customer = response.customer;
    this.#expiresAt = Date.now() + response.expiresIn * 1000;
    this.#scheduleRenewal(
      Math.max(response.expiresIn * 1000 - RENEW_BEFORE_EXPIRY_MS, MINIMUM_RENEWAL_DELAY_MS),
    );
    // For the next load of a page: there is a session to wait for (portal-flow.ts, `start`).
    if (!wasActive) noteSession(this.api.baseUrl, true);
    for (const listener of [...this.#listeners]) {
      if (wasActive) listener.renewed(response.customer);
      else listener.opened(response.customer);
    }
  }

  /**
   * The customer of the session in this page, or of the one the refresh cookie still holds
   * (on load); null when there is none. A page's portals starting together renew once.
   */
  async resume(): Promise<Customer | null> {
    if (this.active) return this.#customer;
    return this.#renewing ?? this.#renew();
  }

  /** A valid access token, renewed first if it is about to expire; null when logged out. */
  async accessToken(): Promise<string | null> {
    if (this.#renewing) await this.#renewing;
    else if (this.active && Date.now() >= this.#expiresAt - RENEW_BEFORE_EXPIRY_MS / 2) {
      await this.#renew();
    }
    return this.#accessToken;
  }

  /**
   * Forgets the session here and tells every portal why; logging out on the service is the
   * caller's request. "Clear history" is told even without a session: every portal forgets.
   */
  end(reason: EndReason): void {
    const wasActive = this.active;
    this.forget();
    noteSession(this.api.baseUrl, false);
    if (wasActive || reason === 'clear-history') {
      for (const listener of [...this.#listeners]) listener.ended(reason);
    }
  }

  /** Forgets the token here, telling no one: the page no longer uses this session. */
  forget(): void {
    clearTimeout(this.#renewTimer);
    this.#accessToken = this.#customer = null;
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

  /**
   * One renewal at a time, for all the page's portals: two at once would present a rotated
   * refresh token twice (S17).
   */
  #renew(): Promise<Customer | null> {
    if (this.#renewing) return this.#renewing;
    // A login or logout while the request is out (say on the login shown during a resume in
    // the background, portal-flow.ts) is newer than its answer, which then changes nothing.
    const renewedToken = this.#accessToken;
    const outdated = () => this.#accessToken !== renewedToken;
    this.#renewing = this.api
      .refreshSession()
      .then((response) => {
        if (outdated()) return this.#customer;
        if (!response) throw new PortalError({ error: 'session_expired', message: 'no cookie' });
        this.start(response);
        return response.customer;
      })
      .catch((error: unknown) => {
        if (outdated()) return this.#customer;
        const refused =
          error instanceof PortalError && error.code !== 'network' && error.code !== 'unavailable';
        const left = this.#expiresAt - Date.now();
        if (this.active && left > 1000) {
          // Keep the token while it lasts: offline or down, try again soon; refused (no cookie, or
          // the session ended elsewhere), one last try when it runs out.
          this.#scheduleRenewal(refused ? left : Math.min(RETRY_AFTER_NETWORK_FAILURE_MS, left));
          return null;
        }
        this.end('expired');
        return null;
      })
      .finally(() => {
        this.#renewing = null;
      });
    return this.#renewing;
  }
}

/** The sessions of this page, one per service address. */
const sessions = new Map<string, Session>();

/** The page's session with the service at `baseUrl`, shared by every portal using it. */
export function sessionFor(baseUrl: string): Session {
  const key = baseUrl.replace(/\/+$/, '');
  let session = sessions.get(key);
  if (!session) {
    session = new Session(new PortalApi(key));
    sessions.set(key, session);
  }
  return session;
}

/**
 * A portal stops using `session` (removed from the page, or pointed at another service).
 * Once no portal uses it, the page forgets it; a portal added later resumes through the
 * cookie, as on a new page. Not at once: a portal moved in the page reconnects at once.
 */
export function leaveSession(session: Session, listener: SessionListener): void {
  session.unsubscribe(listener);
  queueMicrotask(() => {
    if (session.listenerCount > 0 || sessions.get(session.api.baseUrl) !== session) return;
    session.forget();
    sessions.delete(session.api.baseUrl);
  });
}
