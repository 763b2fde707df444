/**
 * @module The refresh cookie (S18): HttpOnly so page scripts never see it, and
 * SameSite=None; Secure; Partitioned so it works inside the WAPP page's third-party
 * context where browsers allow partitioned cookies. Path=/api keeps it off pages. A
 * session cookie (no Max-Age): closing the browser on a shared computer ends the session
 * there; while it is open, the server's idle and absolute limits end it (S17).
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const REFRESH_COOKIE = 'portal_refresh';

const ATTRIBUTES = {
  httpOnly: true,
  secure: true,
  sameSite: 'None',
  partitioned: true,
  path: '/api',
} as const;

export function setRefreshCookie(c: Context, token: string): void {
  setCookie(c, REFRESH_COOKIE, token, ATTRIBUTES);
}

export function readRefreshCookie(c: Context): string | null {
  return getCookie(c, REFRESH_COOKIE) ?? null;
}

export function clearRefreshCookie(c: Context): void {
  deleteCookie(c, REFRESH_COOKIE, ATTRIBUTES);
}
