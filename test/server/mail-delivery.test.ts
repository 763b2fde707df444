/**
 * @module Real delivery: the outbox worker against a real SMTP server (smtp-server on
 * loopback) and a real SQLite file, including the SMTP server being down (S29).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createManualClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import type { MailValues } from '../../server/mail/kinds.ts';
import { queueMail } from '../../server/mail/queue-mail.ts';
import { retryUndeliveredMail } from '../../server/mail/undelivered.ts';
import {
  type MailWorker,
  retryDelayMilliseconds,
  startMailWorker,
} from '../../server/mail/worker.ts';
import type { Db } from '../../server/store/database.ts';
import { listMails, listPendingMails } from '../../server/store/outbox.ts';
import { queryRow } from '../support/database-query.ts';
import { findFreePort, startMailServer } from '../support/smtp-capture.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

// ---------------------------------------------------------------------------
// A service's database and log, fresh for every test

const RESET: MailValues['password_reset'] = {
  name: 'Erika Muster',
  customerNumber: 'DGM-48213',
  resetUrl:
    'https://portal.dealer.example/#portal-reset=Zq3vT0yA8bX1cW5dE7fG9hJ2kL4mN6pR8sU0vX2yZ4a',
  expiresAt: new Date(Date.UTC(2026, 10, 26, 10, 0)),
  supportEmail: 'support@dealer.example',
};
const PASSWORD = 'Kx7#pRt9wQ2m';
const INITIAL: MailValues['initial_password'] = {
  name: 'Erika Muster',
  password: PASSWORD,
  expiresAt: new Date(Date.UTC(2026, 11, 10, 9, 0)),
  portalUrl: 'https://portal.dealer.example/',
};
const SECRETS = [PASSWORD, 'portal-reset=', 'Zq3vT0yA8bX1cW5dE7fG9hJ2kL4mN6pR8sU0vX2yZ4a'];

let directory = '';
let database: TestDatabase;
let db: Db;
let logLines: string[] = [];
const logger = createLogger((line) => logLines.push(line));
const cleanups: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), 'portal-mail-'));
  database = await createTestDatabase(join(directory, 'portal.db'));
  db = await database.open();
  logLines = [];
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await db.close();
  await database.drop();
  rmSync(directory, { recursive: true, force: true });
});

async function queueResetAndPassword(store: Db, now: number): Promise<void> {
  await queueMail(
    store,
    {
      customerId: null,
      kind: 'password_reset',
      language: 'de',
      recipient: 'erika@example.test',
      values: RESET,
    },
    now,
  );
  await queueMail(
    store,
    {
      customerId: null,
      kind: 'initial_password',
      language: 'en',
      recipient: 'erika@example.test',
      values: INITIAL,
    },
    now,
  );
}

function startWorker(
  smtpUrl: string | null,
  clock = createManualClock(),
  database = db,
): MailWorker {
  const worker = startMailWorker({
    db: database,
    config: {
      smtpUrl,
      mailFrom: 'Customer portal <portal@dealer.example>',
      supportEmail: 'support@dealer.example',
      mailGiveUpHours: 24,
    },
    logger,
    clock,
    // Long enough never to fire in a test: the tests call deliverDue themselves.
    pollMilliseconds: 60 * 60_000,
  });
  assert.ok(worker, 'the worker starts when SMTP_URL is set');
  cleanups.push(() => worker.stop());
  return worker;
}

function assertNoSecretIn(where: string, text: string): void {
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${where} holds "${secret}"`);
}

// ---------------------------------------------------------------------------

describe('sending mail over SMTP', () => {
  test('queued mails are sent from MAIL_FROM with their own Message-ID, text and HTML', async () => {
    const server = await startMailServer();
    cleanups.push(() => server.close());
    const clock = createManualClock();
    await queueResetAndPassword(db, clock.now());
    const queued = (await listMails(db)).reverse();

    const worker = startWorker(`smtp://127.0.0.1:${server.port}`, clock);
    assert.equal(await worker.deliverDue(), 2);

    assert.equal(server.received.length, 2);
    const [reset, initial] = server.received;
    assert.ok(reset && initial);
    assert.equal(reset.headers.get('from'), 'Customer portal <portal@dealer.example>');
    assert.deepEqual(reset.envelopeTo, ['erika@example.test']);
    assert.equal(reset.messageId, queued[0]?.messageId);
    assert.equal(reset.subject, 'Passwort für das Kundenportal zurücksetzen');
    assert.equal(reset.headers.get('reply-to'), 'support@dealer.example');
    assert.equal(reset.headers.get('auto-submitted'), 'auto-generated');
    assert.ok(
      reset.text.includes(`Passwort jetzt ändern\n${RESET.resetUrl}`.replaceAll('\n', '\r\n')),
    );
    assert.ok(reset.html.includes(`<html lang="de">`));
    assert.ok(reset.html.includes(`<a href="${RESET.resetUrl}"`));
    assert.equal(initial.messageId, queued[1]?.messageId);
    assert.equal(initial.subject, 'Your password for your first login to the customer portal');
    assert.ok(initial.text.includes(PASSWORD));
  });

  test('S05 once a mail is delivered its text and HTML are erased from the database', async () => {
    const server = await startMailServer();
    cleanups.push(() => server.close());
    await queueResetAndPassword(db, createManualClock().now());
    await startWorker(`smtp://127.0.0.1:${server.port}`).deliverDue();

    for (const mail of await listMails(db)) {
      assert.ok(mail.sentAt !== null, 'marked as sent');
      assert.equal(mail.text, '');
      assert.equal(mail.html, '');
      assert.ok(mail.subject.length > 0, 'the subject stays, for support');
    }
    const file = (await queryRow(
      db,
      "SELECT coalesce(string_agg(text || html, ','), '') AS bodies FROM outbox",
    )) as {
      bodies: string;
    };
    assertNoSecretIn('the outbox', file.bodies);
    assert.deepEqual(await listPendingMails(db), []);
  });

  test('an SMTP URL with a user name and password logs in to the mail server', async () => {
    // A password with characters that must be percent-encoded in the URL.
    const server = await startMailServer({ login: { user: 'portal', pass: 'p@ss:w/rd 1' } });
    cleanups.push(() => server.close());
    await queueResetAndPassword(db, createManualClock().now());
    const url = `smtp://portal:${encodeURIComponent('p@ss:w/rd 1')}@127.0.0.1:${server.port}`;
    assert.equal(await startWorker(url).deliverDue(), 2);
    assert.equal(server.received.length, 2);
    assert.ok(!logLines.join('\n').includes('w/rd'), 'the SMTP password is not logged');
  });

  test('S05 a wrong SMTP password is recorded and retried, and appears in no log or row', async () => {
    const server = await startMailServer({ login: { user: 'portal', pass: 'right-password' } });
    cleanups.push(() => server.close());
    await queueResetAndPassword(db, createManualClock().now());
    const url = `smtp://portal:wrong-Secret-42@127.0.0.1:${server.port}`;
    assert.equal(await startWorker(url).deliverDue(), 0);

    const pending = await listPendingMails(db);
    assert.equal(pending.length, 2);
    for (const mail of pending) {
      assert.equal(mail.attempts, 1);
      assert.match(mail.lastError ?? '', /^EAUTH 535: /);
      assert.ok(!mail.lastError?.includes('wrong-Secret-42'));
    }
    const log = logLines.join('\n');
    assert.ok(!log.includes('wrong-Secret-42'), 'the SMTP password is not logged');
    assertNoSecretIn('the log', log);
    assert.ok(!log.includes('erika@example.test'), 'the recipient is not logged');
  });

  test('an smtps:// URL delivers over TLS', async () => {
    const server = await startMailServer({ secure: true });
    cleanups.push(() => server.close());
    await queueResetAndPassword(db, createManualClock().now());
    // smtp-server's built-in certificate is self-signed, hence the documented escape hatch.
    const url = `smtps://127.0.0.1:${server.port}/?tls.rejectUnauthorized=false`;
    assert.equal(await startWorker(url).deliverDue(), 2);
    assert.equal(server.received.length, 2);
  });

  test('without SMTP_URL no worker starts and the mails stay in the outbox, the dev mailbox', async () => {
    await queueResetAndPassword(db, createManualClock().now());
    const worker = startMailWorker({
      db,
      config: {
        smtpUrl: null,
        mailFrom: 'portal@dealer.example',
        supportEmail: 'support@dealer.example',
        mailGiveUpHours: 24,
      },
      logger,
    });
    assert.equal(worker, null);
    assert.equal((await listMails(db)).filter((mail) => mail.text.length > 0).length, 2);
  });
});

describe('S29 mail is never lost', () => {
  test('the wait between attempts doubles from 10 seconds up to 15 minutes', () => {
    const seconds = [1, 2, 3, 4, 5, 6, 7, 8, 30].map(
      (attempt) => retryDelayMilliseconds(attempt) / 1000,
    );
    assert.deepEqual(seconds, [10, 20, 40, 80, 160, 320, 640, 900, 900]);
  });

  test('S29 mails queued while the SMTP server is down are delivered once when it comes back, also after a restart', async () => {
    const port = await findFreePort();
    const smtpUrl = `smtp://127.0.0.1:${port}`;
    const clock = createManualClock();
    await queueResetAndPassword(db, clock.now());
    const messageIds = (await listMails(db)).map((mail) => mail.messageId).sort();

    // The server is down: every mail is tried, counted, and waits 10 s.
    const first = startWorker(smtpUrl, clock);
    assert.equal(await first.deliverDue(), 0);
    for (const mail of await listPendingMails(db)) {
      assert.equal(mail.attempts, 1);
      assert.equal(mail.nextAttemptAt, clock.now() + 10_000);
      assert.match(mail.lastError ?? '', /^ESOCKET: connect ECONNREFUSED /);
      assertNoSecretIn('last_error', mail.lastError ?? '');
    }
    // Not due yet: nothing is tried again before the wait is over.
    clock.advance(9_999);
    assert.equal(await first.deliverDue(), 0);
    assert.ok((await listPendingMails(db)).every((mail) => mail.attempts === 1));
    // Due again, still down: the next wait is twice as long.
    clock.advance(1);
    assert.equal(await first.deliverDue(), 0);
    for (const mail of await listPendingMails(db)) {
      assert.equal(mail.attempts, 2);
      assert.equal(mail.nextAttemptAt, clock.now() + 20_000);
    }
    const warnings = logLines.filter((line) => line.includes('"mail_delivery_failed"'));
    assert.equal(warnings.length, 4);
    assertNoSecretIn('the log', logLines.join('\n'));

    // The service stops while the server is still down; the mails wait in the file.
    await first.stop();
    await db.close();

    const server = await startMailServer({ port });
    cleanups.push(() => server.close());
    db = await database.open();
    clock.advance(20_000);
    const second = startWorker(smtpUrl, clock);
    assert.equal(await second.deliverDue(), 2);
    assert.equal(await second.deliverDue(), 0, 'nothing is sent twice');

    assert.deepEqual(server.received.map((mail) => mail.messageId).sort(), messageIds);
    assert.deepEqual(await listPendingMails(db), []);
    assert.ok((await listMails(db)).every((mail) => mail.attempts === 3 && mail.text === ''));

    // A third start finds nothing left to send.
    await second.stop();
    const third = startWorker(smtpUrl, clock);
    clock.advance(60 * 60_000);
    assert.equal(await third.deliverDue(), 0);
    assert.equal(server.received.length, 2);
  });

  test('S29 a mail the SMTP server turns away for a moment is sent again later with the same Message-ID', async () => {
    const server = await startMailServer({ refuseFirst: 1 });
    cleanups.push(() => server.close());
    const clock = createManualClock();
    await queueMail(
      db,
      {
        customerId: null,
        kind: 'password_reset',
        language: 'fr',
        recipient: 'erika@example.test',
        values: RESET,
      },
      clock.now(),
    );
    const worker = startWorker(`smtp://127.0.0.1:${server.port}`, clock);
    assert.equal(await worker.deliverDue(), 0);
    assert.match((await listPendingMails(db))[0]?.lastError ?? '', /^EMESSAGE 451: /);
    clock.advance(10_000);
    assert.equal(await worker.deliverDue(), 1);

    assert.equal(server.attempts.length, 2);
    assert.equal(server.attempts[0], server.attempts[1]);
    assert.equal(server.received.length, 1);
    assert.equal(server.received[0]?.messageId, (await listMails(db))[0]?.messageId);
  });

  test('S29 a mail refused for PORTAL_MAIL_GIVE_UP_HOURS is given up, logged as an error, and delivered after "mail retry"', async () => {
    const port = await findFreePort();
    const clock = createManualClock();
    const queuedAt = clock.now();
    await queueResetAndPassword(db, queuedAt);
    const messageIds = (await listMails(db)).map((mail) => mail.messageId).sort();
    const worker = startWorker(`smtp://127.0.0.1:${port}`, clock);

    // The SMTP server stays down for a day: tried every 10 s, 20 s, … then every 15 minutes.
    while (clock.now() - queuedAt < 24 * 3_600_000) {
      assert.equal(await worker.deliverDue(), 0);
      assert.ok((await listPendingMails(db)).every((mail) => mail.failedAt === null));
      clock.advance(15 * 60_000);
    }
    assert.equal(await worker.deliverDue(), 0);
    const givenUp = await listPendingMails(db);
    assert.equal(givenUp.length, 2);
    for (const mail of givenUp) {
      assert.equal(mail.failedAt, clock.now());
      assert.match(mail.lastError ?? '', /^ESOCKET: connect ECONNREFUSED /);
    }
    const errors = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.event === 'mail_given_up');
    assert.deepEqual(
      errors.map((line) => [line.level, line.retry]),
      givenUp.map((mail) => ['error', `npm run portal -- mail retry ${mail.id}`]),
    );
    assertNoSecretIn('the log', logLines.join('\n'));

    // Given up: no more attempts, however long the service runs.
    const attempts = givenUp.map((mail) => mail.attempts);
    clock.advance(24 * 3_600_000);
    assert.equal(await worker.deliverDue(), 0);
    assert.deepEqual(
      (await listPendingMails(db)).map((mail) => mail.attempts),
      attempts,
    );

    // The server is back; an operator sends both again, and each arrives once.
    const server = await startMailServer({ port });
    cleanups.push(() => server.close());
    const operator = { db, config: loadConfig({}), clock, source: 'cli' };
    for (const mail of givenUp) await retryUndeliveredMail(operator, mail.id);
    assert.equal(await worker.deliverDue(), 2);
    assert.deepEqual(server.received.map((mail) => mail.messageId).sort(), messageIds);
    assert.deepEqual(await listPendingMails(db), []);
  });

  test('a retried mail gets PORTAL_MAIL_GIVE_UP_HOURS afresh before it is given up again', async () => {
    const port = await findFreePort();
    const clock = createManualClock();
    await queueResetAndPassword(db, clock.now());
    const worker = startWorker(`smtp://127.0.0.1:${port}`, clock);
    clock.advance(25 * 3_600_000);
    await worker.deliverDue();
    const [mail] = await listPendingMails(db);
    assert.ok(mail?.failedAt, 'tried first after a day (the service was stopped): given up');

    await retryUndeliveredMail({ db, config: loadConfig({}), clock, source: 'cli' }, mail.id);
    await worker.deliverDue();
    const retried = (await listPendingMails(db)).find((item) => item.id === mail.id);
    assert.equal(retried?.failedAt, null, 'one failure after the retry is not the end');
    assert.equal(retried?.attempts, mail.attempts + 1);
  });

  test('stopping the service waits for the mail being sent, then sends no more', async () => {
    let arrived: () => void = () => {};
    const arrival = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const server = await startMailServer({
      beforeAccept: async () => {
        arrived();
        await new Promise((resolve) => setTimeout(resolve, 150));
      },
    });
    cleanups.push(() => server.close());
    await queueResetAndPassword(db, createManualClock().now());
    const worker = startWorker(`smtp://127.0.0.1:${server.port}`);
    const delivering = worker.deliverDue();
    await arrival;
    await worker.stop();

    assert.equal(server.received.length, 1, 'the mail in flight was finished');
    assert.equal(await delivering, 1);
    assert.equal((await listPendingMails(db)).length, 1, 'the next mail waits for the next start');
    assert.equal(await worker.deliverDue(), 0);
  });

  test('the worker delivers on its own, without being asked', async () => {
    const server = await startMailServer();
    cleanups.push(() => server.close());
    await queueResetAndPassword(db, Date.now());
    const worker = startMailWorker({
      db,
      config: {
        smtpUrl: `smtp://127.0.0.1:${server.port}`,
        mailFrom: 'portal@dealer.example',
        supportEmail: 'support@dealer.example',
        mailGiveUpHours: 24,
      },
      logger,
      pollMilliseconds: 20,
    });
    assert.ok(worker);
    cleanups.push(() => worker.stop());
    for (let waited = 0; server.received.length < 2 && waited < 3_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(server.received.length, 2);
  });
});
