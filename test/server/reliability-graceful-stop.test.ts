/**
 * S32 graceful stop, on the service in a child process as `npm start` runs it: SIGTERM
 * answers the requests in flight, refuses new ones, finishes the mail being sent, leaves
 * a database file that opens clean (no -wal left behind), and exits 0 in bounded time.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, test } from 'node:test';
import { STOP_DEADLINE_MILLISECONDS } from '../../server/http-server.ts';
import type { Db } from '../../server/store/database.ts';
import { Client } from '../support/client.ts';
import { createActiveCustomer, provisionCustomer } from '../support/customers.ts';
import { findDamage, findHalfDoneActions } from '../support/database-invariants.ts';
import { queryColumn, queryValue } from '../support/database-query.ts';
import { TEST_ORIGIN } from '../support/service.ts';
import {
  type ServiceProcess,
  sleep,
  startServiceProcess,
  within,
} from '../support/service-process.ts';
import { startMailServer } from '../support/smtp-capture.ts';

let folder: string;
const started: ServiceProcess[] = [];

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'portal-stop-'));
});
after(async () => {
  for (const service of started) await service.kill();
  rmSync(folder, { recursive: true, force: true });
});

async function start(name: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const service = await startServiceProcess({ databasePath: join(folder, `${name}.db`), env });
  started.push(service);
  return service;
}

/** What one plain HTTP request came to: an answer, or the connection error instead. */
type Outcome =
  | { kind: 'answer'; status: number; connection: string | undefined; body: string; at: number }
  | { kind: 'error'; code: string; at: number };

/**
 * Sends one request with node:http on `agent`, so the test controls the connection:
 * `written` settles once the request has left for the server.
 */
function send(
  url: string,
  agent: Agent,
  method: string,
  path: string,
  body?: unknown,
): { written: Promise<void>; outcome: Promise<Outcome> } {
  let markWritten = () => {};
  const written = new Promise<void>((resolve) => {
    markWritten = resolve;
  });
  const outcome = new Promise<Outcome>((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = request(`${url}${path}`, {
      method,
      agent,
      headers: {
        Origin: TEST_ORIGIN,
        ...(payload ? { 'Content-Type': 'application/json' } : {}),
      },
    });
    outgoing.once('finish', markWritten);
    outgoing.once('error', (error: NodeJS.ErrnoException) => {
      markWritten();
      resolve({ kind: 'error', code: error.code ?? error.message, at: performance.now() });
    });
    outgoing.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.once('end', () =>
        resolve({
          kind: 'answer',
          status: response.statusCode ?? 0,
          connection: response.headers.connection,
          body: text,
          at: performance.now(),
        }),
      );
    });
    outgoing.end(payload);
  });
  return { written, outcome };
}

/** The outcome, or a failure when the request hangs past `milliseconds`. */
function settled(outcome: Promise<Outcome>, milliseconds: number): Promise<Outcome> {
  return within(outcome, milliseconds, () => 'a request got neither an answer nor an error');
}

/** The exit, or a failure when the process still runs `milliseconds` after SIGTERM. */
function exitWithin(service: ServiceProcess, milliseconds: number) {
  return within(
    service.exited,
    milliseconds,
    () => `still running after SIGTERM:\n${service.output()}`,
  );
}

/** The database as the next start finds it: opens, sound, every action whole. */
async function assertCleanDatabase(service: ServiceProcess): Promise<Db> {
  const { database } = service;
  if (database.location === database.sqlitePath) {
    const wal = `${database.sqlitePath}-wal`;
    assert.ok(!existsSync(wal), 'the write-ahead log was checkpointed and removed');
  }
  const db = await database.open();
  assert.deepEqual(findDamage(db), []);
  assert.deepEqual(await findHalfDoneActions(db), []);
  return db;
}

