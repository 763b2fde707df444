/**
 * @module Two service processes on one database, as behind a load balancer: the session
 * moves between them (help text A–C), and 50 customers at once on both get no 5xx and
 * every mail exactly once, each instance's mail worker taking its share. Runs on the
 * suite's store: PostgreSQL under `npm run test:server:pg`, else one SQLite file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Answer } from '../support/client.ts';
import { newCustomerNumber, newPassword, type TestCustomer } from '../support/customers.ts';
import { queryColumn, queryValue } from '../support/database-query.ts';
import { initialPasswordIn, resetTokenIn } from '../support/mailbox.ts';
import { newAddresses, PortalClient } from '../support/portal-client.ts';
import { type ServiceProcess, sleep, startServiceProcess } from '../support/service-process.ts';
import { type MailServer, type ReceivedMail, startMailServer } from '../support/smtp-capture.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const CLIENTS = 50;
/** How many journeys run at once: bounded, so the machine, not the test, sets the pace. */
const AT_ONCE = 25;

let folder: string;
let database: TestDatabase;
let smtp: MailServer;
let a: ServiceProcess;
let b: ServiceProcess;
const started: ServiceProcess[] = [];
const nextAddress = newAddresses('10.77');

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'portal-two-'));
  database = await createTestDatabase(join(folder, 'portal.db'));
  smtp = await startMailServer();
  // Behind one load balancer, both are the same service to browsers: one URL, one issuer.
  const env = {
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    PORTAL_SERVICE_URL: 'http://127.0.0.1:9997',
  };
  // Both at once, as after a deploy: one migrates the schema and makes the signing key.
  const starts = await Promise.allSettled([
    startServiceProcess({ databasePath: database.sqlitePath, database, env }),
    startServiceProcess({ databasePath: database.sqlitePath, database, env }),
  ]);
  for (const start of starts) if (start.status === 'fulfilled') started.push(start.value);
  for (const start of starts) if (start.status === 'rejected') throw start.reason;
  [a, b] = started as [ServiceProcess, ServiceProcess];
});
after(async () => {
  await Promise.all(started.map((service) => service.kill()));
  await smtp?.close();
  await database?.drop();
  rmSync(folder, { recursive: true, force: true });
});

/** One browser: a client per instance, sharing the address and the refresh cookie. */
class Browser {
  readonly on: { a: PortalClient; b: PortalClient };
  constructor() {
    const address = nextAddress();
    this.on = {
      a: new PortalClient(a.url, { address }),
      b: new PortalClient(b.url, { address }),
    };
  }

