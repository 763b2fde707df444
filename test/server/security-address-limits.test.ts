/**
 * S09: per source address, failed logins, forgot-password requests and failed resets are
 * limited (credential stuffing); behind a proxy the address comes from the configured
 * header only, and only from its last hop.
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
import { PortalClient } from '../support/portal-client.ts';
import { assertNoSecretLeaked } from '../support/secrets.ts';
import { startService, type TestService, useService } from '../support/service.ts';

const proxied = useService(
  {
    env: { PORTAL_TRUSTED_PROXY_HEADER: 'x-forwarded-for' },
    clock: 'manual',
  },
  async () => {
    customer = await activateCustomer(
      newClient(proxied, '192.0.2.1'),
      await provisionCustomer(newClient(proxied, '192.0.2.1')),
    );
  },
);

let customer: TestCustomer;
const clients: PortalClient[] = [];

function newClient(service: TestService, address?: string): PortalClient {
  const client = new PortalClient(service.url, address ? { address } : {});
  clients.push(client);
  return client;
}

/** Failed logins, each for another unknown number so no account lock (S08) is involved. */
async function failLogins(client: PortalClient, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const answer = await client.post('/api/login', {
      customerNumber: newCustomerNumber('U'),
      password: newPassword(),
    });
    assert.equal(answer.status, 401, `failure ${i + 1}: ${answer.text}`);
  }
}

function logIn(client: PortalClient, who: TestCustomer): Promise<Answer> {
  return client.post('/api/login', { customerNumber: who.number, password: who.password });
}

function assertWaits(answer: Answer, atMostSeconds: number): void {
  assert.equal(answer.status, 429, answer.text);
  assert.equal(answer.body.error, 'too_many_attempts');
  const wait = Number(answer.headers.get('Retry-After'));
  assert.ok(wait > 0 && wait <= atMostSeconds, `Retry-After ${wait}`);
}

test('S09 thirty failed logins from one address lock that address for 15 minutes, and only it', async () => {
  const stuffer = newClient(proxied, '203.0.113.10');
  await failLogins(stuffer, 30);
  // Even the right password of a real customer waits, from that address only.
  assertWaits(await logIn(stuffer, customer), 15 * 60);
  assert.equal(stuffer.refreshCookie, null);
  const elsewhere = await logIn(newClient(proxied, '203.0.113.11'), customer);
  assert.equal(elsewhere.status, 200, elsewhere.text);

  proxied.clock.advance?.(15 * 60_000);
  const later = await logIn(stuffer, customer);
  assert.equal(later.status, 200, later.text);
});

test('S09 a forged first hop in the trusted header does not escape the limit', async () => {
  const stuffer = newClient(proxied, '203.0.113.20');
  await failLogins(stuffer, 30);
  // The proxy appends the address it saw; whatever the client wrote before it is ignored.
  stuffer.address = '198.51.100.99, 203.0.113.20';
  assertWaits(await logIn(stuffer, customer), 15 * 60);
  const rows = (await auditRows(proxied.db)).filter((row) => row.action === 'login_failed');
  assert.ok(rows.some((row) => row.address === '203.0.113.20'));
  assert.ok(!rows.some((row) => row.address?.includes('198.51.100.99')));
});

test('S09 without a configured proxy header, X-Forwarded-For is ignored and the socket counts', async () => {
  const direct = await startService();
  try {
    const someone = await activateCustomer(
      newClient(direct),
      await provisionCustomer(newClient(direct)),
    );
    const stuffer = newClient(direct);
    for (let i = 0; i < 30; i++) {
      stuffer.address = `198.51.100.${i + 1}`;
      await failLogins(stuffer, 1);
    }
    stuffer.address = '198.51.100.200';
    assertWaits(await logIn(stuffer, someone), 15 * 60);
    const addresses = new Set(
      (await auditRows(direct.db))
        .filter((row) => row.action === 'login_failed')
        .map((row) => row.address),
    );
    assert.deepEqual([...addresses], ['127.0.0.1']);
  } finally {
    await direct.stop();
  }
});

test('S09 forgot-password requests are limited to 10 per address in 15 minutes', async () => {
  const client = newClient(proxied, '203.0.113.30');
  for (let i = 0; i < 10; i++) {
    const answer = await client.post('/api/password/forgot', {
      customerNumber: newCustomerNumber('U'),
    });
    assert.equal(answer.status, 202, `request ${i + 1}: ${answer.text}`);
  }
  const auditBefore = (await auditRows(proxied.db)).length;
  const refused = await client.post('/api/password/forgot', { customerNumber: customer.number });
  assertWaits(refused, 15 * 60);
  assert.equal((await auditRows(proxied.db)).length, auditBefore, 'nothing was done for it');
  const other = await newClient(proxied, '203.0.113.31').post('/api/password/forgot', {
    customerNumber: newCustomerNumber('U'),
  });
  assert.equal(other.status, 202);
});

test('S09 failed reset attempts are limited to 20 per address in 15 minutes', async () => {
  const guesser = newClient(proxied, '203.0.113.40');
  for (let i = 0; i < 20; i++) {
    const answer = await guesser.post('/api/password/reset', {
      token: `guess${i}`.padEnd(43, 'x'),
      newPassword: newPassword(),
    });
    assert.equal(answer.status, 400, `guess ${i + 1}: ${answer.text}`);
    assert.equal(answer.body.error, 'invalid_or_expired_link');
  }
  // A real link, asked for from elsewhere, is refused from the guessing address …
  const owner = newClient(proxied, '203.0.113.41');
  assert.equal(
    (await owner.post('/api/password/forgot', { customerNumber: customer.number })).status,
    202,
  );
  const mail = await latestMail(
    proxied.url,
    `${customer.number.toLowerCase()}@example.com`,
    'password_reset',
  );
  const token = resetTokenIn(mail.text);
  owner.secrets.add(token);
  const chosen = newPassword();
  assertWaits(await guesser.post('/api/password/reset', { token, newPassword: chosen }), 15 * 60);
  // … and still works from the owner's address.
  const reset = await owner.post('/api/password/reset', { token, newPassword: chosen });
  assert.equal(reset.status, 200, reset.text);
  customer = { ...customer, password: chosen };
});

test('S05 no password or token used in this file appears in a log line or an audit row', async () => {
  await assertNoSecretLeaked(
    proxied,
    clients.flatMap((client) => [...client.secrets]),
  );
});
