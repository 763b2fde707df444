/**
 * S26: malformed requests (invalid JSON, wrong types, missing and extra fields, control
 * characters, SQL fragments, a 1 MB body) each get a 4xx with a contract error code, the
 * service stays up, and the database is exactly as it was.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { afterEach, beforeEach, test } from 'node:test';
import { ERROR_CODES, ERROR_STATUS, type ErrorCode, LIMITS } from '../../server/contract.ts';
import { createActiveCustomer, logIn, type TestCustomer } from '../support/customers.ts';
import { snapshotDatabase } from '../support/database-snapshot.ts';
import { PortalClient } from '../support/portal-client.ts';
import { assertNoSecretLeaked } from '../support/secrets.ts';
import { ADMIN_TOKEN, TEST_ORIGIN, useService } from '../support/service.ts';

const service = useService({}, async () => {
  client = new PortalClient(service.url);
  customer = await createActiveCustomer(client);
  accessToken = await logIn(client, customer);
});

let client: PortalClient;
let customer: TestCustomer;
let accessToken: string;
let databaseBefore: Record<string, unknown[]>;

beforeEach(async () => {
  databaseBefore = await snapshotDatabase(service.db);
});
afterEach(async () => {
  assert.deepEqual(await snapshotDatabase(service.db), databaseBefore, 'the database changed');
  // The service is still up and still lets the customer in.
  assert.equal((await fetch(`${service.url}/healthz`)).status, 200);
  assert.equal((await client.get('/api/me', accessToken)).status, 200);
});

type Endpoint = [method: string, path: string, auth?: 'customer' | 'admin'];
const LOGIN: Endpoint = ['POST', '/api/login'];
const CHANGE: Endpoint = ['POST', '/api/password/change', 'customer'];
const FORGOT: Endpoint = ['POST', '/api/password/forgot'];
const RESET: Endpoint = ['POST', '/api/password/reset'];
const UPDATE_ME: Endpoint = ['PATCH', '/api/me', 'customer'];
const CREATE: Endpoint = ['POST', '/admin/customers', 'admin'];
const PARSING_ENDPOINTS = [LOGIN, CHANGE, FORGOT, RESET, UPDATE_ME, CREATE];

async function send([method, path, auth]: Endpoint, body: BodyInit, extra: RequestInit = {}) {
  const headers: Record<string, string> = {
    Origin: TEST_ORIGIN,
    'Content-Type': 'application/json',
  };
  if (auth) headers.Authorization = `Bearer ${auth === 'admin' ? ADMIN_TOKEN : accessToken}`;
  const response = await fetch(`${service.url}${path}`, { method, headers, body, ...extra });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Record<string, unknown> };
}

/** A 4xx with a code from the contract, and the field at fault where one is expected. */
async function assertRefused(endpoint: Endpoint, body: unknown, code: string, field?: string) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const answer = await send(endpoint, raw);
  const label = `${endpoint[0]} ${endpoint[1]} ${raw.slice(0, 60)}`;
  assert.ok(answer.status >= 400 && answer.status < 500, `${label}: ${answer.status}`);
  assert.ok(ERROR_CODES.includes(answer.body.error as never), `${label}: ${answer.text}`);
  assert.equal(answer.body.error, code, `${label}: ${answer.text}`);
  if (field !== undefined) assert.equal(answer.body.field, field, `${label}: ${answer.text}`);
}

test('S26 a body that is not JSON gets 400 invalid_request', async () => {
  const broken = [
    '',
    '{',
    '{"customerNumber":',
    "{'customerNumber':'A'}",
    '[1,2',
    'undefined',
    '{}}',
    '\u0000',
  ];
  for (const endpoint of PARSING_ENDPOINTS) {
    for (const body of broken) await assertRefused(endpoint, body, 'invalid_request');
  }
});

