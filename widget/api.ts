/**
 * @module The client of the service's contract (server/contract.ts): one method per
 * endpoint the first paint may call (the login, the session, the shell, a reset link's
 * check); the calls of the screens after the login are in later-api.ts, which loads with
 * them. A failed call throws a `PortalError` holding the contract's error body.
 */
import type {
  CheckResetLinkRequest,
  CheckResetLinkResponse,
  ErrorBody,
  ErrorCode,
  LoginRequest,
  LoginResponse,
  PublicConfig,
  SessionResponse,
} from '../server/contract.ts';

/**
 * An error of the contract; `network` when this device seems offline (not even the page
 * it is on answers); `unavailable` when the page answers but the service does not, or a
 * proxy in front of it answers 5xx: the customer's connection is fine, ours is down.
 */
export type PortalErrorCode = ErrorCode | 'network' | 'unavailable';

export interface PortalErrorBody extends Omit<ErrorBody, 'error'> {
  error: PortalErrorCode;
}

export class PortalError extends Error {
  override name = 'PortalError';
  constructor(readonly body: PortalErrorBody) {
    super(body.message);
  }
  get code(): PortalErrorCode {
    return this.body.error;
  }
}

/** Longer than any answer of a healthy service; a hung request must not leave a form busy. */
const REQUEST_TIMEOUT_MS = 20_000;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH';
  /** Sent as JSON; every POST and PATCH sends one, `{}` when there is nothing (S22). */
  body?: object;
  bearer?: string;
}

export class PortalApi {
  /** The service's address, e.g. `https://service.example`. */
  readonly baseUrl: string;
  /** The hint for the site owner is given once: renewals retry every few seconds. */
  #warned = false;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  getConfig(): Promise<PublicConfig> {
    return this.request('/api/config');
  }

  login(body: LoginRequest): Promise<LoginResponse> {
    return this.request('/api/login', { body });
  }

  /**
   * Whether a reset link still works, without using it up (C.5). Here rather than in
   * later-api.ts: a reset link's page sends it while the later screens load, not after.
   */
  checkResetLink(body: CheckResetLinkRequest): Promise<CheckResetLinkResponse> {
    return this.request('/api/password/reset/check', { body });
  }

  /**
   * Uses the refresh cookie, which page scripts never see. null (204) would mean the
   * browser sent no cookie at all: nothing to renew, and no failed request in the console.
   */
  refreshSession(): Promise<SessionResponse | null> {
    return this.request('/api/session/refresh', { body: {} });
  }

  /** Ends the session: by its access token if there is one, always by the refresh cookie. */
  logout(bearer?: string): Promise<null> {
    return this.request('/api/logout', { body: {}, bearer });
  }

  /** One call to the service at `path`; the endpoints' methods here and in later-api.ts use it. */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body) headers['Content-Type'] = 'application/json';
    if (options.bearer) headers.Authorization = `Bearer ${options.bearer}`;
    let response: Response;
    try {
      response = await fetch(this.baseUrl.replace(/\/+$/, '') + path, {
        method: options.method ?? (options.body ? 'POST' : 'GET'),
        headers,
        body: options.body ? JSON.stringify(options.body) : null,
        // The refresh cookie lives on the service's site; it must travel both ways.
        credentials: 'include',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      // A TypeError is what the browser gives for both "offline" and "refused by CORS",
      // and never says which: the customer reads "check your connection", the site owner
      // (who opens the console) reads the likelier cause on a page that never worked.
      if (error instanceof TypeError && !this.#warned) {
        this.#warned = true;
        console.warn(
          `customer-portal: cannot reach ${this.baseUrl}. If the service is running, add this page's origin (${location.origin}) to PORTAL_ALLOWED_ORIGINS.`,
        );
      }
      // The page itself answering tells "our service is down" from "your device is offline".
      const pageAnswers = await fetch(location.href, { method: 'HEAD', cache: 'no-store' }).then(
        () => true,
        () => false,
      );
      throw new PortalError({
        error: pageAnswers ? 'unavailable' : 'network',
        message: `${path} could not be reached`,
      });
    }
    if (response.status === 204) return null as T;
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return body as T;
    throw new PortalError(readErrorBody(response, body));
  }
}

/**
 * The contract promises an ErrorBody; anything else comes from something in front of the
 * service: a proxy's 5xx page says the service is down, any other is read as our error.
 */
function readErrorBody(response: Response, body: unknown): PortalErrorBody {
  const errorBody: PortalErrorBody =
    typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
      ? (body as ErrorBody)
      : {
          error: response.status >= 500 ? 'unavailable' : 'internal_error',
          message: `HTTP ${response.status}`,
        };
  if (errorBody.error === 'too_many_attempts' && errorBody.retryAfter === undefined) {
    const header = Number(response.headers.get('Retry-After'));
    if (Number.isFinite(header) && header > 0) errorBody.retryAfter = header;
  }
  return errorBody;
}
