/**
 * S21 and S22: only allow-listed origins get CORS answers (with credentials, never `*`),
 * and a state-changing request needs a JSON body (415) and an allowed Origin (403), so a
 * foreign page can neither read answers nor make the browser act with the cookie.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERROR_CODES } from '../../server/contract.ts';
import { createActiveCustomer, logIn, type TestCustomer } from '../support/customers.ts';
import { snapshotDatabase } from '../support/database-snapshot.ts';
import { PortalClient } from '../support/portal-client.ts';
import { assertNoSecretLeaked } from '../support/secrets.ts';
import { TEST_ORIGIN, useService } from '../support/service.ts';

const service = useService({}, async () => {
  customer = await createActiveCustomer(newClient());
});

let customer: TestCustomer;
const clients: PortalClient[] = [];
const FOREIGN = 'https://evil.example';

function newClient(origin = TEST_ORIGIN): PortalClient {
  const client = new PortalClient(service.url, { origin });
  clients.push(client);
  return client;
}

function preflight(origin: string, path = '/api/login') {
  return fetch(`${service.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type, authorization',
    },
  });
}

const corsHeaders = (headers: Headers) =>
  [...headers.keys()].filter((name) => name.startsWith('access-control-'));

test('S21 the allowed origin is reflected with credentials, on answers and on errors', async () => {
  const client = newClient();
  for (const answer of [
    await client.get('/api/config'),
    await client.post('/api/login', { customerNumber: 'NOBODY', password: 'Wrong-pass-1!' }),
  ]) {
    assert.equal(answer.headers.get('Access-Control-Allow-Origin'), TEST_ORIGIN);
    assert.equal(answer.headers.get('Access-Control-Allow-Credentials'), 'true');
    assert.match(answer.headers.get('Vary') ?? '', /Origin/);
  }
  // The widget must be able to read how long to wait (S08).
  const exposed = await client.get('/api/config');
  assert.match(exposed.headers.get('Access-Control-Expose-Headers') ?? '', /Retry-After/i);

  const allowed = await preflight(TEST_ORIGIN);
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), TEST_ORIGIN);
  assert.equal(allowed.headers.get('Access-Control-Allow-Credentials'), 'true');
  assert.match(allowed.headers.get('Access-Control-Allow-Headers') ?? '', /authorization/i);
});

test('S21 any other origin gets no CORS headers at all, preflight included', async () => {
  for (const origin of [FOREIGN, 'null', `${TEST_ORIGIN}.evil.example`, 'http://localhost:9998']) {
    const client = newClient(origin);
    const config = await client.get('/api/config');
    assert.equal(config.status, 200);
    assert.deepEqual(corsHeaders(config.headers), [], `GET from ${origin}`);
    const refused = await preflight(origin);
    assert.deepEqual(corsHeaders(refused.headers), [], `preflight from ${origin}`);
  }
});

test('S21 no /api answer ever says Access-Control-Allow-Origin: *', async () => {
  const client = newClient();
  const token = await logIn(client, customer);
  const answers = [
    await client.get('/api/config'),
    await client.get('/api/me', token),
    await client.get('/api/me'),
    await client.get('/api/no-such-thing'),
    await client.post('/api/session/refresh'),
    await newClient(FOREIGN).get('/api/config'),
  ];
  for (const answer of answers) {
    assert.notEqual(answer.headers.get('Access-Control-Allow-Origin'), '*');
  }
  for (const origin of [TEST_ORIGIN, FOREIGN]) {
    assert.notEqual((await preflight(origin)).headers.get('Access-Control-Allow-Origin'), '*');
  }
});

test('S22 a login sent as a form or as text is 415 and opens no session', async () => {
  const credentials = { customerNumber: customer.number, password: customer.password };
  const before = await snapshotDatabase(service.db);
  for (const [type, body] of [
    ['text/plain', JSON.stringify(credentials)],
    ['application/x-www-form-urlencoded', new URLSearchParams(credentials).toString()],
    [
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--`,
    ],
    ['text/plain; application/json', JSON.stringify(credentials)],
  ] as const) {
    const client = newClient();
    const answer = await client.request('POST', '/api/login', {
      rawBody: body,
      headers: { 'Content-Type': type },
    });
    assert.equal(answer.status, 415, `${type}: ${answer.text}`);
    assert.equal(answer.body.error, 'unsupported_media_type');
    assert.equal(client.refreshCookie, null);
  }
  const missing = await fetch(`${service.url}/api/login`, {
    method: 'POST',
    headers: { Origin: TEST_ORIGIN },
    body: new Blob([JSON.stringify(credentials)]),
  });
  assert.equal(missing.status, 415);
  assert.deepEqual(await snapshotDatabase(service.db), before, 'nothing was recorded');
});

test('S22 every state-changing request from a foreign or missing Origin is 403 and does nothing', async () => {
  const owner = newClient();
  const token = await logIn(owner, customer);
  const cookie = owner.refreshCookie;
  const before = await snapshotDatabase(service.db);
  const requests: [string, string, unknown][] = [
    ['POST', '/api/login', { customerNumber: customer.number, password: customer.password }],
    [
      'POST',
      '/api/password/change',
      { currentPassword: customer.password, newPassword: 'Xy7!abcdefgh' },
    ],
    ['POST', '/api/password/forgot', { customerNumber: customer.number }],
    ['POST', '/api/password/reset', { token: 'a'.repeat(43), newPassword: 'Xy7!abcdefgh' }],
    ['POST', '/api/session/refresh', {}],
    ['POST', '/api/logout', {}],
    ['PATCH', '/api/me', { language: 'fr' }],
  ];
  for (const origin of [FOREIGN, 'null', undefined]) {
    for (const [method, path, body] of requests) {
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
        Cookie: `portal_refresh=${cookie}`,
      };
      if (origin) headers.Origin = origin;
      const response = await fetch(`${service.url}${path}`, {
        method,
        headers,
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { error: string };
      assert.equal(response.status, 403, `${method} ${path} from ${origin}`);
      assert.equal(answer.error, 'forbidden_origin');
      assert.ok(ERROR_CODES.includes(answer.error as never));
      assert.deepEqual(response.headers.getSetCookie(), [], 'no cookie set or cleared');
    }
  }
  assert.deepEqual(await snapshotDatabase(service.db), before, 'nothing changed');
  // The session the foreign page tried to use is untouched.
  assert.equal((await owner.get('/api/me', token)).status, 200);
  assert.equal((await owner.post('/api/session/refresh')).status, 200);
});

test('S05 no password or token used in this file appears in a log line or an audit row', async () => {
  await assertNoSecretLeaked(
    service,
    clients.flatMap((client) => [...client.secrets]),
  );
});
