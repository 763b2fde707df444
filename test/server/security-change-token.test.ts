/**
 * S14: logging in with the initial password opens no session; the change token it returns
 * works only for POST /api/password/change, only once, and only for 10 minutes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  newPassword,
  provisionCustomer,
  requestChangeToken,
  type TestCustomer,
} from '../support/customers.ts';
import { PortalClient } from '../support/portal-client.ts';
import { assertNoSecretLeaked } from '../support/secrets.ts';
import { useService } from '../support/service.ts';

const service = useService({ clock: 'manual' }, async () => {
  client = new PortalClient(service.url);
});

let client: PortalClient;

function changePassword(token: string, customer: TestCustomer, chosen = newPassword()) {
  return client.post(
    '/api/password/change',
    { currentPassword: customer.password, newPassword: chosen },
    token,
  );
}

/** The initial password still opens the change window: nothing was changed. */
async function assertStillInitial(customer: TestCustomer): Promise<void> {
  const login = await client.post('/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(login.body.status, 'password_change_required', login.text);
}

test('S14 the initial password opens no session: no refresh cookie, only a change token', async () => {
  const customer = await provisionCustomer(client);
  const login = await client.post('/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(login.status, 200);
  assert.equal(login.body.status, 'password_change_required');
  assert.equal(login.body.accessToken, undefined);
  assert.deepEqual(client.setCookies, []);
  assert.equal(client.refreshCookie, null);
  const refresh = await client.post<{ accessToken?: string }>('/api/session/refresh');
  assert.equal(refresh.status, 204, 'no session to refresh');
  assert.equal(refresh.body.accessToken, undefined);
});

test('S14 the change token does not open the internal area: GET /api/me is 401', async () => {
  const customer = await provisionCustomer(client);
  const token = await requestChangeToken(client, customer);
  const me = await client.get('/api/me', token);
  assert.equal(me.status, 401);
  assert.equal(me.body.error, 'unauthorized');
  const patch = await client.request('PATCH', '/api/me', { body: { language: 'fr' }, token });
  assert.equal(patch.status, 401);
  // The token is still good for what it is for.
  assert.equal((await changePassword(token, customer)).status, 204);
});

test('S14 the change token works once', async () => {
  const customer = await provisionCustomer(client);
  const token = await requestChangeToken(client, customer);
  const chosen = newPassword();
  assert.equal((await changePassword(token, customer, chosen)).status, 204);
  const again = await changePassword(token, { ...customer, password: chosen });
  assert.equal(again.status, 401);
  assert.equal(again.body.error, 'unauthorized');
  const login = await client.post('/api/login', {
    customerNumber: customer.number,
    password: chosen,
  });
  assert.equal(login.body.status, 'ok', 'the first change stands, the second did nothing');
});

test('S14 the change token works for 10 minutes and not a moment longer', async () => {
  const early = await provisionCustomer(client);
  const late = await provisionCustomer(client);
  const earlyToken = await requestChangeToken(client, early);
  const lateToken = await requestChangeToken(client, late);
  service.clock.advance?.(10 * 60_000 - 1000);
  assert.equal((await changePassword(earlyToken, early)).status, 204, 'valid at 9:59');
  service.clock.advance?.(1000);
  const expired = await changePassword(lateToken, late);
  assert.equal(expired.status, 401, 'expired at 10:00');
  assert.equal(expired.body.error, 'unauthorized');
  await assertStillInitial(late);
});

test('S14 a wrong previous password with the change token changes nothing', async () => {
  const customer = await provisionCustomer(client);
  const token = await requestChangeToken(client, customer);
  const wrong = await client.post(
    '/api/password/change',
    { currentPassword: newPassword(), newPassword: newPassword() },
    token,
  );
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error, 'invalid_current_password');
  await assertStillInitial(customer);
});

test('S05 no password or token used in this file appears in a log line or an audit row', async () => {
  await assertNoSecretLeaked(service, client.secrets);
});
