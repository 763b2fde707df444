/**
 * Help text C over HTTP, with real mail: "Forgot your password", the mail with the
 * "Change password now" link arrives at a real SMTP server, "set password" logs the
 * customer in (S15) with the token in the link's fragment (S12); and the rules around
 * reset links (S07, S10, S11, S13).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SessionResponse } from '../../server/contract.ts';
import { Client } from '../support/client.ts';
import {
  activateCustomer,
  logIn,
  provisionCustomer,
  type TestCustomer,
} from '../support/customers.ts';
import { queryRows } from '../support/database-query.ts';
import { resetTokenIn } from '../support/mailbox.ts';
import { startService, type TestService } from '../support/service.ts';
import { type MailServer, startMailServer } from '../support/smtp-capture.ts';

let smtp: MailServer;
let service: TestService & { clock: { advance?(milliseconds: number): void } };
let client: Client;

before(async () => {
  smtp = await startMailServer();
  service = await startService({
    clock: 'manual',
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PORTAL_TRUSTED_PROXY_HEADER: 'x-forwarded-for',
    },
  });
  client = new Client(service.url);
});
after(async () => {
  await service.stop();
  await smtp.close();
});

async function customerIn(language: string): Promise<TestCustomer & { email: string }> {
  const customer = await activateCustomer(client, await provisionCustomer(client, { language }));
  return { ...customer, email: `${customer.number.toLowerCase()}@example.com` };
}

/** Asks for a reset link and returns the token from the mail the SMTP server received. */
async function requestResetMail(
  customer: TestCustomer & { email: string },
  address = '192.0.2.10',
) {
  const before = smtp.received.length;
  const answer = await client.request('POST', '/api/password/forgot', {
    body: { customerNumber: customer.number, language: 'en' },
    headers: { 'X-Forwarded-For': address },
  });
  assert.equal(answer.status, 202);
  await service.afterAnswers();
  await service.mailWorker?.deliverDue();
  const mails = smtp.received
    .slice(before)
    .filter((mail) => mail.envelopeTo.includes(customer.email));
  const reset = mails.find((mail) => mail.text.includes('#portal-reset='));
  return { answer, mail: reset, token: reset ? resetTokenIn(reset.text) : null };
}

const reset = (token: string, newPassword: string) =>
  client.post<SessionResponse & { error?: string }>('/api/password/reset', { token, newPassword });

