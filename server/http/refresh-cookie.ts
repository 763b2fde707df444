/**
 * @module The refresh cookie (S18): HttpOnly so page scripts never see it, and
 * SameSite=None; Secure; Partitioned so it works inside the WAPP page's third-party
 * context where browsers allow partitioned cookies. Path=/api keeps it off pages.
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

export function setRefreshCookie(c: Context, token: string, expiresAt: number, now: number): void {
  setCookie(c, REFRESH_COOKIE, token, {
    ...ATTRIBUTES,
    maxAge: Math.max(1, Math.floor((expiresAt - now) / 1000)),
  });
}

export function readRefreshCookie(c: Context): string | null {
  return getCookie(c, REFRESH_COOKIE) ?? null;
}

export function clearRefreshCookie(c: Context): void {
  deleteCookie(c, REFRESH_COOKIE, ATTRIBUTES);
}
