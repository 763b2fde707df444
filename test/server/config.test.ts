/**
 * Configuration: working defaults for a first run, and one clear line for a bad value.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { PRODUCTION_ENV } from '../support/production-env.ts';

test('a first run needs no configuration at all', () => {
  const config = loadConfig({});
  assert.equal(config.port, 8787);
  assert.equal(config.demoPort, 8080);
  assert.equal(config.databasePath, 'data/portal.db');
  assert.equal(config.publicUrl, 'http://127.0.0.1:8787/');
  assert.deepEqual(config.allowedOrigins, ['http://localhost:8080', 'http://127.0.0.1:8787']);
  assert.equal(config.smtpUrl, null);
  assert.equal(config.adminToken, null);
  assert.ok(Object.isFrozen(config));
});

test('each bad value stops the start with one line naming the variable', () => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ PORT: '99999' }, 'PORT must be a port number from 0 to 65535, not "99999"'],
    [{ DEMO_PORT: 'x' }, 'DEMO_PORT must be a port number from 0 to 65535, not "x"'],
    [
      { PORTAL_PUBLIC_URL: 'ftp://x' },
      'PORTAL_PUBLIC_URL must be an http:// or https:// URL, not "ftp://x"',
    ],
    [
      { PORTAL_ALLOWED_ORIGINS: 'example.com' },
      'PORTAL_ALLOWED_ORIGINS must list origins like https://www.example.com, not "example.com"',
    ],
    [{ SMTP_URL: 'mail.example.com' }, 'SMTP_URL must start with smtp:// or smtps://'],
    [{ MAIL_FROM: 'portal' }, 'MAIL_FROM must be an email address, not "portal"'],
    [{ SUPPORT_EMAIL: 'help' }, 'SUPPORT_EMAIL must be an email address, not "help"'],
    [{ PORTAL_ADMIN_TOKEN: 'short' }, 'PORTAL_ADMIN_TOKEN must be at least 32 characters long'],
    [
      { PORTAL_SESSION_IDLE_SECONDS: '-5' },
      'PORTAL_SESSION_IDLE_SECONDS must be a whole number above 0, not "-5"',
    ],
  ];
  for (const [env, message] of cases) {
    assert.throws(
      () => loadConfig(env),
      (error) => error instanceof ConfigError && error.message === message,
    );
  }
});

test('an operator sets origins, a public URL, SMTP and a display-name sender', () => {
  const config = loadConfig({
    PORTAL_ALLOWED_ORIGINS: 'https://www.wapp24.com, https://portal.dealer.example/',
    PORTAL_PUBLIC_URL: 'https://portal.dealer.example/kundenportal',
    SMTP_URL: 'smtps://user:pass@mail.dealer.example:465',
    MAIL_FROM: 'Dealer Portal <portal@dealer.example>',
  });
  assert.deepEqual(config.allowedOrigins, [
    'https://www.wapp24.com',
    'https://portal.dealer.example',
  ]);
  assert.equal(config.publicUrl, 'https://portal.dealer.example/kundenportal');
  assert.equal(config.mailFrom, 'Dealer Portal <portal@dealer.example>');
});

test('no default points at a real company: addresses and URLs are example or loopback ones', () => {
  const config = loadConfig({});
  for (const value of [config.supportEmail, config.mailFrom]) {
    assert.match(value, /@dealer\.example>?$/);
  }
  for (const value of [config.publicUrl, config.serviceUrl, ...config.allowedOrigins]) {
    assert.match(new URL(value).hostname, /^(localhost|127\.0\.0\.1)$/);
  }
});

test('production refuses to start without each setting it cannot guess, naming it', () => {
  for (const name of Object.keys(PRODUCTION_ENV).filter((key) => key !== 'NODE_ENV')) {
    const env: Record<string, string> = { ...PRODUCTION_ENV };
    delete env[name];
    assert.throws(
      () => loadConfig(env),
      (error) =>
        error instanceof ConfigError &&
        error.message === `${name} must be set in production (see README, "Running in production")`,
      name,
    );
  }
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production' }),
    /^ConfigError: SMTP_URL, MAIL_FROM, SUPPORT_EMAIL, PORTAL_PUBLIC_URL, PORTAL_SERVICE_URL must be set in production/,
  );
});

test('production needs https URLs (plain http only on loopback) and a long operator token', () => {
  assert.throws(
    () => loadConfig({ ...PRODUCTION_ENV, PORTAL_SERVICE_URL: 'http://portal.dealer.example' }),
    /PORTAL_SERVICE_URL must be an https:\/\/ URL in production/,
  );
  assert.throws(
    () => loadConfig({ ...PRODUCTION_ENV, PORTAL_PUBLIC_URL: 'http://www.dealer.example/' }),
    /PORTAL_PUBLIC_URL must be an https:\/\/ URL in production/,
  );
  assert.equal(
    loadConfig({ ...PRODUCTION_ENV, PORTAL_SERVICE_URL: 'http://localhost:8787' }).serviceUrl,
    'http://localhost:8787',
  );
  assert.throws(
    () => loadConfig({ ...PRODUCTION_ENV, PORTAL_ADMIN_TOKEN: 'a'.repeat(31) }),
    /PORTAL_ADMIN_TOKEN must be at least 32 characters long/,
  );
});

test('production allows only its own origins unless told otherwise; development adds the demo page', () => {
  assert.deepEqual(loadConfig(PRODUCTION_ENV).allowedOrigins, [
    'https://portal.dealer.example',
    'https://www.dealer.example',
  ]);
  assert.ok(loadConfig({}).allowedOrigins.includes('http://localhost:8080'));
});

test('values that would fail later fail at start, naming their variable', () => {
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ PORTAL_HOST: '999.1.1.1' }, /^PORTAL_HOST must be an IP address or a host name/],
    [{ PORTAL_HOST: 'my host' }, /^PORTAL_HOST must be an IP address or a host name/],
    [
      { PORTAL_TRUSTED_PROXY_HEADER: 'X Forwarded For' },
      /^PORTAL_TRUSTED_PROXY_HEADER must be a header name such as X-Forwarded-For/,
    ],
    [
      { PORTAL_ADMIN_TOKEN: 'correct horse battery staple!! 0123456789' },
      /^PORTAL_ADMIN_TOKEN may hold only letters, digits/,
    ],
    [{ LOG_LEVEL: 'verbose' }, /^LOG_LEVEL must be one of debug, info, warn, error, not "verbose"/],
  ];
  for (const [env, message] of cases) {
    assert.throws(
      () => loadConfig(env),
      (error) => error instanceof ConfigError && message.test(error.message),
      JSON.stringify(env),
    );
  }
  for (const host of ['0.0.0.0', '::', '::1', 'localhost', 'portal.internal']) {
    assert.equal(loadConfig({ PORTAL_HOST: host }).host, host);
  }
});

test('S27 an operator token that a Bearer header cannot carry stops the start, without echoing it', () => {
  const base = 'Op3rator-token_0123456789abcdefghij';
  for (const token of [
    `${base} with spaces`,
    `${base}"quoted"`,
    `${base},comma`,
    `${base}ü`,
    `${base}\u00A0x`,
    `${base}:colon`,
  ]) {
    assert.throws(
      () => loadConfig({ PORTAL_ADMIN_TOKEN: token }),
      (error) =>
        error instanceof ConfigError &&
        /^PORTAL_ADMIN_TOKEN may hold only letters, digits and \. _ ~ \+ \/ = -/.test(
          error.message,
        ) &&
        !error.message.includes(base),
      JSON.stringify(token),
    );
  }
  // What `crypto.randomBytes(30).toString('base64')` and base64url make is accepted.
  for (const token of [`${base}+/=`, `${base}.~-_`]) {
    assert.equal(loadConfig({ PORTAL_ADMIN_TOKEN: token }).adminToken, token);
  }
});

test('an SMTP password with an unencoded @ or : is refused with how to encode it, never echoed', () => {
  for (const smtpUrl of [
    'smtp://user:p@ss@mail.dealer.example:587',
    'smtp://user:pa:ss@mail.dealer.example:587',
    'smtp://us@er:pass@mail.dealer.example:587',
  ]) {
    assert.throws(
      () => loadConfig({ SMTP_URL: smtpUrl }),
      (error) =>
        error instanceof ConfigError &&
        error.message.includes('percent-encode them (@ as %40, : as %3A, / as %2F)') &&
        !error.message.includes('ss@mail') &&
        !error.message.includes('pa:ss'),
      smtpUrl,
    );
  }
  assert.equal(
    loadConfig({ SMTP_URL: 'smtp://user:p%40ss@mail.dealer.example:587' }).smtpUrl,
    'smtp://user:p%40ss@mail.dealer.example:587',
  );
});

test("the dealer's name (PORTAL_BRAND_NAME) signs the mails and titles the portal page; none by default; markup stops the start", () => {
  assert.equal(loadConfig({}).brandName, null, 'no company invented by default');
  assert.equal(
    loadConfig({ PORTAL_BRAND_NAME: ' Muster & Söhne AG ' }).brandName,
    'Muster & Söhne AG',
  );
  for (const value of ['<b>Muster</b>', 'Muster\nAG', 'M'.repeat(101)]) {
    assert.throws(
      () => loadConfig({ PORTAL_BRAND_NAME: value }),
      (error) => error instanceof ConfigError && error.message.startsWith('PORTAL_BRAND_NAME must'),
      JSON.stringify(value),
    );
  }
});

test("help step B.1's WAPP page (PORTAL_WAPP_URL): the demo page in development, none in production unless set, https there", () => {
  assert.equal(loadConfig({}).wappUrl, 'http://localhost:8080/');
  assert.equal(loadConfig({ DEMO_PORT: '9090' }).wappUrl, 'http://localhost:9090/');
  assert.equal(loadConfig(PRODUCTION_ENV).wappUrl, null, 'no page invented');
  assert.equal(
    loadConfig({ ...PRODUCTION_ENV, PORTAL_WAPP_URL: 'https://www.wapp.example/kunden.html' })
      .wappUrl,
    'https://www.wapp.example/kunden.html',
  );
  assert.throws(
    () => loadConfig({ ...PRODUCTION_ENV, PORTAL_WAPP_URL: 'http://www.wapp.example/' }),
    /PORTAL_WAPP_URL must be an https:\/\/ URL in production/,
  );
  assert.throws(
    () => loadConfig({ PORTAL_WAPP_URL: 'www.wapp.example' }),
    /PORTAL_WAPP_URL must be an http:\/\/ or https:\/\/ URL/,
  );
});