test('C.1–C.6 S12 S15 forgot → mail → "Change password now" (token in the fragment) → "set password" → internal area; the link works once', async () => {
  const customer = await customerIn('de');
  const { mail, token } = await requestResetMail(customer);
  assert.ok(mail && token, 'the reset mail arrived at the SMTP server');
  assert.equal(
    mail.subject,
    'Passwort für das Kundenportal zurücksetzen',
    'in the customer’s language',
  );
  assert.match(mail.text, /Passwort jetzt ändern/);
  assert.match(mail.text, new RegExp(`http://localhost:9999/portal#portal-reset=${token}`));
  assert.ok(!mail.text.includes('?'.concat('token')), 'the token is in the fragment, not a query');

  const other = new Client(service.url);
  const otherSession = await logIn(other, customer);
  const answer = await reset(token, 'Neues-Passwort-2026!');
  assert.equal(answer.status, 200);
  assert.equal(answer.body.status, 'ok', 'set password logs the customer in (C.6)');
  assert.equal((await client.get('/api/me', answer.body.accessToken)).status, 200);
  assert.equal(
    (await other.get('/api/me', otherSession)).status,
    401,
    'every other session ended (S13)',
  );

  const old = await client.post('/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(old.status, 401, 'the old password no longer works');
  const again = await reset(token, 'Noch-Ein-Passwort-7!');
  assert.equal(again.status, 400);
  assert.equal(again.body.error, 'invalid_or_expired_link');

  await service.mailWorker?.deliverDue();
  const notice = smtp.received.find(
    (item) => item.envelopeTo.includes(customer.email) && item.subject.includes('geändert'),
  );
  assert.ok(notice, 'a "your password was changed" mail follows (S13)');
});

test('S07 known, unknown, disabled and locked numbers get the same 202 and body; only the known one gets mail', async () => {
  const known = await customerIn('en');
  const disabled = await customerIn('en');
  const locked = await customerIn('en');
  await client.admin('POST', `/admin/customers/${disabled.number}/disable`, {});
  for (let i = 0; i < 6; i++) {
    await client.post('/api/login', { customerNumber: locked.number, password: 'Wrong-Guess-99!' });
  }
  const answers = [];
  for (const number of [known.number, 'NO-SUCH-NUMBER', disabled.number, locked.number]) {
    const answer = await client.request('POST', '/api/password/forgot', {
      body: { customerNumber: number, language: 'en' },
      headers: { 'X-Forwarded-For': '192.0.2.20' },
    });
    answers.push({ status: answer.status, body: answer.text });
  }
  assert.deepEqual(new Set(answers.map((answer) => JSON.stringify(answer))).size, 1);
  assert.equal(answers[0]?.status, 202);
  await service.mailWorker?.deliverDue();
  const resetMailsTo = (email: string) =>
    smtp.received.filter(
      (mail) => mail.envelopeTo.includes(email) && mail.text.includes('#portal-reset='),
    ).length;
  assert.equal(resetMailsTo(known.email), 1);
  assert.equal(resetMailsTo(disabled.email), 0, 'a disabled customer gets no link');
  assert.equal(
    resetMailsTo(locked.email),
    1,
    'a locked-out customer can still reset, and that unlocks',
  );
});

test('S10 at most three reset mails an hour per customer; further requests still answer 202', async () => {
  const customer = await customerIn('fr');
  const tokens = [];
  for (let i = 0; i < 5; i++) {
    const { answer, token } = await requestResetMail(customer, `203.0.113.${i}`);
    assert.equal(answer.status, 202);
    tokens.push(token);
  }
  assert.equal(tokens.filter(Boolean).length, 3);
  service.clock.advance?.(61 * 60_000);
  assert.ok(
    (await requestResetMail(customer, '203.0.113.50')).token,
    'an hour later a new mail goes out',
  );
});

test('S11 a used, expired, replaced or altered link says the link is no longer valid', async () => {
  const customer = await customerIn('it');
  const first = (await requestResetMail(customer, '192.0.2.31')).token ?? '';
  const second = (await requestResetMail(customer, '192.0.2.32')).token ?? '';
  assert.ok(first && second && first !== second);
  assert.ok(first.length >= 43, 'at least 256 random bits in base64url');

  const replaced = await reset(first, 'Nuova-Password-1!');
  assert.equal(replaced.body.error, 'invalid_or_expired_link', 'only the newest link is valid');
  const altered = `${second.slice(0, -1)}${second.endsWith('A') ? 'B' : 'A'}`;
  assert.equal((await reset(altered, 'Nuova-Password-1!')).body.error, 'invalid_or_expired_link');

  const stored = JSON.stringify(await queryRows(service.db, 'SELECT * FROM reset_tokens'));
  assert.ok(!stored.includes(second), 'the token is stored only as a hash');

  service.clock.advance?.(61 * 60_000);
  const expired = await reset(second, 'Nuova-Password-1!');
  assert.equal(expired.status, 400);
  assert.equal(expired.body.error, 'invalid_or_expired_link', 'a link is valid 60 minutes');
});

/** Asks, as the widget does when a link opens, whether it still works (the token in the body). */
const checkLink = (token: string, address = '192.0.2.70') =>
  client.request('POST', '/api/password/reset/check', {
    body: { token },
    headers: { 'X-Forwarded-For': address },
  });

test('C.5 S11 a link is checked as it opens without being used up; a replaced or used one is refused at once', async () => {
  const customer = await customerIn('fr');
  const first = (await requestResetMail(customer, '192.0.2.61')).token ?? '';
  for (const time of ['first', 'second']) {
    const check = await checkLink(first);
    assert.equal(check.status, 200, `${time} check: ${check.text}`);
    assert.deepEqual(check.body, { status: 'valid' });
  }
  const second = (await requestResetMail(customer, '192.0.2.62')).token ?? '';
  const replaced = await checkLink(first);
  assert.equal(replaced.status, 400);
  assert.equal(replaced.body.error, 'invalid_or_expired_link', 'a newer link replaced it');
  assert.equal((await checkLink(second)).status, 200);
  assert.equal((await reset(second, 'Nouveau-Mot-De-Passe-3!')).status, 200, 'still usable');
  assert.equal((await checkLink(second)).body.error, 'invalid_or_expired_link', 'used: refused');
});

test('S09 S11 checks of links that do not work count against the address as failed resets do: 20 in 15 minutes', async () => {
  const unknownToken = (index: number) =>
    `NoSuchResetTokenAtAll_${String(index).padStart(22, '0')}`;
  for (let index = 0; index < 20; index++) {
    const check = await checkLink(unknownToken(index), '192.0.2.80');
    assert.equal(check.status, 400, `check ${index + 1}`);
  }
  const throttled = await checkLink(unknownToken(20), '192.0.2.80');
  assert.equal(throttled.status, 429);
  assert.ok(Number(throttled.headers.get('retry-after')) > 0, 'Retry-After');
  assert.equal((await checkLink(unknownToken(21), '192.0.2.81')).status, 400, 'only that address');
});

test('S11 a reset link is void after the password was changed another way; policy errors keep it', async () => {
  const customer = await customerIn('en');
  const token = (await requestResetMail(customer, '192.0.2.41')).token ?? '';
  const weak = await reset(token, 'weak');
  assert.equal(weak.status, 400);
  assert.equal(weak.body.error, 'password_policy');
  const same = await reset(token, customer.password);
  assert.equal(same.body.error, 'password_unchanged');

  const session = await logIn(client, customer);
  const changed = await client.post(
    '/api/password/change',
    { currentPassword: customer.password, newPassword: 'Changed-Elsewhere-5!' },
    session,
  );
  assert.equal(changed.status, 200);
  assert.equal((await reset(token, 'Too-Late-For-This-6!')).body.error, 'invalid_or_expired_link');
});

test('S08 a successful reset clears a lockout from failed logins', async () => {
  const customer = await customerIn('en');
  for (let i = 0; i < 5; i++) {
    await client.post('/api/login', {
      customerNumber: customer.number,
      password: 'Wrong-Guess-99!',
    });
  }
  const locked = await client.post('/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(locked.status, 429);
  const token = (await requestResetMail(customer, '192.0.2.51')).token ?? '';
  assert.equal((await reset(token, 'Unlocked-Again-8!')).status, 200);
  const login = await client.post('/api/login', {
    customerNumber: customer.number,
    password: 'Unlocked-Again-8!',
  });
  assert.equal(login.status, 200);
});

test('S19 a reset link sent before the customer was disabled does not work once they are enabled again', async () => {
  const customer = await customerIn('en');
  const { token } = await requestResetMail(customer, '192.0.2.31');
  assert.ok(token, 'the reset mail arrived');
  for (const action of ['disable', 'enable']) {
    const answer = await client.request('POST', `/admin/customers/${customer.number}/${action}`, {
      body: {},
      headers: { Authorization: `Bearer ${service.config.adminToken}` },
    });
    assert.equal(answer.status, 200, answer.text);
  }
  const answer = await reset(token, 'Nach-Der-Sperre-2026!');
  assert.equal(answer.status, 400);
  assert.equal(answer.body.error, 'invalid_or_expired_link');
  const login = await client.post('/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(login.status, 200, 'the password is the one they had');
});
