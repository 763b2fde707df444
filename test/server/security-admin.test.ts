/**
 * S27: the operators' API needs the operator token and is off without one; it never
 * answers with a password or a hash; admin actions and authentication events land in the
 * audit log with time, action, customer and address, and without a secret.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  activateCustomer,
  logIn,
  newCustomerNumber,
  newPassword,
  provisionCustomer,
} from '../support/customers.ts';
import { queryRow } from '../support/database-query.ts';
import { auditRows, passwordHashes, snapshotDatabase } from '../support/database-snapshot.ts';
import { initialPasswordIn, latestMail } from '../support/mailbox.ts';
import { PortalClient } from '../support/portal-client.ts';
import { assertNoSecretLeaked } from '../support/secrets.ts';
import { ADMIN_TOKEN, startService, useService } from '../support/service.ts';

const service = useService({ clock: 'manual' }, async () => {
  client = new PortalClient(service.url);
});

let client: PortalClient;

async function adminWith(authorization: string | null, method: string, path: string) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (authorization !== null) headers.Authorization = authorization;
  const body =
    method === 'POST'
      ? JSON.stringify({ email: 'x@example.com', name: 'X', language: 'en' })
      : undefined;
  const response = await fetch(`${service.url}${path}`, { method, headers, body });
  return { status: response.status, body: (await response.json()) as { error?: string } };
}

test('S27 the admin API answers 401 without the operator token or with a wrong one', async () => {
  const customer = await provisionCustomer(client);
  const accessToken = await logIn(client, await activateCustomer(client, customer));
  const before = await snapshotDatabase(service.db);
  const wrong = [
    null,
    '',
    `Bearer ${ADMIN_TOKEN}x`,
    `Bearer ${ADMIN_TOKEN.slice(0, -1)}`,
    `Bearer ${ADMIN_TOKEN.toUpperCase()}`,
    `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`,
    `Bearer ${accessToken}`,
    ADMIN_TOKEN,
  ];
  const actions = [
    ['GET', '/admin/customers'],
    ['POST', '/admin/customers'],
    ['GET', `/admin/customers/${customer.number}`],
    ['POST', `/admin/customers/${customer.number}/resend-initial-password`],
    ['POST', `/admin/customers/${customer.number}/disable`],
    ['DELETE', `/admin/customers/${customer.number}`],
  ] as const;
  for (const authorization of wrong) {
    for (const [method, path] of actions) {
      const answer = await adminWith(authorization, method, path);
      assert.equal(answer.status, 401, `${method} ${path} with ${authorization}`);
      assert.equal(answer.body.error, 'unauthorized');
    }
    // Past the window of the per-address limit on refusals (tested below).
    service.clock.advance?.(15 * 60_000);
  }
  // Nothing was done; each refusal only left its audit row, with the caller's address, and
  // its count in the caller's throttle row.
  const { audit_log: auditAfter = [], throttle: _, ...after } = await snapshotDatabase(service.db);
  const { audit_log: auditBefore = [], throttle: __, ...unchanged } = before;
  assert.deepEqual(after, unchanged, 'nothing was done');
  const refusals = (await auditRows(service.db)).slice(auditBefore.length);
  assert.equal(auditAfter.length, auditBefore.length + wrong.length * actions.length);
  for (const row of refusals) {
    assert.deepEqual(
      [row.action, row.customer_id, row.address],
      ['admin_refused', null, '127.0.0.1'],
    );
  }
  assert.equal((await adminWith(`Bearer ${ADMIN_TOKEN}`, 'GET', '/admin/customers')).status, 200);
});

test('S27 with no operator token configured the admin API does not exist (404)', async () => {
  const closed = await startService({ env: { PORTAL_ADMIN_TOKEN: '' } });
  try {
    for (const [method, path] of [
      ['GET', '/admin/customers'],
      ['POST', '/admin/customers'],
      ['POST', '/admin/customers/10012345/unlock'],
    ]) {
      for (const authorization of [null, `Bearer ${ADMIN_TOKEN}`, 'Bearer ']) {
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (authorization) headers.Authorization = authorization;
        const response = await fetch(`${closed.url}${path}`, {
          method,
          headers,
          body: method === 'POST' ? '{}' : undefined,
        });
        assert.equal(response.status, 404, `${method} ${path}`);
        assert.equal(((await response.json()) as { error: string }).error, 'not_found');
      }
    }
    const customers = (await queryRow(closed.db, 'SELECT count(*) AS n FROM customers')) as {
      n: number;
    };
    assert.equal(customers.n, 0);
  } finally {
    await closed.stop();
  }
});

test('S27 ten wrong operator tokens from one address in 15 minutes: it waits, even with the right token, others do not', async () => {
  const proxied = await startService({
    env: { PORTAL_TRUSTED_PROXY_HEADER: 'x-forwarded-for' },
    clock: 'manual',
  });
  const call = (address: string, token: string) =>
    fetch(`${proxied.url}/admin/customers`, {
      headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': address },
    });
  try {
    for (let i = 0; i < 10; i++) {
      const refused = await call('203.0.113.7', `${ADMIN_TOKEN}${i}`);
      assert.equal(refused.status, 401, `wrong token ${i + 1}`);
    }
    const throttled = await call('203.0.113.7', ADMIN_TOKEN);
    assert.equal(throttled.status, 429, 'the right token is not even looked at');
    const body = (await throttled.json()) as { error: string; retryAfter: number };
    assert.equal(body.error, 'too_many_attempts');
    assert.equal(throttled.headers.get('Retry-After'), '900');
    assert.equal(body.retryAfter, 900);
    assert.equal((await call('203.0.113.8', ADMIN_TOKEN)).status, 200, 'another address');

    const rows = await auditRows(proxied.db);
    assert.equal(rows.filter((row) => row.action === 'admin_refused').length, 10);
    assert.deepEqual(
      rows.filter((row) => row.action === 'admin_throttled').map((row) => row.address),
      ['203.0.113.7'],
    );
    assert.ok(proxied.logs.some((line) => line.includes('"action":"admin_throttled"')));

    proxied.clock.advance?.(15 * 60_000);
    assert.equal((await call('203.0.113.7', ADMIN_TOKEN)).status, 200, 'after the window');
  } finally {
    await proxied.stop();
  }
});

test('S27 no admin answer holds a password or a hash', async () => {
  const given = newPassword();
  const number = newCustomerNumber();
  const generated = await client.admin('POST', '/admin/customers', {
    email: 'generated@example.com',
    name: 'Generated',
    language: 'de',
  });
  assert.equal(generated.status, 201, generated.text);
  const generatedNumber = (generated.body.customer as { number: string }).number;
  const mail = await latestMail(service.url, 'generated@example.com', 'initial_password');
  const generatedPassword = initialPasswordIn(mail.text);
  const body = {
    number,
    email: 'given@example.com',
    name: 'Given',
    language: 'fr',
    password: given,
  };
  const answers = [
    generated,
    await client.admin('POST', '/admin/customers', body),
    await client.admin('POST', '/admin/customers', body),
    await client.admin('POST', '/admin/customers', {
      ...body,
      number: newCustomerNumber(),
      password: 'short',
    }),
    await client.admin('GET', '/admin/customers'),
    await client.admin('GET', `/admin/customers/${number}`),
    await client.admin('POST', `/admin/customers/${number}/resend-initial-password`, {}),
    await client.admin('POST', `/admin/customers/${number}/unlock`, {}),
    await client.admin('POST', `/admin/customers/${number}/disable`, {}),
    await client.admin('POST', `/admin/customers/${number}/enable`, {}),
    await client.admin('GET', `/admin/customers/${generatedNumber}`),
  ];
  assert.deepEqual(
    answers.map((answer) => answer.status),
    [201, 201, 409, 400, 200, 200, 200, 200, 200, 200, 200],
  );
  const hashes = [...(await passwordHashes(service.db)).values()];
  for (const answer of answers) {
    for (const secret of [given, generatedPassword, 'short', '$argon2', ...hashes]) {
      assert.ok(!answer.text.includes(secret), `an admin answer holds a secret: ${answer.text}`);
    }
    assert.doesNotMatch(answer.text, /"[^"]*(password|hash)"\s*:\s*"/i, answer.text);
  }
});

test('S27 admin actions and logins are audited with time, action, customer and address', async () => {
  const since = (await auditRows(service.db)).length;
  const customer = await provisionCustomer(client);
  const failed = await client.post('/api/login', {
    customerNumber: customer.number,
    password: newPassword(),
  });
  assert.equal(failed.status, 401);
  const active = await activateCustomer(client, customer);
  const accessToken = await logIn(client, active);
  assert.equal((await client.post('/api/logout', {}, accessToken)).status, 204);
  const refused = await client.admin(
    'POST',
    `/admin/customers/${customer.number}/resend-initial-password`,
    {},
  );
  assert.equal(refused.status, 400, 'a chosen password is not replaced without force');
  assert.equal(refused.body.error, 'invalid_request');
  for (const action of ['unlock', 'resend-initial-password', 'disable', 'enable']) {
    // The customer chose a password above: replacing it takes {"force": true}.
    const body = action === 'resend-initial-password' ? { force: true } : {};
    const answer = await client.admin(
      'POST',
      `/admin/customers/${customer.number}/${action}`,
      body,
    );
    assert.equal(answer.status, 200, `${action}: ${answer.text}`);
  }
  for (const row of (await auditRows(service.db)).slice(since)) {
    assert.equal(row.customer_public_id, customer.id, `${row.action} names the customer`);
  }
  // As a CRM sends it: no body, so no Content-Type either.
  const deleted = await client.admin('DELETE', `/admin/customers/${customer.number}`);
  assert.equal(deleted.status, 204, deleted.text);

  const rows = (await auditRows(service.db)).slice(since);
  const expected: [string, string][] = [
    ['customer_created', 'admin:127.0.0.1'],
    ['login_failed', '127.0.0.1'],
    ['login_initial_password', '127.0.0.1'],
    ['password_changed', '127.0.0.1'],
    ['login', '127.0.0.1'],
    ['logout', '127.0.0.1'],
    ['customer_unlocked', 'admin:127.0.0.1'],
    ['initial_password_resent', 'admin:127.0.0.1'],
    ['customer_disabled', 'admin:127.0.0.1'],
    ['customer_enabled', 'admin:127.0.0.1'],
    ['customer_deleted', 'admin:127.0.0.1'],
  ];
  assert.deepEqual(
    rows.map((row) => [row.action, row.address]),
    expected,
  );
  for (const row of rows) {
    // The next customer gets the deleted one's row id: its rows must not show up there.
    assert.equal(row.customer_id, null, `${row.action} is detached from the deleted row id`);
    assert.equal(row.at, service.clock.now(), `${row.action} has the time`);
  }
  assert.equal(rows.at(-1)?.detail, customer.number, 'the deletion names the customer number');
});

test('S05 S27 no audit row or log line holds a password, a hash or a token', async () => {
  const hashes = [...(await passwordHashes(service.db)).values()];
  await assertNoSecretLeaked(service, [...client.secrets, ...hashes, ADMIN_TOKEN]);
  for (const row of await auditRows(service.db)) {
    assert.doesNotMatch(JSON.stringify(row), /\$argon2/);
  }
});
