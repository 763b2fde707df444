/**
 * S30 crash safety, on the service in a child process as `npm start` runs it: SIGKILL
 * in the middle of logins, password changes, resets, refreshes and logouts leaves a
 * database that opens, passes `PRAGMA integrity_check`, holds no half-done action, and
 * on which the service starts again and customers log in.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { verifyPassword } from '../../server/auth/passwords.ts';
import type { SessionResponse } from '../../server/contract.ts';
import type { Db } from '../../server/store/database.ts';
import type { Answer } from '../support/client.ts';
import {
  createActiveCustomer,
  logIn,
  newPassword,
  type TestCustomer,
} from '../support/customers.ts';
import { findDamage, findHalfDoneActions } from '../support/database-invariants.ts';
import { queryValue } from '../support/database-query.ts';
import { type DevMail, resetTokenIn } from '../support/mailbox.ts';
import { PortalClient } from '../support/portal-client.ts';
import {
  type ServiceProcess,
  sleep,
  startServiceProcess,
  within,
} from '../support/service-process.ts';
import type { TestDatabase } from '../support/test-database.ts';

const CUSTOMERS_PER_ROUND = 6;

let folder: string;
const started: ServiceProcess[] = [];

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'portal-crash-'));
});
after(async () => {
  for (const service of started) await service.kill();
  rmSync(folder, { recursive: true, force: true });
});

/** The kinds of request the load must have made before the kill. */
const KINDS = ['login', 'refresh', 'password change', 'forgot', 'reset', 'logout'];

async function start(databasePath: string, database?: TestDatabase): Promise<ServiceProcess> {
  const service = await startServiceProcess({ databasePath, ...(database ? { database } : {}) });
  started.push(service);
  return service;
}

/** A customer under load, and the password a change or reset in flight is setting. */
interface Account {
  customer: TestCustomer;
  email: string;
  /** Set while a change or reset is in flight: after the kill, either one may be stored. */
  pendingPassword: string | null;
  /** The newest reset mail this account has used. */
  lastResetMail: number;
}

/**
 * The requests of one round, until the service is killed: answers that are not the
 * expected ones are collected, and so are connection errors before the kill.
 */
class Load {
  killed = false;
  inFlight = 0;
  readonly unexpected: string[] = [];
  readonly answered = new Map<string, number>();
  private addresses = 0;

  constructor(
    readonly url: string,
    readonly round: number,
  ) {}

  /** A client from an address of its own, so no per-address throttle is reached (S09). */
  client(): PortalClient {
    this.addresses += 1;
    const address = `10.${30 + this.round}.${Math.floor(this.addresses / 250)}.${this.addresses % 250}`;
    return new PortalClient(this.url, { address });
  }

  /** One request; null when its connection was lost because the service was killed. */
  async call<T>(
    what: string,
    expected: number[],
    request: () => Promise<Answer<T>>,
  ): Promise<Answer<T> | null> {
    this.inFlight += 1;
    try {
      const answer = await request();
      if (expected.includes(answer.status)) {
        this.answered.set(what, (this.answered.get(what) ?? 0) + 1);
      } else {
        this.unexpected.push(`${what}: ${answer.status} ${answer.text}`);
      }
      return answer;
    } catch (error) {
      if (!this.killed) this.unexpected.push(`${what}: ${String(error)}`);
      return null;
    } finally {
      this.inFlight -= 1;
    }
  }
}

/** A second tab of the customer: refreshes until its session ends (a change revokes it). */
async function refreshUntilEnded(load: Load, tab: PortalClient, done: () => boolean) {
  while (!done()) {
    const answer = await load.call('second tab refresh', [200, 401], () =>
      tab.post('/api/session/refresh'),
    );
    if (!answer || answer.status === 401) return;
    await sleep(10);
  }
}

/** One customer's visits, one after another, until the service is killed. */
async function visitUntilKilled(load: Load, account: Account): Promise<void> {
  while (!load.killed) {
    if (!(await visit(load, account))) return;
  }
}

/**
 * One visit, one request after another as one browser makes them, while a second tab of
 * the same customer refreshes alongside. False when the service was killed during it.
 */
