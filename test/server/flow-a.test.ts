/**
 * Help text A, over HTTP: the operator provisions a customer with the CLI, the customer
 * reads two mails, logs in with the initial password, changes it, logs in again, sees
 * the internal area, and logs out.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../../server/cli.ts';
import type { Customer, LoginResponse, SessionResponse } from '../../server/contract.ts';
import { Client } from '../support/client.ts';
import { activateCustomer, logIn, provisionCustomer } from '../support/customers.ts';
import { initialPasswordIn, latestMail, readMailbox } from '../support/mailbox.ts';
import { useService } from '../support/service.ts';

const service = useService();

test('A.1–A.6 a customer provisioned by the CLI changes the initial password, logs in and out', async () => {
  const printed: string[] = [];
  const code = await runCli(
    [
      'customers',
      'add',
      '--email',
      'anna.meier@example.ch',
      '--name',
      'Anna Meier',
      '--language',
      'de',
    ],
    service.database.env,
    (line) => printed.push(line),
  );
  assert.equal(code, 0);
  const number = /Created customer (\d+)/.exec(printed.join('\n'))?.[1];
  assert.ok(number, 'the CLI prints the new customer number');

  // A.1, A.2: two separate mails, the number in one, the password in the other.
  const numberMail = await latestMail(service.url, 'anna.meier@example.ch', 'customer_number');
  const passwordMail = await latestMail(service.url, 'anna.meier@example.ch', 'initial_password');
  assert.ok(numberMail.text.includes(number));
  const initialPassword = initialPasswordIn(passwordMail.text);
  assert.ok(!numberMail.text.includes(initialPassword), 'the number mail holds no password');
  assert.ok(!passwordMail.text.includes(number), 'the password mail holds no customer number');
  assert.ok(!printed.join('\n').includes(initialPassword), 'the CLI never prints the password');

  // A.3: the initial password opens no session, only the change window.
  const client = new Client(service.url);
  const first = await client.post<LoginResponse>('/api/login', {
    customerNumber: number,
    password: initialPassword,
  });
  assert.equal(first.status, 200);
  assert.equal(first.body.status, 'password_change_required');
  assert.equal(client.refreshCookie, null, 'no session cookie before the change');
  const changeToken =
    first.body.status === 'password_change_required' ? first.body.changeToken : '';

  // A.4: previous password, new password, "Change password".
  const changed = await client.post(
    '/api/password/change',
    { currentPassword: initialPassword, newPassword: 'Sonnenblume-42!' },
    changeToken,
  );
  assert.equal(changed.status, 204);
  assert.equal(client.refreshCookie, null, 'back to the login, not logged in (A.5)');
  const notice = await latestMail(service.url, 'anna.meier@example.ch', 'password_changed');
  assert.ok(notice, 'a "your password was changed" mail is queued');

  // A.5: log in with the new password; the old one no longer works.
  const old = await client.post('/api/login', {
    customerNumber: number,
    password: initialPassword,
  });
  assert.equal(old.status, 401);
  const login = await client.post<SessionResponse>('/api/login', {
    customerNumber: ` ${number} `,
    password: 'Sonnenblume-42!',
  });
  assert.equal(login.status, 200);
  assert.equal(login.body.status, 'ok');
  const { id, ...shown } = login.body.customer;
  assert.deepEqual(shown, { number, name: 'Anna Meier', language: 'de' });
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(client.refreshCookie, 'the refresh cookie is set');

  // A.6: the internal area shows the customer; "Log out" ends the session.
  const me = await client.get<Customer>('/api/me', login.body.accessToken);
  assert.equal(me.status, 200);
  assert.equal(me.body.name, 'Anna Meier');
  assert.equal(me.body.id, id, 'the same customer id as in the login answer');
  const cookieBeforeLogout = client.refreshCookie;
  const logout = await client.post('/api/logout', {}, login.body.accessToken);
  assert.equal(logout.status, 204);
  assert.equal(client.refreshCookie, null, 'the browser drops the cookie');
  assert.equal((await client.get('/api/me', login.body.accessToken)).status, 401);
  assert.equal((await client.post('/api/session/refresh')).status, 204, 'no cookie: no session');
  client.refreshCookie = cookieBeforeLogout;
  assert.equal((await client.post('/api/session/refresh')).status, 401, 'a kept copy fails');
});

test('A.4 the change window answers each mistake with its own error', async () => {
  const client = new Client(service.url);
  const created = await client.admin<{ customer: Customer }>('POST', '/admin/customers', {
    email: 'luca@example.it',
    name: 'Luca Rossi',
    language: 'it',
    password: 'Primo-Accesso-9!',
  });
  const number = created.body.customer.number;
  const login = await client.post<{ changeToken: string }>('/api/login', {
    customerNumber: number,
    password: 'Primo-Accesso-9!',
  });
  const token = login.body.changeToken;
  const change = (currentPassword: string, newPassword: string) =>
    client.post('/api/password/change', { currentPassword, newPassword }, token);

  const wrongPrevious = await change('Falsch-1234!', 'Nuova-Password-7!');
  assert.equal(wrongPrevious.status, 401);
  assert.equal(wrongPrevious.body.error, 'invalid_current_password');

  const same = await change('Primo-Accesso-9!', 'Primo-Accesso-9!');
  assert.equal(same.status, 400);
  assert.equal(same.body.error, 'password_unchanged');

  const weak = await change('Primo-Accesso-9!', 'wq');
  assert.equal(weak.status, 400);
  assert.equal(weak.body.error, 'password_policy');
  assert.deepEqual(weak.body.failedRules, ['length', 'uppercase', 'digit', 'symbol']);

  const withNumber = await change('Primo-Accesso-9!', `Kunde-${number}!a`);
  assert.deepEqual(withNumber.body.failedRules, ['contains_customer_number']);

  const common = await change('Primo-Accesso-9!', 'Password123!');
  assert.deepEqual(common.body.failedRules, ['common']);

  // After all these, the token still works once; then it is spent.
  assert.equal((await change('Primo-Accesso-9!', 'Nuova-Password-7!')).status, 204);
  const again = await change('Nuova-Password-7!', 'Altra-Password-8!');
  assert.equal(again.status, 401);
  assert.equal(again.body.error, 'unauthorized');
});

test('a signed-in customer changes the password and keeps going in a new session, the others end', async () => {
  const client = new Client(service.url);
  const other = new Client(service.url);
  const customer = await activateCustomer(
    client,
    await provisionCustomer(client, { language: 'fr', name: 'Marie Dubois' }),
    'Jardin-Fleuri-8?',
  );
  const here = await logIn(client, customer);
  const there = await logIn(other, customer);

  const changed = await client.post<SessionResponse>(
    '/api/password/change',
    { currentPassword: 'Jardin-Fleuri-8?', newPassword: 'Maison-Bleue-9#' },
    here,
  );
  assert.equal(changed.status, 200);
  assert.equal(changed.body.status, 'ok');
  assert.equal((await client.get('/api/me', changed.body.accessToken)).status, 200);
  assert.equal((await client.get('/api/me', here)).status, 401, 'the old session ended');
  assert.equal((await other.get('/api/me', there)).status, 401, 'the other browser is out');
  assert.equal((await other.post('/api/session/refresh')).status, 401);
  const email = `${customer.number.toLowerCase()}@example.com`;
  const mails = (await readMailbox(service.url)).filter((mail) => mail.to === email);
  assert.equal(mails.filter((mail) => mail.kind === 'password_changed').length, 2);
});

test('the customer picks a preferred language in the internal area, and it is kept', async () => {
  const client = new Client(service.url);
  const customer = await activateCustomer(
    client,
    await provisionCustomer(client, { language: 'en' }),
  );
  const token = await logIn(client, customer);
  const patched = await client.request<Customer>('PATCH', '/api/me', {
    body: { language: 'fr' },
    token,
  });
  assert.equal(patched.status, 200);
  assert.equal(patched.body.language, 'fr');
  const unknown = await client.request('PATCH', '/api/me', { body: { language: 'es' }, token });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.error, 'invalid_request');
  assert.equal(unknown.body.field, 'language');
  assert.equal((await client.get<Customer>('/api/me', token)).body.language, 'fr');
});
