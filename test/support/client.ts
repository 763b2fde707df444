/**
 * @module A small HTTP client for server tests that behaves like the widget in a browser:
 * JSON bodies, the allowed Origin, and a cookie jar for the refresh cookie.
 */
import { ADMIN_TOKEN, TEST_ORIGIN } from './service.ts';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class Client {
  /** The refresh cookie as the browser would hold it. */
  refreshCookie: string | null = null;
  setCookies: string[] = [];

  constructor(
    readonly baseUrl: string,
    readonly origin: string = TEST_ORIGIN,
  ) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      token?: string;
      headers?: Record<string, string>;
      rawBody?: string;
    } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { Origin: this.origin, ...options.headers };
    if (options.body !== undefined || options.rawBody !== undefined) {
      headers['Content-Type'] ??= 'application/json';
    }
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (this.refreshCookie && path.startsWith('/api'))
      headers.Cookie = `portal_refresh=${this.refreshCookie}`;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body:
        options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    this.setCookies = response.headers.getSetCookie();
    for (const cookie of this.setCookies) {
      const match = /^portal_refresh=([^;]*)/.exec(cookie);
      if (match) this.refreshCookie = match[1] && !/Max-Age=0/i.test(cookie) ? match[1] : null;
    }
    const text = await response.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = {};
    }
    return { status: response.status, headers: response.headers, body: body as T, text };
  }

  post<T = Record<string, unknown>>(path: string, body: unknown = {}, token?: string) {
    return this.request<T>('POST', path, { body, ...(token ? { token } : {}) });
  }

  get<T = Record<string, unknown>>(path: string, token?: string) {
    return this.request<T>('GET', path, token ? { token } : {});
  }

  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown) {
    return this.request<T>(method, path, {
      token: ADMIN_TOKEN,
      ...(body === undefined ? {} : { body }),
    });
  }
}