test('S32 SIGTERM answers the logins in flight, refuses new requests, and exits 0 with a clean database', async (t) => {
  // One argon2 thread: the ten logins queue up, so most are still in flight at the signal.
  const service = await start('in-flight', { UV_THREADPOOL_SIZE: '1' });
  const customer = await createActiveCustomer(new Client(service.url));

  // Each login on a keep-alive connection of its own, which the test can try to reuse.
  const agents = Array.from({ length: 10 }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const logins = agents.map((agent) =>
    send(service.url, agent, 'POST', '/api/login', {
      customerNumber: customer.number,
      password: customer.password,
    }),
  );
  await Promise.all(logins.map((login) => login.written));
  await settled(Promise.race(logins.map((login) => login.outcome)), 5_000);
  // A request that has left the client may still wait in the kernel, its connection not yet
  // accepted: a stop then refuses it, as any server does. So before the signal, the test
  // makes sure the service has read them all: a later connection is accepted and read after
  // theirs, so once it is answered, the logins are in flight and most wait for the one
  // argon2 thread. (Without this barrier the test failed now and then on a loaded machine.)
  await settled(send(service.url, new Agent(), 'GET', '/healthz').outcome, 5_000);
  const signalledAt = performance.now();
  service.child.kill('SIGTERM');

  // New requests after the signal never hang: each is answered (it came before the service
  // saw the signal) or its connection is closed, until the port refuses connections.
  let late: Outcome;
  do {
    late = await settled(send(service.url, new Agent(), 'GET', '/healthz').outcome, 2_000);
  } while (
    !(late.kind === 'error' && late.code === 'ECONNREFUSED') &&
    performance.now() - signalledAt < 2_000
  );
  assert.equal(late.kind === 'error' && late.code, 'ECONNREFUSED', 'the service stops listening');

  const answers = await Promise.all(logins.map((login) => settled(login.outcome, 5_000)));
  for (const answer of answers) {
    assert.equal(
      answer.kind,
      'answer',
      `a login in flight lost its connection: ${answer.kind === 'error' ? answer.code : ''}`,
    );
    assert.equal(answer.status, 200, answer.body);
    assert.equal(JSON.parse(answer.body).status, 'ok');
  }
  const answeredAfterSignal = answers.filter((answer) => answer.at > signalledAt).length;
  t.diagnostic(`${answeredAfterSignal} of 10 logins answered after SIGTERM`);
  assert.ok(
    answeredAfterSignal >= 5,
    `the logins were in flight at the signal (${answeredAfterSignal} of 10 answered after it)`,
  );

  // The connections of those logins are not kept open for more: a request on one is refused.
  const afterwards = await Promise.all(
    agents.map((agent) => settled(send(service.url, agent, 'GET', '/healthz').outcome, 2_000)),
  );
  for (const outcome of afterwards) {
    assert.equal(outcome.kind, 'error', 'a kept-alive connection was served after SIGTERM');
  }
  for (const agent of agents) agent.destroy();

  assert.deepEqual(await exitWithin(service, 3_000), { code: 0, signal: null });
  const db = await assertCleanDatabase(service);
  const loginRows = await queryValue(
    db,
    `SELECT count(*) FROM audit_log a JOIN customers c ON c.id = a.customer_id
       WHERE c.number = ? AND a.action = 'login'`,
    customer.number,
  );
  await db.close();
  assert.equal(loginRows, 10, 'every answered login is in the database');
});

test('S32 a client that never finishes its request cannot hold up the stop past the deadline', async () => {
  const service = await start('stalled');
  const socket = connect(Number(new URL(service.url).port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const closed = new Promise((resolve) => socket.once('close', resolve));
  socket.on('error', () => {});
  // Headers begun and never ended: Node no longer times such requests out once stopping.
  socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  await sleep(100);

  const signalledAt = performance.now();
  service.child.kill('SIGTERM');
  assert.deepEqual(await exitWithin(service, STOP_DEADLINE_MILLISECONDS + 3_000), {
    code: 0,
    signal: null,
  });
  const stoppedAfter = performance.now() - signalledAt;
  assert.ok(
    stoppedAfter >= STOP_DEADLINE_MILLISECONDS - 500,
    `the stop waited for the request until the deadline (${Math.round(stoppedAfter)} ms)`,
  );
  await closed;
  await (await assertCleanDatabase(service)).close();
});

test('S32 SIGTERM while a mail is being sent finishes that mail, records it as sent, and exits 0', async () => {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let markArrived = () => {};
  const arrived = new Promise<void>((resolve) => {
    markArrived = resolve;
  });
  // The SMTP server keeps the first mail waiting until the test lets it through.
  const smtp = await startMailServer({
    beforeAccept: () => {
      markArrived();
      return held;
    },
  });
  try {
    const service = await start('mail', { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    await provisionCustomer(new Client(service.url));
    // The worker's first poll comes two seconds after the start.
    await within(arrived, 10_000, () => `no mail reached the SMTP server:\n${service.output()}`);

    service.child.kill('SIGTERM');
    await sleep(300);
    assert.equal(service.child.exitCode, null, 'the stop waits for the mail being sent');
    release();
    assert.deepEqual(await exitWithin(service, 5_000), { code: 0, signal: null });

    const db = await assertCleanDatabase(service);
    const sent = (await queryColumn(
      db,
      'SELECT message_id FROM outbox WHERE sent_at IS NOT NULL ORDER BY id',
    )) as string[];
    const waiting = await queryValue(db, 'SELECT count(*) FROM outbox WHERE sent_at IS NULL');
    await db.close();
    assert.deepEqual(
      sent,
      smtp.received.map((mail) => mail.messageId),
      'the mail the server took is recorded as sent, and only it',
    );
    assert.equal(sent.length, 1);
    assert.ok(Number(waiting) >= 1, 'the other mails wait in the outbox for the next start');
  } finally {
    release();
    await smtp.close();
  }
});
