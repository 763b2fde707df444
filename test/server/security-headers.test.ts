/**
 * S23: every answer says nosniff and no-referrer; the portal page adds a strict Content
 * Security Policy (no inline script) with frame-ancestors from the configuration; HSTS
 * is sent when the service is reached over HTTPS.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '../support/client.ts';
import { startService, useService } from '../support/service.ts';

const FRAMING_SITE = 'https://wapp.example';
const service = useService({ env: { PORTAL_FRAME_ANCESTORS: FRAMING_SITE } }, async () => {
  client = new Client(service.url);
});

let client: Client;

/** The CSP as a map from directive to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name.toLowerCase(), sources]),
  );
}

test('S23 API answers, errors included, say nosniff and no-referrer', async () => {
  const answers = [
    await client.get('/api/config'),
    await client.post('/api/login', { customerNumber: 'NOBODY', password: 'Wrong-pass-1!' }),
    await client.get('/api/me'),
    await client.get('/api/nothing-here'),
    await client.request('POST', '/api/login', {
      rawBody: 'x',
      headers: { 'Content-Type': 'text/plain' },
    }),
    await client.get('/.well-known/jwks.json'),
    await client.get('/healthz'),
  ];
  for (const answer of answers) {
    assert.equal(answer.headers.get('X-Content-Type-Options'), 'nosniff', answer.text);
    assert.equal(answer.headers.get('Referrer-Policy'), 'no-referrer', answer.text);
    assert.equal(answer.headers.get('Strict-Transport-Security'), null, 'no HSTS over http');
  }
  for (const answer of answers.slice(0, 4)) {
    assert.equal(answer.headers.get('Cache-Control'), 'no-store', 'API answers are not cached');
  }
});

test('S23 the portal page has a strict CSP without inline script, framed only as configured', async () => {
  const page = await fetch(`${service.url}/`);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('X-Content-Type-Options'), 'nosniff');
  assert.equal(page.headers.get('Referrer-Policy'), 'no-referrer');
  const policy = page.headers.get('Content-Security-Policy');
  assert.ok(policy, 'the page has a CSP');
  const csp = directives(policy);
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  assert.ok(scripts, 'scripts are restricted');
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
    assert.ok(!scripts.includes(unsafe), `script-src allows ${unsafe}`);
  }
  assert.deepEqual(csp.get('style-src'), ["'self'"], 'no inline style either');
  assert.deepEqual(csp.get('frame-ancestors'), [FRAMING_SITE]);
  assert.deepEqual(csp.get('object-src'), ["'none'"]);
  assert.ok(csp.has('base-uri'));

  // The page itself keeps to it: every script is an external file.
  const html = await page.text();
  const scriptTags = html.match(/<script\b[^>]*>/gi) ?? [];
  assert.ok(scriptTags.length > 0);
  for (const tag of scriptTags) assert.match(tag, /\ssrc=/, `inline script: ${tag}`);
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
});

test('S23 over HTTPS the service sends HSTS', async () => {
  const secure = await startService({ env: { PORTAL_SERVICE_URL: 'https://portal.example' } });
  try {
    const answer = await fetch(`${secure.url}/api/config`);
    assert.match(answer.headers.get('Strict-Transport-Security') ?? '', /max-age=\d{7,}/);
    const page = await fetch(`${secure.url}/`);
    assert.match(page.headers.get('Strict-Transport-Security') ?? '', /max-age=\d{7,}/);
  } finally {
    await secure.stop();
  }
});
