/**
 * The service's log, as an operator reads it (issue 9): one `request` line per request
 * with its id, also sent back as `X-Request-Id`; one `security` line per security event,
 * with the same request id as its audit row; LOG_LEVEL; and nothing in it an operator must
 * not see: no secret (S05), no query string, no customer number that does not exist.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import type { Answer } from '../support/client.ts';
import {
  createActiveCustomer,
  newCustomerNumber,
  newPassword,
  provisionCustomer,
} from '../support/customers.ts';
import { auditRows } from '../support/database-snapshot.ts';
import { latestMail, resetTokenIn } from '../support/mailbox.ts';
import { PortalClient } from '../support/portal-client.ts';
import { assertNoSecretLeaked } from '../support/secrets.ts';
import { ADMIN_TOKEN, startService, TEST_ORIGIN, useService } from '../support/service.ts';
import { createTestDatabase } from '../support/test-database.ts';

// Behind a proxy, as in production: the proxy's X-Forwarded-For names the client, and its
// X-Request-Id is kept. A client without the header is the socket's address.
const service = useService({
  clock: 'manual',
  env: { PORTAL_TRUSTED_PROXY_HEADER: 'X-Forwarded-For' },
});

/** Every secret this file sends that a PortalClient does not collect by itself. */
const extraSecrets = new Set<string>([ADMIN_TOKEN]);
const clients: PortalClient[] = [];

function newClient(): PortalClient {
  const client = new PortalClient(service.url);
  clients.push(client);
  return client;
}

interface LogLine {
  time: string;
  level: string;
  event: string;
  [field: string]: unknown;
}

function logLines(logs: string[] = service.logs): LogLine[] {
  return logs.map((line) => JSON.parse(line) as LogLine);
}

function requestIdOf(answer: Answer | Response): string {
  const id = answer.headers.get('X-Request-Id');
  assert.ok(id, 'the answer names its request');
  return id;
}

function requestLinesOf(requestId: string, logs?: string[]): LogLine[] {
  return logLines(logs).filter((line) => line.event === 'request' && line.requestId === requestId);
}

/**
 * The answer's request wrote exactly one `security` line with this action, and an audit
 * row with the same action, request id and address.
 */
async function assertSecurityEvent(
  answer: Answer,
  action: string,
  expected: { level: 'info' | 'warn'; customerNumber: string | null; address?: string },
): Promise<void> {
  await service.afterAnswers();
  const requestId = requestIdOf(answer);
  const lines = logLines().filter(
    (line) => line.event === 'security' && line.action === action && line.requestId === requestId,
  );
  assert.equal(lines.length, 1, `one ${action} line for request ${requestId}`);
  const [line] = lines as [LogLine];
  assert.deepEqual(
    { level: line.level, customerNumber: line.customerNumber, address: line.address },
    {
      level: expected.level,
      customerNumber: expected.customerNumber,
      address: expected.address ?? '127.0.0.1',
    },
    `the ${action} line`,
  );
  const rows = (await auditRows(service.db)).filter(
    (row) => row.action === action && row.request_id === requestId,
  );
  assert.equal(rows.length, 1, `one ${action} audit row for request ${requestId}`);
  assert.equal(rows[0]?.address, line.address, `the ${action} audit row has the address`);
}

function logIn(client: PortalClient, customerNumber: string, password: string) {
  return client.post<{ accessToken: string; changeToken: string }>('/api/login', {
    customerNumber,
    password,
  });
}

const minutes = (count: number) => count * 60_000;

