/**
 * Configuration: working defaults for a first run, and one clear line for a bad value.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../server/config.ts';

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
    [{ PORTAL_ADMIN_TOKEN: 'short' }, 'PORTAL_ADMIN_TOKEN must be at least 24 characters long'],
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
