/**
 * S08 and S09 under concurrency: guesses sent all at once, while the first ones are still
 * being hashed, must not get past the throttle. Each attempt takes its place in the count
 * before the password is checked, so no more guesses reach the hash than one at a time
 * would: 5 per customer number, 30 failed logins per address. The test counts the
 * password checks the service starts (argon2 verifications, the dummy ones included).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countPasswordVerifications } from '../../server/auth/passwords.ts';
import type { Answer } from '../support/client.ts';
import {
  activateCustomer,
  logIn,
  newCustomerNumber,
  newPassword,
  provisionCustomer,
  type TestCustomer,
} from '../support/customers.ts';
import { auditRows } from '../support/database-snapshot.ts';
import { newAddresses, PortalClient } from '../support/portal-client.ts';
import { assertNoSecretLeaked } from '../support/secrets.ts';
import { useService } from '../support/service.ts';

const service = useService({
  env: { PORTAL_TRUSTED_PROXY_HEADER: 'x-forwarded-for' },
  clock: 'manual',
});

const clients: PortalClient[] = [];
const nextAddress = newAddresses('198.51');

/** A client from an address of its own, so only the limit under test is reached. */
function newClient(): PortalClient {
  const client = new PortalClient(service.url, { address: nextAddress() });
  clients.push(client);
  return client;
}

async function activeCustomer(): Promise<TestCustomer> {
  const client = newClient();
  return activateCustomer(client, await provisionCustomer(client));
}

/** Sends every request at once and counts the password checks they started. */
async function burst(
  requests: Array<() => Promise<Answer>>,
): Promise<{ hashed: number; statuses: Record<number, number> }> {
  const before = countPasswordVerifications();
  const answers = await Promise.all(requests.map((send) => send()));
  const statuses: Record<number, number> = {};
  for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  return { hashed: countPasswordVerifications() - before, statuses };
}

const GUESSES = 20;

test(`S08 ${GUESSES} wrong passwords sent at once for one customer number: 5 reach the password hash, the others wait`, async (t) => {
  const customer = await activeCustomer();
  const result = await burst(
    Array.from(
      { length: GUESSES },
      () => () =>
        newClient().post('/api/login', {
          customerNumber: customer.number,
          password: newPassword(),
        }),
    ),
  );
  t.diagnostic(`${result.hashed} of ${GUESSES} guesses reached the hash`);
  assert.equal(result.hashed, 5);
  assert.deepEqual(result.statuses, { 401: 5, 429: GUESSES - 5 });
  const failed = (await auditRows(service.db)).filter(
    (row) => row.action === 'login_failed' && row.customer_public_id === customer.id,
  );
  assert.equal(failed.length, 5, 'every guess that was checked is in the audit log');

  // The lock is the one five failures in a row set: one minute, then one more guess.
  const locked = await newClient().post('/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(locked.status, 429);
  assert.equal(locked.headers.get('Retry-After'), '60');
  service.clock.advance?.(60_000);
  const login = await newClient().post('/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(login.status, 200, login.text);
});

test(`S08 ${GUESSES} guesses at once for an unknown customer number are held exactly like a known one`, async (t) => {
  const unknown = newCustomerNumber('U');
  const result = await burst(
    Array.from(
      { length: GUESSES },
      () => () =>
        newClient().post('/api/login', { customerNumber: unknown, password: newPassword() }),
    ),
  );
  t.diagnostic(`${result.hashed} of ${GUESSES} guesses reached the (dummy) hash`);
  assert.equal(result.hashed, 5);
  assert.deepEqual(result.statuses, { 401: 5, 429: GUESSES - 5 });
});

test('S09 fifty failed logins at once from one address: 30 reach the password hash, the others wait', async (t) => {
  const stuffer = newClient();
  const result = await burst(
    Array.from(
      { length: 50 },
      () => () =>
        stuffer.post('/api/login', {
          customerNumber: newCustomerNumber('U'),
          password: newPassword(),
        }),
    ),
  );
  t.diagnostic(`${result.hashed} of 50 guesses reached the hash`);
  assert.equal(result.hashed, 30);
  assert.deepEqual(result.statuses, { 401: 30, 429: 20 });
});

test(`S08 ${GUESSES} wrong "Previous password" guesses at once in a session: 5 reach the hash, the others wait`, async (t) => {
  const customer = await activeCustomer();
  const owner = newClient();
  const accessToken = await logIn(owner, customer);
  const result = await burst(
    Array.from(
      { length: GUESSES },
      () => () =>
        owner.post(
          '/api/password/change',
          { currentPassword: newPassword(), newPassword: newPassword() },
          accessToken,
        ),
    ),
  );
  t.diagnostic(`${result.hashed} of ${GUESSES} guesses reached the hash`);
  assert.equal(result.hashed, 5);
  assert.deepEqual(result.statuses, { 401: 5, 429: GUESSES - 5 });
});

test('S08 the right password in a burst of guesses logs in, and leaves no wait behind', async () => {
  const customer = await activeCustomer();
  const answers = await Promise.all([
    ...Array.from({ length: 3 }, () =>
      newClient().post('/api/login', { customerNumber: customer.number, password: newPassword() }),
    ),
    newClient().post('/api/login', {
      customerNumber: customer.number,
      password: customer.password,
    }),
  ]);
  assert.equal(answers.at(-1)?.status, 200, answers.at(-1)?.text);
  assert.equal(answers.filter((answer) => answer.status === 401).length, 3);
  // The guesses were counted, and the success forgot them: the next login does not wait.
  const login = await newClient().post('/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(login.status, 200, login.text);
});

test('S08 ten logins with the right password sent at once from one address all succeed', async () => {
  const customer = await activeCustomer();
  const client = newClient();
  const result = await burst(
    Array.from(
      { length: 10 },
      () => () =>
        client.post('/api/login', { customerNumber: customer.number, password: customer.password }),
    ),
  );
  // Those beyond the fifth waited for the first to be checked, which forgot the count.
  assert.deepEqual(result.statuses, { 200: 10 });
  assert.equal(result.hashed, 10);
});

test('S09 a successful login gives its place in the address budget back', async () => {
  const customer = await activeCustomer();
  const client = newClient();
  for (let i = 0; i < 29; i++) {
    const answer = await client.post('/api/login', {
      customerNumber: newCustomerNumber('U'),
      password: newPassword(),
    });
    assert.equal(answer.status, 401, `failure ${i + 1}`);
  }
  for (let i = 0; i < 3; i++) {
    const answer = await client.post('/api/login', {
      customerNumber: customer.number,
      password: customer.password,
    });
    assert.equal(answer.status, 200, `login ${i + 1}: ${answer.text}`);
  }
  const thirtieth = await client.post('/api/login', {
    customerNumber: newCustomerNumber('U'),
    password: newPassword(),
  });
  assert.equal(thirtieth.status, 401);
  const locked = await client.post('/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(locked.status, 429, 'the thirtieth failure locks the address');
});

test('S05 no password or token used in this file appears in a log line or an audit row', async () => {
  await assertNoSecretLeaked(
    service,
    clients.flatMap((client) => [...client.secrets]),
  );
});