async function visit(load: Load, account: Account): Promise<boolean> {
  const { customer } = account;
  const credentials = () => ({ customerNumber: customer.number, password: customer.password });
  const tab = load.client();
  const login = await load.call('login', [200], () =>
    tab.post<SessionResponse>('/api/login', credentials()),
  );
  if (!login) return false;
  let accessToken = login.body.accessToken;
  const secondTab = load.client();
  if (!(await load.call('login', [200], () => secondTab.post('/api/login', credentials())))) {
    return false;
  }
  let visitOver = false;
  const secondTabDone = refreshUntilEnded(load, secondTab, () => visitOver || load.killed);
  try {
    for (let i = 0; i < 2; i++) {
      const refreshed = await load.call('refresh', [200], () =>
        tab.post<SessionResponse>('/api/session/refresh'),
      );
      if (!refreshed) return false;
      accessToken = refreshed.body.accessToken;
    }
    if (!(await load.call('me', [200], () => tab.get('/api/me', accessToken)))) return false;

    // Signed in, "Change password": every other session ends, this tab goes on (S13).
    const changedTo = newPassword();
    account.pendingPassword = changedTo;
    const changed = await load.call('password change', [200], () =>
      tab.post<SessionResponse>(
        '/api/password/change',
        { currentPassword: customer.password, newPassword: changedTo },
        accessToken,
      ),
    );
    if (!changed) return false;
    customer.password = changedTo;
    account.pendingPassword = null;
    accessToken = changed.body.accessToken;

    // "Forgot your password", the link from the mail, "set password" (help text C).
    const forgot = await load.call('forgot', [202], () =>
      tab.post('/api/password/forgot', { customerNumber: customer.number, language: 'en' }),
    );
    if (!forgot) return false;
    // The mail is made after the answer: looked for until it is there, for a second at most.
    // At most three reset mails an hour (S10): later requests send none, and the visit goes on.
    let mail: DevMail | undefined;
    for (const waitUntil = Date.now() + 1_000; !mail && Date.now() < waitUntil; ) {
      const mailbox = await load.call('mailbox', [200], () => tab.get<DevMail[]>('/dev/mail.json'));
      if (!mailbox) return false;
      mail = mailbox.body.find(
        (item) =>
          item.to === account.email &&
          item.kind === 'password_reset' &&
          item.id > account.lastResetMail,
      );
      if (!mail) await sleep(20);
    }
    if (mail) {
      account.lastResetMail = mail.id;
      const resetTo = newPassword();
      account.pendingPassword = resetTo;
      const reset = await load.call('reset', [200], () =>
        tab.post<SessionResponse>('/api/password/reset', {
          token: resetTokenIn(mail.text),
          newPassword: resetTo,
        }),
      );
      if (!reset) return false;
      customer.password = resetTo;
      account.pendingPassword = null;
      accessToken = reset.body.accessToken;
    }

    return (
      (await load.call('logout', [204], () => tab.post('/api/logout', {}, accessToken))) !== null
    );
  } finally {
    visitOver = true;
    await secondTabDone;
  }
}

/** Which of the passwords the customer was given the database holds, if any. */
async function storedPassword(db: Db, account: Account): Promise<string | null> {
  const hash = (await queryValue(
    db,
    'SELECT password_hash FROM customers WHERE number = ?',
    account.customer.number,
  )) as string;
  for (const password of [account.customer.password, account.pendingPassword]) {
    if (password && (await verifyPassword(hash, password)).valid) return password;
  }
  return null;
}

test('S30 SIGKILL in the middle of logins, changes, resets and refreshes leaves a sound database with no half-done action, and the service starts again on it', async (t) => {
  const databasePath = join(folder, 'portal.db');
  let service = await start(databasePath);
  const { database } = service;

  // Twice: the second round runs on the file the first crash left, after a restart.
  for (const round of [1, 2]) {
    const load = new Load(service.url, round);
    const accounts: Account[] = await Promise.all(
      Array.from({ length: CUSTOMERS_PER_ROUND }, async () => {
        const customer = await createActiveCustomer(load.client());
        const email = `${customer.number.toLowerCase()}@example.com`;
        return { customer, email, pendingPassword: null, lastResetMail: 0 };
      }),
    );
    const visits = Promise.all(accounts.map((account) => visitUntilKilled(load, account)));

    // Somewhere in the middle, with requests in flight (varies from run to run on purpose).
    const killAfter = 1_500 + Math.floor(Math.random() * 1_500);
    await sleep(killAfter);
    // A slower store (PostgreSQL over TCP, on a busy machine) needs longer for the load to
    // reach every kind of request: the kill waits for that, 10 s at most.
    const everyKindBy = Date.now() + 10_000;
    while (!KINDS.every((what) => (load.answered.get(what) ?? 0) > 0) && Date.now() < everyKindBy) {
      await sleep(10);
    }
    const busyBy = Date.now() + 1_000;
    while (load.inFlight < 3 && Date.now() < busyBy) await sleep(1);
    const inFlightAtKill = load.inFlight;
    t.diagnostic(
      `round ${round}: SIGKILL after ${killAfter} ms, ${inFlightAtKill} requests in flight`,
    );
    load.killed = true;
    service.child.kill('SIGKILL');
    assert.deepEqual(await within(service.exited, 5_000, () => 'no exit after SIGKILL'), {
      code: null,
      signal: 'SIGKILL',
    });
    await within(visits, 10_000, () => 'the visits did not end after the kill');

    assert.deepEqual(load.unexpected, [], 'every answer before the kill was the expected one');
    assert.ok(inFlightAtKill > 0, 'the kill came with requests in flight');
    for (const what of KINDS) {
      assert.ok(
        (load.answered.get(what) ?? 0) > 0,
        `the load did some ${what} before the kill: ${JSON.stringify([...load.answered])}`,
      );
    }

    const db = await database.open();
    try {
      assert.deepEqual(findDamage(db), [], 'the file is sound');
      assert.deepEqual(await findHalfDoneActions(db), [], 'every action is whole or absent');
      for (const account of accounts) {
        const password = await storedPassword(db, account);
        assert.ok(
          password,
          `${account.customer.number}: the stored hash is of a password they were given`,
        );
        account.customer.password = password;
      }
    } finally {
      await db.close();
    }

    service = await start(databasePath, database);
    for (const account of accounts) await logIn(new PortalClient(service.url), account.customer);
  }

  service.child.kill('SIGTERM');
  assert.deepEqual(await within(service.exited, 5_000, () => 'no exit after SIGTERM'), {
    code: 0,
    signal: null,
  });
});
