/**
 * @module Configuration: read from the environment once at start, validated, frozen.
 * No other module reads `process.env`; everything else receives a `Config`.
 */
import { isIP } from 'node:net';

export interface Config {
  /** Port of the auth service (and of the portal link page it serves). */
  port: number;
  /** Port of the demo WAPP page, served from another site than the service. */
  demoPort: number;
  /** Address both servers listen on. */
  host: string;
  /** The SQLite file, when there is no `databaseUrl`. */
  databasePath: string;
  /** A PostgreSQL database (`postgres://…`, DATABASE_URL) instead of the SQLite file. */
  databaseUrl: string | null;
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
  /**
   * What a new customer number must look like, anchored with ^ and $; checked after the
   * number is normalised (spaces dropped, upper-case), when customers are created.
   */
  customerNumberPattern: RegExp;
  supportEmail: string;
  /**
   * The dealer's WAPP page, which help step B.1 tells customers to open; null: B.1 names
   * it without a link. Development's default is the demo WAPP page.
   */
  wappUrl: string | null;
  /** The dealer's name, in the portal link page's title and the mails' signature; null: none. */
  brandName: string | null;
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
  /** A mail still undelivered this long after it was queued is given up (failed). */
  mailGiveUpHours: number;
  /** Audit rows older than this are deleted by the pruning job. */
  auditRetentionDays: number;
  /** Delivered and given-up mails are deleted this long after. */
  mailRetentionDays: number;
  /** The lowest level the log writes: `debug`, `info`, `warn` or `error`. */
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** The variables production cannot guess: without them a start would mail nobody or link nowhere. */
const REQUIRED_IN_PRODUCTION = [
  'SMTP_URL',
  'MAIL_FROM',
  'SUPPORT_EMAIL',
  'PORTAL_PUBLIC_URL',
  'PORTAL_SERVICE_URL',
] as const;

/** What an operator token may hold: the characters a `Bearer` header carries (RFC 6750). */
const BEARER_CHARACTERS = /^[A-Za-z0-9._~+/=-]+$/;
/** A header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/**
 * Letters, digits and dashes with at least one digit: the generated numbers (8 digits),
 * the demo customer's and "K-2001" pass; a word such as "abc", typed by mistake, does not.
 */
export const DEFAULT_CUSTOMER_NUMBER_PATTERN = '^[A-Z0-9-]*[0-9][A-Z0-9-]*$';

/**
 * Reads and checks the configuration; a bad value throws one line naming the variable.
 * Production (`NODE_ENV=production`) has no demo defaults: what it cannot guess it
 * demands, and its URLs must be https (or loopback, which browsers treat as secure).
 */
export function loadConfig(env: Env): Readonly<Config> {
  const production = env.NODE_ENV === 'production';
  if (production) {
    const missing = REQUIRED_IN_PRODUCTION.filter((name) => optional(env, name) === null);
    if (missing.length > 0) {
      throw new ConfigError(
        `${missing.join(', ')} must be set in production (see README, "Running in production")`,
      );
    }
  }
  const host = hostName(env, 'PORTAL_HOST', '127.0.0.1');
  const port = portNumber(env, 'PORT', 8787);
  const demoPort = portNumber(env, 'DEMO_PORT', 8080);
  // The demo page lives on "localhost", the service on "127.0.0.1": two sites, so the
  // first run exercises cross-site cookies and CORS exactly as a real WAPP page does.
  const serviceUrl = url(env, 'PORTAL_SERVICE_URL', `http://127.0.0.1:${port}`, production);
  const publicUrl = url(env, 'PORTAL_PUBLIC_URL', `${serviceUrl}/`, production);
  const ownOrigins = [...new Set([new URL(serviceUrl).origin, new URL(publicUrl).origin])];
  const allowedOrigins = list(
    env,
    'PORTAL_ALLOWED_ORIGINS',
    production ? ownOrigins : [`http://localhost:${demoPort}`, ...ownOrigins],
  ).map((origin) => originOf('PORTAL_ALLOWED_ORIGINS', origin));
  const adminToken = optional(env, 'PORTAL_ADMIN_TOKEN');
  if (adminToken !== null && adminToken.length < 32) {
    throw new ConfigError('PORTAL_ADMIN_TOKEN must be at least 32 characters long');
  }
  if (adminToken !== null && !BEARER_CHARACTERS.test(adminToken)) {
    throw new ConfigError(
      'PORTAL_ADMIN_TOKEN may hold only letters, digits and . _ ~ + / = - (no spaces), as a Bearer header carries it',
    );
  }
  const trustedProxyHeader = optional(env, 'PORTAL_TRUSTED_PROXY_HEADER');
  if (trustedProxyHeader !== null && !HEADER_NAME.test(trustedProxyHeader)) {
    throw new ConfigError(
      `PORTAL_TRUSTED_PROXY_HEADER must be a header name such as X-Forwarded-For, not "${trustedProxyHeader}"`,
    );
  }
  const config: Config = {
    port,
    demoPort,
    host,
    databasePath: text(env, 'PORTAL_DB', 'data/portal.db'),
    databaseUrl: postgresUrl(env, 'DATABASE_URL'),
    allowedOrigins,
    publicUrl,
    serviceUrl,
    smtpUrl: smtp(env, 'SMTP_URL'),
    mailFrom: email(env, 'MAIL_FROM', 'portal@dealer.example'),
    adminToken,
    customerNumberPattern: anchoredPattern(
      env,
      'PORTAL_CUSTOMER_NUMBER_PATTERN',
      DEFAULT_CUSTOMER_NUMBER_PATTERN,
    ),
    supportEmail: email(env, 'SUPPORT_EMAIL', 'support@dealer.example'),
    wappUrl:
      optional(env, 'PORTAL_WAPP_URL') !== null || !production
        ? url(env, 'PORTAL_WAPP_URL', `http://localhost:${demoPort}/`, production)
        : null,
    brandName: brand(env, 'PORTAL_BRAND_NAME'),
    production,
    trustedProxyHeader: trustedProxyHeader?.toLowerCase() ?? null,
    frameAncestors: list(env, 'PORTAL_FRAME_ANCESTORS', ["'self'"]),
    accessTokenSeconds: positive(env, 'PORTAL_ACCESS_TOKEN_SECONDS', 600),
    sessionIdleSeconds: positive(env, 'PORTAL_SESSION_IDLE_SECONDS', 30 * 60),
    sessionAbsoluteSeconds: positive(env, 'PORTAL_SESSION_ABSOLUTE_SECONDS', 12 * 60 * 60),
    initialPasswordDays: positive(env, 'PORTAL_INITIAL_PASSWORD_DAYS', 14),
    resetLinkMinutes: positive(env, 'PORTAL_RESET_LINK_MINUTES', 60),
    mailGiveUpHours: positive(env, 'PORTAL_MAIL_GIVE_UP_HOURS', 24),
    auditRetentionDays: positive(env, 'PORTAL_AUDIT_RETENTION_DAYS', 90),
    mailRetentionDays: positive(env, 'PORTAL_MAIL_RETENTION_DAYS', 30),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
  };
  return Object.freeze(config);
}

/** The SMTP server without its user and password: for the start line and `check`. */
export function describeSmtpServer(smtpUrl: string): string {
  const parsed = new URL(smtpUrl);
  const port = parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587');
  return `${parsed.protocol}//${parsed.hostname}:${port}`;
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

function url(env: Env, name: string, fallback: string, production: boolean): string {
  const value = text(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(value);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
  } catch {
    throw new ConfigError(`${name} must be an http:// or https:// URL, not "${value}"`);
  }
  // Cookies are `Secure` and passwords cross this URL: production needs TLS in front.
  if (production && parsed.protocol === 'http:' && !isLoopback(parsed.hostname)) {
    throw new ConfigError(
      `${name} must be an https:// URL in production (TLS at the reverse proxy), not "${value}"`,
    );
  }
  return parsed.href.replace(/\/$/, value.endsWith('/') ? '/' : '');
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** An IP address or a host name; `999.1.1.1` is neither, and would fail later as DNS. */
function hostName(env: Env, name: string, fallback: string): string {
  const value = text(env, name, fallback);
  const looksNumeric = /^[\d.]+$/.test(value);
  const valid = looksNumeric
    ? isIP(value) === 4
    : isIP(value) === 6 ||
      /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(
        value,
      );
  if (!valid) {
    throw new ConfigError(
      `${name} must be an IP address or a host name to listen on, such as 127.0.0.1 or 0.0.0.0, not "${value}"`,
    );
  }
  return value;
}

/**
 * `smtp://` or `smtps://`, with user and password percent-encoded. An unencoded `@`, `:`
 * or `/` in them makes the URL mean another host or password (and a start banner once
 * printed half a password), so it is refused, naming the fix and never echoing the URL.
 */
function postgresUrl(env: Env, name: string): string | null {
  const value = optional(env, name);
  if (value === null) return null;
  if (!/^postgres(ql)?:\/\/./.test(value) || !URL.canParse(value)) {
    throw new ConfigError(
      `${name} must be a PostgreSQL URL such as postgres://portal@db.internal/portal`,
    );
  }
  return value;
}

function smtp(env: Env, name: string): string | null {
  const value = optional(env, name);
  if (value === null) return null;
  const match = /^(smtps?):\/\/(\S+)$/.exec(value);
  if (!match?.[2]) throw new ConfigError(`${name} must start with smtp:// or smtps://`);
  const rest = match[2];
  const at = rest.lastIndexOf('@');
  const userInfo = at === -1 ? '' : rest.slice(0, at);
  if (/[@/?#]/.test(userInfo) || (userInfo.match(/:/g)?.length ?? 0) > 1) {
    throw new ConfigError(
      `${name}: the user name or password holds an unencoded @, :, /, ? or #; percent-encode them (@ as %40, : as %3A, / as %2F), e.g. with node -p 'encodeURIComponent(process.argv[1])' 'the password'`,
    );
  }
  try {
    if (!new URL(value).hostname) throw new Error();
  } catch {
    throw new ConfigError(
      `${name} must name the SMTP server's host, e.g. smtps://user:password@mail.example.com:465`,
    );
  }
  return value;
}

/**
 * A regular expression that must match a whole value: without ^ and $ a pattern such as
 * [0-9]{8} would also let "X123456789" through, so both are demanded.
 */
function anchoredPattern(env: Env, name: string, fallback: string): RegExp {
  const value = text(env, name, fallback);
  if (!value.startsWith('^') || !value.endsWith('$')) {
    throw new ConfigError(
      `${name} must begin with ^ and end with $ so that it matches the whole number, e.g. ^[0-9]{8}$, not "${value}"`,
    );
  }
  try {
    return new RegExp(value, 'u');
  } catch (error) {
    throw new ConfigError(
      `${name} is not a regular expression (${(error as Error).message}): "${value}"`,
    );
  }
}

/** A name for titles and signatures: one line of plain text. */
function brand(env: Env, name: string): string | null {
  const value = optional(env, name);
  if (value !== null && (value.length > 100 || /[\p{Cc}<>]/u.test(value))) {
    throw new ConfigError(
      `${name} must be the dealer's name on one line, at most 100 characters, without < or >`,
    );
  }
  return value;
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
