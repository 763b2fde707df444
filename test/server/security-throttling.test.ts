/**
 * S08: after five failed logins for one customer number, that number waits (1, 2, 4 …
 * up to 15 minutes) and the password is not even looked at; unknown numbers wait the
 * same way; an operator unlock, a successful login or a reset clears the count.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Answer } from '../support/client.ts';
import {
  activateCustomer,
  newCustomerNumber,
  newPassword,
  provisionCustomer,
  type TestCustomer,
} from '../support/customers.ts';
import { auditRows } from '../support/database-snapshot.ts';
import { latestMail, resetTokenIn } from '../support/mailbox.ts';
import { newAddresses, PortalClient } from '../support/portal-client.ts';
import { assertNoSecretLeaked } from '../support/secrets.ts';
import { useService } from '../support/service.ts';

// Each test speaks from its own address, so the per-address limit (S09) stays out of it.
const service = useService({
  env: { PORTAL_TRUSTED_PROXY_HEADER: 'x-forwarded-for' },
  clock: 'manual',
});

const clients: PortalClient[] = [];
const nextAddress = newAddresses('192.0');

function newClient(): PortalClient {
  const client = new PortalClient(service.url, { address: nextAddress() });
  clients.push(client);
  return client;
}

async function activeCustomer(client: PortalClient): Promise<TestCustomer> {
  return activateCustomer(client, await provisionCustomer(client));
}

function logIn(client: PortalClient, customerNumber: string, password: string): Promise<Answer> {
  return client.post('/api/login', { customerNumber, password });
}

async function failTimes(client: PortalClient, customerNumber: string, times: number) {
  for (let i = 0; i < times; i++) {
    const answer = await logIn(client, customerNumber, newPassword());
    assert.equal(answer.status, 401, `failure ${i + 1}: ${answer.text}`);
  }
}

const minutes = (count: number) => count * 60_000;

/** The wait an answer announces, checked to be the same in the header and the body. */
function announcedWait(answer: Answer): number {
  assert.equal(answer.status, 429, answer.text);
  assert.equal(answer.body.error, 'too_many_attempts');
  assert.equal(answer.headers.get('Retry-After'), String(answer.body.retryAfter));
  return Number(answer.body.retryAfter);
}

const failedLogins = async (customer: TestCustomer) =>
  (await auditRows(service.db)).filter(
    (row) => row.action === 'login_failed' && row.customer_public_id === customer.id,
  ).length;

test('S08 after five wrong passwords the sixth attempt waits, without the password being checked', async () => {
  const client = newClient();
  const customer = await activeCustomer(client);
  await failTimes(client, customer.number, 5);
  assert.equal(await failedLogins(customer), 5);

  const locked = await logIn(client, customer.number, customer.password);
  assert.equal(announcedWait(locked), 60);
  assert.equal(client.refreshCookie, null, 'the right password opened no session');
  assert.equal(
    await failedLogins(customer),
    5,
    'the locked attempt was neither checked nor counted',
  );
  assert.ok(
    !(await auditRows(service.db)).some(
      (row) => row.action === 'login' && row.customer_public_id === customer.id,
    ),
  );
  const lockedWrong = await logIn(client, customer.number, newPassword());
  assert.equal(lockedWrong.text, locked.text, 'right and wrong passwords get one answer');
});

test('S08 the waits grow 1, 2, 4, 8 minutes and stop at 15', async () => {
  const client = newClient();
  const customer = await activeCustomer(client);
  await failTimes(client, customer.number, 5);
  const waits: number[] = [];
  for (let round = 0; round < 6; round++) {
    const wait = announcedWait(await logIn(client, customer.number, newPassword()));
    waits.push(wait);
    // One second before the end it still waits; at the end one more guess is allowed.
    service.clock.advance?.((wait - 1) * 1000);
    assert.equal(announcedWait(await logIn(client, customer.number, customer.password)), 1);
    service.clock.advance?.(1000);
    await failTimes(client, customer.number, 1);
  }
  assert.deepEqual(waits, [60, 120, 240, 480, 900, 900]);
});

test('S08 an unknown customer number is throttled exactly like a known one', async () => {
  const client = newClient();
  const customer = await activeCustomer(client);
  const unknown = newCustomerNumber('U');
  const observe = (answer: Answer) => ({
    status: answer.status,
    text: answer.text,
    retryAfter: answer.headers.get('Retry-After'),
  });
  for (let attempt = 1; attempt <= 9; attempt++) {
    const password = newPassword();
    const known = observe(await logIn(client, customer.number, password));
    const other = observe(await logIn(client, unknown, password));
    assert.deepEqual(other, known, `attempt ${attempt}`);
    if (attempt === 6) assert.equal(known.status, 429, 'the known number is locked by now');
    if (attempt === 7) service.clock.advance?.(minutes(1));
  }
});

test('S08 an operator unlock lets the customer log in at once', async () => {
  const client = newClient();
  const customer = await activeCustomer(client);
  await failTimes(client, customer.number, 5);
  const before = await client.admin('GET', `/admin/customers/${customer.number}`);
  assert.equal((before.body.customer as { locked: boolean }).locked, true);
  announcedWait(await logIn(client, customer.number, customer.password));

  const unlocked = await client.admin('POST', `/admin/customers/${customer.number}/unlock`, {});
  assert.equal(unlocked.status, 200, unlocked.text);
  assert.equal((unlocked.body.customer as { locked: boolean }).locked, false);
  const login = await logIn(client, customer.number, customer.password);
  assert.equal(login.status, 200, login.text);
});

test('S08 a successful login starts the count of failures afresh', async () => {
  const client = newClient();
  const customer = await activeCustomer(client);
  await failTimes(client, customer.number, 4);
  assert.equal((await logIn(client, customer.number, customer.password)).status, 200);
  // Without the reset, the fifth failure overall would lock and the sixth attempt wait.
  await failTimes(client, customer.number, 4);
  assert.equal((await logIn(client, customer.number, customer.password)).status, 200);
});

test('S08 a successful password reset lifts the lockout', async () => {
  const client = newClient();
  const customer = await activeCustomer(client);
  await failTimes(client, customer.number, 5);
  announcedWait(await logIn(client, customer.number, customer.password));

  const forgot = await client.post('/api/password/forgot', { customerNumber: customer.number });
  assert.equal(forgot.status, 202);
  const mail = await latestMail(
    service.url,
    `${customer.number.toLowerCase()}@example.com`,
    'password_reset',
  );
  const token = resetTokenIn(mail.text);
  client.secrets.add(token);
  const chosen = newPassword();
  const reset = await client.post('/api/password/reset', { token, newPassword: chosen });
  assert.equal(reset.status, 200, reset.text);
  const login = await logIn(client, customer.number, chosen);
  assert.equal(login.status, 200, login.text);
});

test('S05 no password or token used in this file appears in a log line or an audit row', async () => {
  await assertNoSecretLeaked(
    service,
    clients.flatMap((client) => [...client.secrets]),
  );
});
