/**
 * @module Configuration: read from the environment once at start, validated, frozen.
 * No other module reads `process.env`; everything else receives a `Config`.
 */

export interface Config {
  /** Port of the auth service (and of the portal link page it serves). */
  port: number;
  /** Port of the demo WAPP page, served from another site than the service. */
  demoPort: number;
  /** Address both servers listen on. */
  host: string;
  /** The SQLite file. */
  databasePath: string;
  /** Origins allowed to call the API with credentials (S21, S22). */
  allowedOrigins: readonly string[];
  /** The page that email links open; reset links add `#portal-reset=…` to it. */
  publicUrl: string;
  /** The service's own URL, as browsers reach it; also the tokens' issuer. */
  serviceUrl: string;
  /** `smtp://` or `smtps://` URL; without it the outbox is the dev mailbox. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Bearer token of the admin API; without it the admin API is off (S27). */
  adminToken: string | null;
  supportEmail: string;
  production: boolean;
  /** Header holding the client address when behind a proxy (S09); else the socket's. */
  trustedProxyHeader: string | null;
  /** Who may frame the portal page (CSP frame-ancestors, S23). */
  frameAncestors: readonly string[];
  accessTokenSeconds: number;
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  initialPasswordDays: number;
  resetLinkMinutes: number;
  /** The lowest level the log writes: `debug`, `info`, `warn` or `error`. */
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and checks the configuration; a bad value throws one line naming the variable. */
export function loadConfig(env: Env): Readonly<Config> {
  const production = env.NODE_ENV === 'production';
  const host = text(env, 'PORTAL_HOST', '127.0.0.1');
  const port = portNumber(env, 'PORT', 8787);
  const demoPort = portNumber(env, 'DEMO_PORT', 8080);
  // The demo page lives on "localhost", the service on "127.0.0.1": two sites, so the
  // first run exercises cross-site cookies and CORS exactly as a real WAPP page does.
  const serviceUrl = url(env, 'PORTAL_SERVICE_URL', `http://127.0.0.1:${port}`);
  const publicUrl = url(env, 'PORTAL_PUBLIC_URL', `${serviceUrl}/`);
  const allowedOrigins = list(env, 'PORTAL_ALLOWED_ORIGINS', [
    `http://localhost:${demoPort}`,
    new URL(serviceUrl).origin,
  ]).map((origin) => originOf('PORTAL_ALLOWED_ORIGINS', origin));
  const smtpUrl = optional(env, 'SMTP_URL');
  if (smtpUrl !== null && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  }
  const adminToken = optional(env, 'PORTAL_ADMIN_TOKEN');
  if (adminToken !== null && adminToken.length < 24) {
    throw new ConfigError('PORTAL_ADMIN_TOKEN must be at least 24 characters long');
  }
  const config: Config = {
    port,
    demoPort,
    host,
    databasePath: text(env, 'PORTAL_DB', 'data/portal.db'),
    allowedOrigins,
    publicUrl,
    serviceUrl,
    smtpUrl,
    mailFrom: email(env, 'MAIL_FROM', 'portal@dealer.example'),
    adminToken,
    supportEmail: email(env, 'SUPPORT_EMAIL', 'info@dgm-vertrieb.de'),
    production,
    trustedProxyHeader: optional(env, 'PORTAL_TRUSTED_PROXY_HEADER')?.toLowerCase() ?? null,
    frameAncestors: list(env, 'PORTAL_FRAME_ANCESTORS', ["'self'"]),
    accessTokenSeconds: positive(env, 'PORTAL_ACCESS_TOKEN_SECONDS', 600),
    sessionIdleSeconds: positive(env, 'PORTAL_SESSION_IDLE_SECONDS', 30 * 60),
    sessionAbsoluteSeconds: positive(env, 'PORTAL_SESSION_ABSOLUTE_SECONDS', 12 * 60 * 60),
    initialPasswordDays: positive(env, 'PORTAL_INITIAL_PASSWORD_DAYS', 14),
    resetLinkMinutes: positive(env, 'PORTAL_RESET_LINK_MINUTES', 60),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
  };
  return Object.freeze(config);
}

function optional(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const value = optional(env, name);
  if (value === null) return fallback;
  if (!(values as readonly string[]).includes(value)) {
    throw new ConfigError(`${name} must be one of ${values.join(', ')}, not "${value}"`);
  }
  return value as T;
}

function text(env: Env, name: string, fallback: string): string {
  return optional(env, name) ?? fallback;
}

function positive(env: Env, name: string, fallback: number): number {
  const value = optional(env, name);
  if (value === null) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new ConfigError(`${name} must be a whole number above 0, not "${value}"`);
  }
  return Number(value);
}

function portNumber(env: Env, name: string, fallback: number): number {
  const value = optional(env, name);
  if (value === null) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new ConfigError(`${name} must be a port number from 0 to 65535, not "${value}"`);
  }
  return Number(value);
}

function url(env: Env, name: string, fallback: string): string {
  const value = text(env, name, fallback);
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
    return parsed.href.replace(/\/$/, value.endsWith('/') ? '/' : '');
  } catch {
    throw new ConfigError(`${name} must be an http:// or https:// URL, not "${value}"`);
  }
}

function originOf(name: string, value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
    return parsed.origin;
  } catch {
    throw new ConfigError(`${name} must list origins like https://www.example.com, not "${value}"`);
  }
}

function list(env: Env, name: string, fallback: string[]): string[] {
  const value = optional(env, name);
  if (value === null) return fallback;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function email(env: Env, name: string, fallback: string): string {
  const value = text(env, name, fallback);
  // Display-name form ("Dealer <portal@dealer.example>") is allowed for MAIL_FROM.
  if (!/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(value)) {
    throw new ConfigError(`${name} must be an email address, not "${value}"`);
  }
  return value;
}