test('every request writes one line with method, path, status, duration, request id and address', async () => {
  const client = newClient();
  const requests: [Answer, string, string][] = [
    [await client.get('/api/config'), 'GET', '/api/config'],
    [await logIn(client, newCustomerNumber('U'), newPassword()), 'POST', '/api/login'],
    [await client.get('/nothing-here'), 'GET', '/nothing-here'],
  ];
  const answers = requests.map(([answer]) => answer);
  assert.deepEqual(
    answers.map((answer) => answer.status),
    [200, 401, 404],
  );
  for (const [answer, method, path] of requests) {
    const requestId = requestIdOf(answer);
    const lines = requestLinesOf(requestId);
    assert.equal(lines.length, 1, `one line for ${method} ${path}`);
    const [line] = lines as [LogLine];
    assert.equal(line.level, 'info');
    assert.deepEqual(
      [line.method, line.path, line.status, line.requestId, line.address],
      [method, path, answer.status, requestId, '127.0.0.1'],
    );
    assert.equal(typeof line.durationMs, 'number');
    assert.ok((line.durationMs as number) >= 0);
    assert.ok(!Number.isNaN(Date.parse(line.time)), 'the line has its time');
  }
  const ids = answers.map(requestIdOf);
  assert.equal(new Set(ids).size, ids.length, 'each request has its own id');
  for (const id of ids) assert.match(id, /^[0-9a-f-]{36}$/, 'a new id is a UUID');
});

test("behind a trusted proxy, the proxy's request id is kept when well-formed, and replaced when it is not", async () => {
  const send = (requestId: string) =>
    newClient().request('GET', '/api/config', { headers: { 'X-Request-Id': requestId } });
  const kept = await send('lb-7f3a.2_Z');
  assert.equal(requestIdOf(kept), 'lb-7f3a.2_Z');
  assert.equal(requestLinesOf('lb-7f3a.2_Z').length, 1);
  for (const bad of ['a'.repeat(65), 'two words', 'x","level":"error', 'id\u00e9']) {
    const answer = await send(bad);
    assert.match(requestIdOf(answer), /^[0-9a-f-]{36}$/, `${bad} is replaced`);
    assert.ok(!service.logs.some((line) => line.includes(bad)), `${bad} is not logged`);
  }
});

test('without a trusted proxy, a request id sent by the client is replaced by a new one', async () => {
  const direct = await startService();
  try {
    const answer = await fetch(`${direct.url}/api/config`, {
      headers: { 'X-Request-Id': 'chosen-by-client' },
    });
    assert.match(requestIdOf(answer), /^[0-9a-f-]{36}$/);
    assert.ok(!direct.logs.some((line) => line.includes('chosen-by-client')));
  } finally {
    await direct.stop();
  }
});

test('the query string never reaches the log, only the path', async () => {
  const secret = `Query-${newPassword()}`;
  const answer = await newClient().get(`/api/config?token=${secret}&customerNumber=${secret}`);
  assert.equal(answer.status, 200);
  const [line] = requestLinesOf(requestIdOf(answer));
  assert.equal(line?.path, '/api/config');
  assert.ok(!service.logs.some((logged) => logged.includes(secret)));
});

test('a CORS preflight and a refused request get their line too', async () => {
  const preflight = await fetch(`${service.url}/api/login`, {
    method: 'OPTIONS',
    headers: { Origin: TEST_ORIGIN, 'Access-Control-Request-Method': 'POST' },
  });
  assert.equal(preflight.status, 204);
  const refused = await fetch(`${service.url}/api/login`, {
    method: 'POST',
    headers: { Origin: TEST_ORIGIN, 'Content-Type': 'text/plain' },
    body: 'x',
  });
  assert.equal(refused.status, 415);
  for (const [answer, method, status] of [
    [preflight, 'OPTIONS', 204],
    [refused, 'POST', 415],
  ] as const) {
    const lines = requestLinesOf(requestIdOf(answer));
    assert.equal(lines.length, 1, `${method} is logged`);
    assert.deepEqual(
      [lines[0]?.method, lines[0]?.path, lines[0]?.status],
      [method, '/api/login', status],
    );
  }
});