test('S26 wrong types, missing fields and extra fields get 400 naming the field', async () => {
  const cases: [Endpoint, unknown, string | undefined][] = [
    [LOGIN, null, undefined],
    [LOGIN, 'customerNumber', undefined],
    [LOGIN, { customerNumber: 12345678, password: 'x' }, 'customerNumber'],
    [LOGIN, { customerNumber: 'A1', password: ['x'] }, 'password'],
    [LOGIN, { customerNumber: 'A1' }, 'password'],
    [LOGIN, { customerNumber: 'A1', password: '' }, 'password'],
    [LOGIN, { customerNumber: 'A1', password: 'x', role: 'admin' }, 'role'],
    [CHANGE, { currentPassword: customer.password }, 'newPassword'],
    [CHANGE, { currentPassword: 1, newPassword: 'Xy7!abcdefgh' }, 'currentPassword'],
    [FORGOT, { customerNumber: true }, 'customerNumber'],
    [FORGOT, { customerNumber: 'A1', language: 'xx' }, 'language'],
    [FORGOT, { customerNumber: 'A1', email: 'mallory@example.com' }, 'email'],
    [RESET, { token: 'short', newPassword: 'Xy7!abcdefgh' }, 'token'],
    [RESET, { token: 'a'.repeat(43) }, 'newPassword'],
    [UPDATE_ME, {}, 'language'],
    [UPDATE_ME, { language: 'fr', name: 'Mallory' }, 'name'],
    [UPDATE_ME, { language: 'fr', number: 'OTHER' }, 'number'],
    [CREATE, { email: 'not-an-address', name: 'N', language: 'de' }, 'email'],
    [CREATE, { email: 'a@example.ch', name: 'N', language: 'de', status: 'disabled' }, 'status'],
    [
      CREATE,
      { email: 'a@example.ch', name: 'N', language: 'de', passwordHash: 'x' },
      'passwordHash',
    ],
    [
      CREATE,
      { email: 'a@example.ch', name: 'N', language: 'de', password: 'password' },
      'password',
    ],
  ];
  for (const [endpoint, body, field] of cases) {
    await assertRefused(endpoint, body, 'invalid_request', field);
  }
  const missing = await send(LOGIN, JSON.stringify({ customerNumber: 'A1' }));
  assert.equal(missing.body.message, 'password is required.');
  // The prototype is no back door: "__proto__" is an unexpected field like any other.
  await assertRefused(
    LOGIN,
    `{"customerNumber":"A1","password":"x","__proto__":{"customerNumber":"B2"}}`,
    'invalid_request',
    '__proto__',
  );
});

test('S26 control characters in numbers, names, addresses, initial passwords and languages get 400', async () => {
  for (const number of ['AB\u0000CD', 'AB\nCD', 'AB\rCD', '\u202eAB', 'A\tB', 'AB\u0007']) {
    await assertRefused(
      LOGIN,
      { customerNumber: number, password: 'x' },
      'invalid_request',
      'customerNumber',
    );
    await assertRefused(FORGOT, { customerNumber: number }, 'invalid_request', 'customerNumber');
  }
  const valid = { email: 'anna@example.ch', name: 'Anna', language: 'de' };
  for (const name of ['Anna\u0000', 'Anna\r\nBcc: mallory@example.com', 'An\u001bna']) {
    await assertRefused(CREATE, { ...valid, name }, 'invalid_request', 'name');
  }
  for (const email of ['anna@example.ch\r\nBcc: mallory@example.com', 'anna\u0000@example.ch']) {
    await assertRefused(CREATE, { ...valid, email }, 'invalid_request', 'email');
  }
  // An initial password is mailed (and on PostgreSQL a NUL in the queued mail was a 500).
  for (const password of ['Qz9!Anfang\u0000-2026', 'Qz9!Anfang\r\nBcc-2026']) {
    await assertRefused(CREATE, { ...valid, password }, 'invalid_request', 'password');
  }
  await assertRefused(UPDATE_ME, { language: 'fr\u0000' }, 'invalid_request', 'language');
});

test("S26 SQL fragments such as ' OR 1=1 -- are not customer numbers", async () => {
  const fragments = ["' OR 1=1 --", "1' OR '1'='1", '"; DROP TABLE customers; --', "%' --", '*'];
  for (const number of fragments) {
    await assertRefused(
      LOGIN,
      { customerNumber: number, password: customer.password },
      'invalid_request',
      'customerNumber',
    );
    await assertRefused(FORGOT, { customerNumber: number }, 'invalid_request', 'customerNumber');
    for (const action of ['', '/unlock', '/disable']) {
      const method = action ? 'POST' : 'GET';
      const path = `/admin/customers/${encodeURIComponent(number)}${action}`;
      const answer = await client.admin(method, path, action ? {} : undefined);
      assert.equal(answer.status, 404, `${method} ${path}: ${answer.text}`);
      assert.equal(answer.body.error, 'not_found');
    }
  }
  assert.equal(client.refreshCookie !== null, true, 'the real session is still there');
});

