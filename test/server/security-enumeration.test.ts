/**
 * S06 (and the S04 cases that must look the same): the login answer never tells whether a
 * customer number exists, neither by what it says nor by how long it takes.
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
import { median } from '../support/median.ts';
import { newAddresses, PortalClient } from '../support/portal-client.ts';
import { assertNoSecretLeaked } from '../support/secrets.ts';
import { useService } from '../support/service.ts';
import { passesInSomeRound } from '../support/timing-rounds.ts';

// Behind the trusted header each request can come from its own address, so the
// per-address limit (S09) never interferes with the volume below.
const service = useService(
  {
    env: { PORTAL_TRUSTED_PROXY_HEADER: 'x-forwarded-for' },
    clock: 'manual',
  },
  async () => {
    client = new PortalClient(service.url);
  },
);

let client: PortalClient;
const nextAddress = newAddresses('203.0');

/** A login from an address no other request used. */
function logInFromNewAddress(customerNumber: string, password: string): Promise<Answer> {
  client.address = nextAddress();
  return client.post('/api/login', { customerNumber, password });
}

/** What a client can observe of an answer, aside from what differs on every request. */
function observable(answer: Answer) {
  const headers = [...answer.headers].filter(
    ([name]) => name !== 'date' && name !== 'x-request-id',
  );
  return { status: answer.status, text: answer.text, headers };
}

test('S06 an unknown customer number and a wrong password get the same status, body and headers', async () => {
  const customer = await activateCustomer(client, await provisionCustomer(client));
  const unknown = await logInFromNewAddress(newCustomerNumber('U'), newPassword());
  const wrong = await logInFromNewAddress(customer.number, newPassword());
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error, 'invalid_credentials');
  assert.deepEqual(observable(unknown), observable(wrong));
});

test('S06 an unknown customer number takes as long as a wrong password (medians of 30 within 15 %)', async (t) => {
  const timeLogin = async (customerNumber: string) => {
    const started = performance.now();
    const answer = await logInFromNewAddress(customerNumber, newPassword());
    const elapsed = performance.now() - started;
    assert.equal(answer.status, 401, answer.text);
    return elapsed;
  };
  await passesInSomeRound(t, 3, async () => {
    // Four or five failures per customer, so the per-number throttle (S08) stays out of it.
    const customers: TestCustomer[] = [];
    for (let i = 0; i < 8; i++) customers.push(await provisionCustomer(client));
    // Warm up both paths, then interleave so drift in machine load hits both alike.
    await timeLogin(newCustomerNumber('U'));
    await timeLogin((customers[7] as TestCustomer).number);
    const unknownTimes: number[] = [];
    const wrongTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const known = (customers[i % 7] as TestCustomer).number;
      if (i % 2 === 0) {
        unknownTimes.push(await timeLogin(newCustomerNumber('U')));
        wrongTimes.push(await timeLogin(known));
      } else {
        wrongTimes.push(await timeLogin(known));
        unknownTimes.push(await timeLogin(newCustomerNumber('U')));
      }
    }
    const unknown = median(unknownTimes);
    const wrong = median(wrongTimes);
    const difference = Math.abs(unknown - wrong) / Math.min(unknown, wrong);
    return {
      passed: difference < 0.15,
      summary: `median unknown ${unknown.toFixed(1)} ms, wrong password ${wrong.toFixed(1)} ms: ${(difference * 100).toFixed(0)} % apart`,
    };
  });
});

test('S06 a disabled customer with the right password gets the wrong-password answer', async () => {
  const customer = await activateCustomer(client, await provisionCustomer(client));
  const disabled = await client.admin('POST', `/admin/customers/${customer.number}/disable`, {});
  assert.equal(disabled.status, 200, disabled.text);
  const right = await logInFromNewAddress(customer.number, customer.password);
  // The first failure of a number that does not exist: the same count of tries left.
  const wrong = await logInFromNewAddress(newCustomerNumber('U'), newPassword());
  assert.equal(right.status, 401);
  assert.deepEqual(observable(right), observable(wrong));
  assert.equal(client.refreshCookie, null, 'no session was opened');
});

test('S06 S08 the warning before a wait counts down alike for a known and an unknown number, to the same wait', async () => {
  const customer = await activateCustomer(client, await provisionCustomer(client));
  const unknownNumber = newCustomerNumber('U');
  for (const attemptsLeft of [4, 3, 2, 1, 0]) {
    const wrong = await logInFromNewAddress(customer.number, newPassword());
    const unknown = await logInFromNewAddress(unknownNumber, newPassword());
    assert.equal(wrong.body.error, 'invalid_credentials');
    assert.equal(wrong.body.attemptsLeft, attemptsLeft, 'tries left before a wait');
    assert.equal(wrong.body.retryAfter, attemptsLeft === 0 ? 60 : undefined, 'the wait it started');
    assert.deepEqual(observable(unknown), observable(wrong));
  }
});

test('S04 S06 an expired initial password: a wrong one gets the usual answer; only the right one hears it expired', async () => {
  const customer = await provisionCustomer(client);
  const fresh = await logInFromNewAddress(customer.number, customer.password);
  assert.equal(fresh.body.status, 'password_change_required', 'valid before it expires');
  service.clock.advance?.(14 * 24 * 3_600_000);
  const wrong = await logInFromNewAddress(customer.number, newPassword());
  const unknown = await logInFromNewAddress(newCustomerNumber('U'), newPassword());
  assert.equal(wrong.status, 401);
  assert.deepEqual(observable(wrong), observable(unknown));
  const expired = await logInFromNewAddress(customer.number, customer.password);
  assert.equal(expired.status, 401);
  assert.equal(expired.body.error, 'initial_password_expired');
  assert.equal(client.refreshCookie, null, 'no session, no change token');
  assert.equal(expired.body.changeToken, undefined);
});

test('S05 no password or token used in this file appears in a log line or an audit row', async () => {
  await assertNoSecretLeaked(service, client.secrets);
});