test('health checks are logged at debug, so the default level leaves them out', async () => {
  const quiet = await fetch(`${service.url}/healthz`);
  assert.equal(quiet.status, 200);
  assert.equal(requestLinesOf(requestIdOf(quiet)).length, 0);

  const verbose = await startService({ env: { LOG_LEVEL: 'debug' } });
  try {
    const answer = await fetch(`${verbose.url}/healthz`);
    const lines = requestLinesOf(requestIdOf(answer), verbose.logs);
    assert.equal(lines.length, 1);
    assert.deepEqual(
      [lines[0]?.level, lines[0]?.path, lines[0]?.status],
      ['debug', '/healthz', 200],
    );
  } finally {
    await verbose.stop();
  }
});

test('a request that fails on our side is logged as an error with status 500', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'portal-logs-'));
  const database = await createTestDatabase(join(folder, 'portal.db'));
  const db = await database.open();
  const logs: string[] = [];
  const app = createApp({
    config: loadConfig({
      ...database.env,
      PORTAL_ALLOWED_ORIGINS: TEST_ORIGIN,
    }),
    db,
    logger: createLogger((line) => logs.push(line)),
  });
  // A database that went away: the next query throws an error that is no ApiError.
  await db.close();
  try {
    const password = newPassword();
    const answer = await app.request('/api/login', {
      method: 'POST',
      headers: { Origin: TEST_ORIGIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ customerNumber: '10012345', password }),
    });
    assert.equal(answer.status, 500);
    const requestId = requestIdOf(answer);
    const lines = logLines(logs).filter((line) => line.requestId === requestId);
    assert.deepEqual(
      lines.map((line) => [line.event, line.level]),
      [
        ['request_failed', 'error'],
        ['request', 'error'],
      ],
    );
    assert.equal(lines[1]?.status, 500);
    assert.ok(!logs.some((line) => line.includes(password)));
  } finally {
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('LOG_LEVEL=warn drops the request lines and keeps the warnings', async () => {
  const terse = await startService({ env: { LOG_LEVEL: 'warn' } });
  try {
    const client = new PortalClient(terse.url);
    const customer = await createActiveCustomer(client);
    const ok = await logIn(client, customer.number, customer.password);
    const failed = await logIn(client, customer.number, newPassword());
    assert.deepEqual([ok.status, failed.status], [200, 401]);
    const lines = logLines(terse.logs);
    assert.ok(lines.length > 0);
    assert.deepEqual(
      lines.filter((line) => line.level !== 'warn' && line.level !== 'error'),
      [],
      'no request line and no info line',
    );
    const warning = lines.find((line) => line.requestId === requestIdOf(failed));
    assert.deepEqual(
      [warning?.event, warning?.action, warning?.customerNumber],
      ['security', 'login_failed', customer.number],
    );
    await assertNoSecretLeaked(terse, client.secrets);
  } finally {
    await terse.stop();
  }
});

test('a login, a failed login and a logout are security events of their request', async () => {
  const client = newClient();
  const customer = await createActiveCustomer(client);
  const failed = await logIn(client, customer.number, newPassword());
  assert.equal(failed.status, 401);
  await assertSecurityEvent(failed, 'login_failed', {
    level: 'warn',
    customerNumber: customer.number,
  });
  const ok = await logIn(client, customer.number, customer.password);
  assert.equal(ok.status, 200);
  await assertSecurityEvent(ok, 'login', { level: 'info', customerNumber: customer.number });
  const logout = await client.post('/api/logout', {}, ok.body.accessToken);
  assert.equal(logout.status, 204);
  await assertSecurityEvent(logout, 'logout', { level: 'info', customerNumber: customer.number });
  // The request line of the same request carries the same id.
  assert.equal(requestLinesOf(requestIdOf(logout))[0]?.status, 204);
});

test('the fifth wrong password starts a lockout, and the attempts during it are logged as throttled', async () => {
  const client = newClient();
  const customer = await createActiveCustomer(client);
  const answers: Answer[] = [];
  for (let i = 0; i < 5; i++) answers.push(await logIn(client, customer.number, newPassword()));
  assert.ok(answers.every((answer) => answer.status === 401));
  const fifth = answers[4] as Answer;
  await assertSecurityEvent(fifth, 'login_failed', {
    level: 'warn',
    customerNumber: customer.number,
  });
  await assertSecurityEvent(fifth, 'account_locked', {
    level: 'warn',
    customerNumber: customer.number,
  });
  for (const earlier of answers.slice(0, 4)) {
    const requestId = requestIdOf(earlier);
    assert.ok(
      !logLines().some((line) => line.action === 'account_locked' && line.requestId === requestId),
      'only the failure that starts the wait is a lockout',
    );
  }
  const throttled = await logIn(client, customer.number, customer.password);
  assert.equal(throttled.status, 429);
  await assertSecurityEvent(throttled, 'login_throttled', {
    level: 'warn',
    customerNumber: customer.number,
  });
  service.clock.advance?.(minutes(1));
  assert.equal((await logIn(client, customer.number, customer.password)).status, 200);
});

test('a password changed with the initial password and in the account are security events', async () => {
  const client = newClient();
  const customer = await provisionCustomer(client);
  const initial = await logIn(client, customer.number, customer.password);
  assert.equal(initial.status, 200);
  await assertSecurityEvent(initial, 'login_initial_password', {
    level: 'info',
    customerNumber: customer.number,
  });
  const chosen = newPassword();
  const first = await client.post(
    '/api/password/change',
    { currentPassword: customer.password, newPassword: chosen },
    initial.body.changeToken,
  );
  assert.equal(first.status, 204, first.text);
  await assertSecurityEvent(first, 'password_changed', {
    level: 'info',
    customerNumber: customer.number,
  });

  const session = await logIn(client, customer.number, chosen);
  const wrong = await client.post(
    '/api/password/change',
    { currentPassword: newPassword(), newPassword: newPassword() },
    session.body.accessToken,
  );
  assert.equal(wrong.status, 401, wrong.text);
  await assertSecurityEvent(wrong, 'password_change_failed', {
    level: 'warn',
    customerNumber: customer.number,
  });
  const again = await client.post(
    '/api/password/change',
    { currentPassword: chosen, newPassword: newPassword() },
    session.body.accessToken,
  );
  assert.equal(again.status, 200, again.text);
  await assertSecurityEvent(again, 'password_changed', {
    level: 'info',
    customerNumber: customer.number,
  });
});

test('a reset asked for, done, and tried with a bad link are security events', async () => {
  const client = newClient();
  const customer = await createActiveCustomer(client);
  const forgot = await client.post('/api/password/forgot', { customerNumber: customer.number });
  assert.equal(forgot.status, 202);
  await assertSecurityEvent(forgot, 'password_reset_requested', {
    level: 'info',
    customerNumber: customer.number,
  });
  const mail = await latestMail(
    service.url,
    `${customer.number.toLowerCase()}@example.com`,
    'password_reset',
  );
  const token = resetTokenIn(mail.text);
  const reset = await client.post('/api/password/reset', { token, newPassword: newPassword() });
  assert.equal(reset.status, 200, reset.text);
  await assertSecurityEvent(reset, 'password_reset', {
    level: 'info',
    customerNumber: customer.number,
  });
  // The same link again: it is spent.
  const spent = await client.post('/api/password/reset', { token, newPassword: newPassword() });
  assert.equal(spent.status, 400);
  await assertSecurityEvent(spent, 'password_reset_failed', {
    level: 'warn',
    customerNumber: null,
  });
  assert.ok(!service.logs.some((line) => line.includes(token)), 'the link is not logged');
});

test('a refresh token used again after its rotation is logged as a warning with its customer', async () => {
  const client = newClient();
  const customer = await createActiveCustomer(client);
  assert.equal((await logIn(client, customer.number, customer.password)).status, 200);
  const first = client.refreshCookie;
  service.clock.advance?.(minutes(1));
  assert.equal((await client.post('/api/session/refresh')).status, 200);
  service.clock.advance?.(minutes(1));
  const thief = newClient();
  thief.refreshCookie = first;
  const reused = await thief.post('/api/session/refresh');
  assert.equal(reused.status, 401);
  await assertSecurityEvent(reused, 'refresh_token_reuse', {
    level: 'warn',
    customerNumber: customer.number,
  });
});

test("each operator action through the admin API is logged with the operator's request", async () => {
  const client = newClient();
  const number = newCustomerNumber('A');
  const created = await client.admin('POST', '/admin/customers', {
    number,
    email: `${number.toLowerCase()}@example.com`,
    name: 'Admin Logged',
    language: 'de',
  });
  assert.equal(created.status, 201, created.text);
  const operator = { level: 'info', customerNumber: number, address: 'admin:127.0.0.1' } as const;
  await assertSecurityEvent(created, 'customer_created', operator);
  for (const [path, action] of [
    ['resend-initial-password', 'initial_password_resent'],
    ['unlock', 'customer_unlocked'],
    ['disable', 'customer_disabled'],
    ['enable', 'customer_enabled'],
  ] as const) {
    const answer = await client.admin('POST', `/admin/customers/${number}/${path}`, {});
    assert.equal(answer.status, 200, `${path}: ${answer.text}`);
    await assertSecurityEvent(answer, action, operator);
  }
  const deleted = await client.admin('DELETE', `/admin/customers/${number}`);
  assert.equal(deleted.status, 204, deleted.text);
  await assertSecurityEvent(deleted, 'customer_deleted', operator);
});

test('a call to the admin API without the right operator token is a warning, without the token', async () => {
  const wrongToken = `${ADMIN_TOKEN.slice(0, -4)}WXYZ`;
  extraSecrets.add(wrongToken);
  const calls: [string, Record<string, string>][] = [
    ['wrong', { Authorization: `Bearer ${wrongToken}` }],
    ['missing', {}],
  ];
  for (const [label, headers] of calls) {
    const answer = await newClient().request('POST', '/admin/customers/10012345/unlock', {
      headers,
      body: {},
    });
    assert.equal(answer.status, 401, label);
    await assertSecurityEvent(answer, 'admin_refused', { level: 'warn', customerNumber: null });
  }
  assert.ok(!service.logs.some((line) => line.includes(wrongToken.slice(4, -4))));
});

test('a customer number that does not exist never appears in the log or the audit', async () => {
  // People type their password into the number field: such a "number" must not be kept.
  // Letters and a dash, so it passes as a number: `newPassword()` ends in 14 random letters.
  const typed = `Sommer-${newPassword().slice(4)}`;
  extraSecrets.add(typed);
  const client = newClient();
  for (let i = 0; i < 5; i++) {
    const failed = await logIn(client, typed, newPassword());
    assert.equal(failed.status, 401);
    await assertSecurityEvent(failed, 'login_failed', { level: 'warn', customerNumber: null });
  }
  const throttled = await logIn(client, typed, newPassword());
  assert.equal(throttled.status, 429);
  await assertSecurityEvent(throttled, 'login_throttled', { level: 'warn', customerNumber: null });
  const forgot = await client.post('/api/password/forgot', { customerNumber: typed });
  assert.equal(forgot.status, 202);
  await assertSecurityEvent(forgot, 'password_reset_refused', {
    level: 'warn',
    customerNumber: null,
  });
  await assertNoSecretLeaked(service, [typed, typed.toUpperCase(), typed.toLowerCase()]);
});

test('S05 no password, token or operator token used in this file appears in the log', async () => {
  const secrets = new Set(extraSecrets);
  for (const client of clients) for (const secret of client.secrets) secrets.add(secret);
  // Passwords, change, access, refresh and reset tokens, the operator token: all were used.
  assert.ok(secrets.size > 20, `only ${secrets.size} secrets collected`);
  await assertNoSecretLeaked(service, secrets);
  const requestIds = logLines()
    .filter((line) => line.event === 'request')
    .map((line) => line.requestId);
  assert.equal(new Set(requestIds).size, requestIds.length, 'one line per request');
});
