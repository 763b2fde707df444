/**
 * @module A test client that remembers every secret it sends or receives (passwords,
 * change, access and refresh tokens), so a test can prove none of them leaked (S05), and
 * that can pose as a client behind a proxy by sending `X-Forwarded-For` (S09).
 */
import { type Answer, Client } from './client.ts';
import { TEST_ORIGIN } from './service.ts';

type RequestOptions = Parameters<Client['request']>[2];

export interface PortalClientOptions {
  /** Sent as `X-Forwarded-For`; the service trusts it only when configured to (S09). */
  address?: string;
  origin?: string;
}

/** Request and response fields whose string values are secrets. */
const SECRET_FIELD = /password|token/i;

export class PortalClient extends Client {
  /** Every password and token this client sent or was given. */
  readonly secrets = new Set<string>();
  address: string | undefined;

  constructor(baseUrl: string, options: PortalClientOptions = {}) {
    super(baseUrl, options.origin ?? TEST_ORIGIN);
    this.address = options.address;
  }

  override async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<Answer<T>> {
    collectSecrets(options?.body, this.secrets);
    if (options?.token) this.secrets.add(options.token);
    if (this.refreshCookie) this.secrets.add(this.refreshCookie);
    const headers = {
      ...(this.address ? { 'X-Forwarded-For': this.address } : {}),
      ...options?.headers,
    };
    const answer = await super.request<T>(method, path, { ...options, headers });
    collectSecrets(answer.body, this.secrets);
    if (this.refreshCookie) this.secrets.add(this.refreshCookie);
    return answer;
  }
}

function collectSecrets(value: unknown, into: Set<string>, key = ''): void {
  if (typeof value === 'string') {
    // Very short strings would match anything; the policy makes real ones longer.
    if (SECRET_FIELD.test(key) && value.length >= 8) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, into, key);
  } else if (value !== null && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) collectSecrets(item, into, name);
  }
}

/**
 * Addresses no other request of the file used (`PREFIX.X.Y`, two octets given), so that
 * clients stay under the per-address limits (S09) and only the limit under test is met.
 */
export function newAddresses(prefix: string): () => string {
  let count = 0;
  return () => {
    count += 1;
    return `${prefix}.${Math.floor(count / 250)}.${count % 250}`;
  };
}