  /** A request through instance `via`, with the cookie jar the browser has. */
  async send<T = Record<string, unknown>>(
    via: 'a' | 'b',
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<Answer<T>> {
    const [client, other] = via === 'a' ? [this.on.a, this.on.b] : [this.on.b, this.on.a];
    client.refreshCookie = other.refreshCookie ?? client.refreshCookie;
    // A POST always has a JSON body, as the widget sends it (S22).
    const json = body ?? (method === 'POST' ? {} : undefined);
    const answer = await client.request<T>(method, path, {
      ...(json === undefined ? {} : { body: json }),
      ...(token ? { token } : {}),
    });
    other.refreshCookie = client.refreshCookie;
    return answer;
  }
}

/** The mail of a kind to an address, once some instance's worker has delivered it. */
async function deliveredMail(to: string, subjectHas: RegExp, after = 0): Promise<ReceivedMail> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mail = smtp.received
      .slice(after)
      .find((item) => item.envelopeTo.includes(to) && subjectHas.test(item.subject));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail "${subjectHas}" to ${to}`);
    await sleep(100);
  }
}

async function provision(browser: Browser, via: 'a' | 'b'): Promise<TestCustomer> {
  const number = newCustomerNumber('M');
  const answer = await browser.on[via].admin<{ customer: { id: string; number: string } }>(
    'POST',
    '/admin/customers',
    { number, email: `${number.toLowerCase()}@example.com`, name: 'Two Sites', language: 'en' },
  );
  assert.equal(answer.status, 201, answer.text);
  const mail = await deliveredMail(`${number.toLowerCase()}@example.com`, /first login/);
  return { id: answer.body.customer.id, number, password: initialPasswordIn(mail.text) };
}

const status = (answer: Answer) => `${answer.status} ${answer.text}`;

test('A, B and C with the session moving between two instances: login on A, change on B, refresh on A, logout on B', async () => {
  const browser = new Browser();
  const customer = await provision(browser, 'a');
  const email = `${customer.number.toLowerCase()}@example.com`;

  // A.3–A.5: the initial password on A, the forced change on B, the login on A.
  const initial = await browser.send<{ changeToken: string }>('a', 'POST', '/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(initial.status, 200, status(initial));
  const chosen = newPassword();
  const change = await browser.send(
    'b',
    'POST',
    '/api/password/change',
    { currentPassword: customer.password, newPassword: chosen },
    initial.body.changeToken,
  );
  assert.equal(change.status, 204, status(change));
  const login = await browser.send<{ accessToken: string }>('a', 'POST', '/api/login', {
    customerNumber: customer.number,
    password: chosen,
  });
  assert.equal(login.status, 200, status(login));

  // The session on the other instance: the access token, then a refresh, then back.
  const me = await browser.send('b', 'GET', '/api/me', undefined, login.body.accessToken);
  assert.equal(me.status, 200, status(me));
  const refreshedOnB = await browser.send<{ accessToken: string }>(
    'b',
    'POST',
    '/api/session/refresh',
  );
  assert.equal(refreshedOnB.status, 200, status(refreshedOnB));
  const refreshedOnA = await browser.send<{ accessToken: string }>(
    'a',
    'POST',
    '/api/session/refresh',
  );
  assert.equal(refreshedOnA.status, 200, status(refreshedOnA));
  const logout = await browser.send(
    'b',
    'POST',
    '/api/logout',
    undefined,
    refreshedOnA.body.accessToken,
  );
  assert.equal(logout.status, 204, status(logout));
  const afterLogout = await browser.send(
    'a',
    'GET',
    '/api/me',
    undefined,
    refreshedOnA.body.accessToken,
  );
  assert.equal(afterLogout.status, 401, 'A knows at once that B ended the session');

  // C: forgot on A, the link's reset on B, the new session refreshed on A.
  const mailsBefore = smtp.received.length;
  const forgot = await browser.send('a', 'POST', '/api/password/forgot', {
    customerNumber: customer.number,
    language: 'en',
  });
  assert.equal(forgot.status, 202, status(forgot));
  const link = await deliveredMail(email, /Reset your password/, mailsBefore);
  const reset = await browser.send<{ accessToken: string }>('b', 'POST', '/api/password/reset', {
    token: resetTokenIn(link.text),
    newPassword: newPassword(),
  });
  assert.equal(reset.status, 200, status(reset));
  const refreshed = await browser.send('a', 'POST', '/api/session/refresh');
  assert.equal(refreshed.status, 200, status(refreshed));
  const oldPassword = await browser.send('b', 'POST', '/api/login', {
    customerNumber: customer.number,
    password: chosen,
  });
  assert.equal(oldPassword.status, 401, 'the password before the reset no longer works on B');
});

test('50 customers at once on two instances: no 5xx, and every mail is delivered exactly once', async () => {
  const answers: Answer[] = [];
  const record = <T>(answer: Answer<T>) => {
    answers.push(answer as Answer);
    return answer;
  };
  const journey = async (index: number) => {
    const browser = new Browser();
    const [first, second] = index % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    const number = newCustomerNumber('L');
    const password = newPassword();
    const created = record(
      await browser.on[first].admin('POST', '/admin/customers', {
        number,
        email: `${number.toLowerCase()}@example.com`,
        name: 'Load Customer',
        language: 'de',
        password,
      }),
    );
    assert.equal(created.status, 201, status(created));
    const initial = record(
      await browser.send<{ changeToken: string }>(second, 'POST', '/api/login', {
        customerNumber: number,
        password,
      }),
    );
    const chosen = newPassword();
    record(
      await browser.send(
        first,
        'POST',
        '/api/password/change',
        { currentPassword: password, newPassword: chosen },
        initial.body.changeToken,
      ),
    );
    const login = record(
      await browser.send<{ accessToken: string }>(second, 'POST', '/api/login', {
        customerNumber: number,
        password: chosen,
      }),
    );
    // Two tabs refreshing at once, one on each instance: one rotates, one is the replay.
    const both = await Promise.all([
      browser.send('a', 'POST', '/api/session/refresh'),
      browser.send('b', 'POST', '/api/session/refresh'),
    ]);
    for (const answer of both) record(answer);
    record(
      await browser.send(first, 'POST', '/api/password/forgot', {
        customerNumber: number,
        language: 'de',
      }),
    );
    record(await browser.send(second, 'POST', '/api/logout', undefined, login.body.accessToken));
  };

  let next = 0;
  const worker = async () => {
    while (next < CLIENTS) await journey(next++);
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));

  const serverErrors = answers.filter((answer) => answer.status >= 500);
  assert.deepEqual(serverErrors.map(status), [], 'no 5xx');
  assert.deepEqual(
    [...new Set(answers.map((answer) => answer.status))].sort(),
    [200, 201, 202, 204],
    'every request was answered as one customer alone would be',
  );

  // Every queued mail reaches the SMTP server once: the two workers never share one.
  const db = await database.open();
  try {
    const deadline = Date.now() + 30_000;
    while (Number(await queryValue(db, 'SELECT count(*) FROM outbox WHERE sent_at IS NULL')) > 0) {
      assert.ok(Date.now() < deadline, 'the outbox empties');
      await sleep(200);
    }
    const queued = (await queryColumn(db, 'SELECT message_id FROM outbox ORDER BY id')) as string[];
    const received = smtp.received.map((mail) => mail.messageId);
    assert.equal(received.length, new Set(received).size, 'no mail was delivered twice');
    assert.deepEqual([...received].sort(), [...queued].sort(), 'no mail was lost');
    // 50 journeys: number, initial password, changed, reset link; and the first test's.
    assert.ok(queued.length >= CLIENTS * 4, `${queued.length} mails`);
  } finally {
    await db.close();
  }
});