test('S26 a 1 MB body is refused with 413 before it is parsed', async () => {
  const megabyte = 'x'.repeat(1024 * 1024);
  // Several rounds: a client still uploading must get the 413, not a reset connection.
  for (let round = 0; round < 3; round++) {
    for (const endpoint of [LOGIN, CHANGE, CREATE]) {
      const answer = await send(endpoint, megabyte);
      assert.equal(answer.status, 413, `${endpoint[1]}: ${answer.text}`);
      assert.equal(answer.body.error, 'payload_too_large');
    }
  }
  // Sent in chunks without a length, it is cut off as it streams in.
  const chunks = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < 16; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(120));
      controller.close();
    },
  });
  const streamed = await send(LOGIN, chunks, { duplex: 'half' } as RequestInit);
  assert.equal(streamed.status, 413, streamed.text);
  // The limit is the documented one: one byte over is refused, at the limit it is parsed.
  const atLimit = JSON.stringify({ customerNumber: 'A1', password: '' }).length;
  const padding = (size: number) =>
    `{"customerNumber":"A1","password":"${'p'.repeat(size - atLimit)}"}`;
  assert.equal((await send(LOGIN, padding(LIMITS.bodyMaxBytes + 1))).status, 413);
  const parsed = await send(LOGIN, padding(LIMITS.bodyMaxBytes));
  assert.equal(parsed.status, 400, parsed.text);
  assert.equal(parsed.body.field, 'password');
});

/** What came back on a connection of its own for raw bytes, read until the service closed it. */
interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: Record<string, unknown>;
}

/** Sends bytes no HTTP client would (a request Node itself refuses before the app sees it). */
function sendRaw(bytes: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(service.url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('the service did not close the connection within 5 s'));
    }, 5_000);
    socket.on('data', (chunk) => chunks.push(chunk));
    // The service may close while the request is still being written: what it wrote counts.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Map(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      let parsed: Record<string, unknown> = {};
      try {
        parsed = JSON.parse(body) as Record<string, unknown>;
      } catch {
        parsed = { unparsed: text };
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: parsed });
    });
    socket.write(bytes);
  });
}

function assertRefusedRaw(answer: RawAnswer, status: number, code: string): void {
  const label = `${status} ${code}: ${JSON.stringify(answer.body)}`;
  assert.equal(answer.status, status, label);
  assert.equal(answer.body.error, code, label);
  assert.equal(typeof answer.body.message, 'string', label);
  assert.equal(ERROR_STATUS[code as ErrorCode], status, 'the status of the one table');
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(answer.headers.get('connection'), 'close');
  assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', 'S23');
}

test('S26 headers too large get 431 headers_too_large as JSON, and bytes that are no HTTP request get 400 invalid_request', async () => {
  const padding = 'a'.repeat(32 * 1024);
  const oversized = await sendRaw(
    `GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${padding}\r\n\r\n`,
  );
  assertRefusedRaw(oversized, 431, 'headers_too_large');
  // A cookie jar grown too large is how a browser gets there.
  const cookies = Array.from({ length: 400 }, (_, i) => `tracker${i}=${'c'.repeat(60)}`).join('; ');
  const fetched = await fetch(`${service.url}/api/session/refresh`, {
    method: 'POST',
    headers: { Origin: TEST_ORIGIN, 'Content-Type': 'application/json', Cookie: cookies },
    body: '{}',
  });
  assert.equal(fetched.status, 431);
  assert.equal(((await fetched.json()) as { error: string }).error, 'headers_too_large');

  for (const garbage of ['NOT HTTP AT ALL\r\n\r\n', 'GET / HTTP/1.1\r\nHost\u0000: x\r\n\r\n']) {
    assertRefusedRaw(await sendRaw(garbage), 400, 'invalid_request');
  }
});

test('S05 no password or token used in this file appears in a log line or an audit row', async () => {
  await assertNoSecretLeaked(service, client.secrets);
});
