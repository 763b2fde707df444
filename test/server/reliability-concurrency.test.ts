/**
 * S31 concurrency, on the service in a child process as `npm start` runs it: 50 clients
 * log in, refresh and read their account at once, while an operator adds customers to
 * the same database file from another process (as `npm run portal -- customers add`
 * does). No 5xx, no SQLITE_BUSY, and every refresh either rotates or is reported as reuse,
 * but for the one replay of a rotated token (two tabs at once) within the grace window.
 *
 * The security list asks for a minute; `npm test` runs on two cores, so this runs 12
 * seconds. Long runs belong to `npm run bench`, or set S31_SECONDS=60 for this file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { hashToken } from '../../server/auth/random-tokens.ts';
import { REFRESH_GRACE_MILLISECONDS } from '../../server/auth/sessions.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import type { SessionResponse } from '../../server/contract.ts';
import { createCustomer } from '../../server/operations/provisioning.ts';
import type { Db } from '../../server/store/database.ts';
import type { Answer } from '../support/client.ts';
import { createActiveCustomer, type TestCustomer } from '../support/customers.ts';
import { findDamage, findHalfDoneActions } from '../support/database-invariants.ts';
import { queryRow, queryValue, runStatement } from '../support/database-query.ts';
import { PortalClient } from '../support/portal-client.ts';
import {
  type ServiceProcess,
  sleep,
  startServiceProcess,
  within,
} from '../support/service-process.ts';

const CLIENTS = 50;
const LOAD_MILLISECONDS = Number(process.env.S31_SECONDS ?? 12) * 1000;
/** A bound on each client's loop besides the time, whatever the machine's speed. */
const MAX_ROUNDS_PER_CLIENT = 2_000;
/** How far back a stolen token's rotation is moved: well past the grace window. */
const STOLEN_LONG_AGO = REFRESH_GRACE_MILLISECONDS * 3;

let folder: string;
let service: ServiceProcess;
let db: Db;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'portal-concurrency-'));
  service = await startServiceProcess({ databasePath: join(folder, 'portal.db') });
  // The test's own connection: the operator's, and the one it inspects the file with.
  db = await service.database.open();
});
after(async () => {
  await service.kill();
  await db.close();
  rmSync(folder, { recursive: true, force: true });
});

/** One refresh as the client saw it. */
interface Refresh {
  who: 'tab' | 'second tab' | 'thief' | 'tab after theft';
  presented: string;
  status: number;
  error: unknown;
  /** The new refresh cookie of a 200; null for a replay, which sets none. */
  issued: string | null;
}

class Load {
  readonly refreshes: Refresh[] = [];
  readonly unexpected: string[] = [];
  logins = 0;
  reads = 0;
  thefts = 0;
  private addresses = 0;

  constructor(readonly deadline: number) {}

  /** A browser tab from an address of its own (S09: no per-address throttle is reached). */
  client(): PortalClient {
    this.addresses += 1;
    return new PortalClient(service.url, {
      address: `10.31.${Math.floor(this.addresses / 250)}.${this.addresses % 250}`,
    });
  }

  check<T>(what: string, answer: Answer<T>, expected: number): Answer<T> {
    if (answer.status !== expected)
      this.unexpected.push(`${what}: ${answer.status} ${answer.text}`);
    return answer;
  }

  async logIn(tab: PortalClient, customer: TestCustomer): Promise<string> {
    const answer = await tab.post<SessionResponse>('/api/login', {
      customerNumber: customer.number,
      password: customer.password,
    });
    this.check('login', answer, 200);
    this.logins += 1;
    return answer.body.accessToken;
  }

  async refresh(who: Refresh['who'], tab: PortalClient): Promise<Answer<SessionResponse>> {
    const presented = tab.refreshCookie ?? '';
    const answer = await tab.post<SessionResponse>('/api/session/refresh');
    this.refreshes.push({
      who,
      presented,
      status: answer.status,
      error: (answer.body as { error?: unknown }).error,
      issued: answer.status === 200 && tab.refreshCookie !== presented ? tab.refreshCookie : null,
    });
    return answer;
  }
}

/** A copy of `tab` holding the same refresh cookie: a second tab, or a thief. */
function copyOf(load: Load, tab: PortalClient): PortalClient {
  const copy = load.client();
  copy.refreshCookie = tab.refreshCookie;
  return copy;
}

/** Moves a token's rotation into the past, as if a copy of it turned up much later. */
async function moveRotationBack(token: string, milliseconds: number): Promise<void> {
  await runStatement(
    db,
    'UPDATE refresh_tokens SET rotated_at = rotated_at - ? WHERE token_hash = ?',
    milliseconds,
    hashToken(token),
  );
}

/**
 * One client, one request at a time as one tab makes them: refresh, then read the
 * account with the new access token. Some clients also refresh from two tabs at once,
 * mistype their password, log in afresh, or have a refresh token stolen.
 */
async function runClient(load: Load, index: number, customer: TestCustomer): Promise<void> {
  const tab = load.client();
  let accessToken = await load.logIn(tab, customer);
  for (let round = 1; round <= MAX_ROUNDS_PER_CLIENT && Date.now() < load.deadline; round++) {
    if (index % 10 === 1 && round % 8 === 4) {
      // Two tabs of one browser refresh with the same cookie at once: one rotates it, the
      // other is a replay within the grace window, which sets no cookie. Both get in, and
      // the cookie jar they share holds the new token (S17).
      const secondTab = copyOf(load, tab);
      const shared = tab.refreshCookie;
      const [first, second] = await Promise.all([
        load.refresh('tab', tab),
        load.refresh('second tab', secondTab),
      ]);
      load.check('refresh from two tabs', second, 200);
      accessToken = load.check('refresh from two tabs', first, 200).body.accessToken;
      if (tab.refreshCookie === shared) tab.refreshCookie = secondTab.refreshCookie;
    } else if (index % 10 === 6 && round === 5) {
      // A copy of a refresh token, used after the grace window: the whole session ends.
      const thief = copyOf(load, tab);
      const stolen = tab.refreshCookie ?? '';
      accessToken = load.check('refresh', await load.refresh('tab', tab), 200).body.accessToken;
      await moveRotationBack(stolen, STOLEN_LONG_AGO);
      load.thefts += 1;
      load.check('refresh with a stolen token', await load.refresh('thief', thief), 401);
      await moveRotationBack(stolen, -STOLEN_LONG_AGO);
      load.check('refresh after a theft', await load.refresh('tab after theft', tab), 401);
      accessToken = await load.logIn(tab, customer);
    } else {
      accessToken = load.check('refresh', await load.refresh('tab', tab), 200).body.accessToken;
    }

    load.check('me', await tab.get('/api/me', accessToken), 200);
    load.reads += 1;

    if (round % 25 === 0) {
      const mistyped = await tab.post('/api/login', {
        customerNumber: customer.number,
        password: `${customer.password}x`,
      });
      load.check('login with a mistyped password', mistyped, 401);
      accessToken = await load.logIn(tab, customer);
    } else if (round % 20 === 0) {
      accessToken = await load.logIn(tab, customer);
    }
  }
}

/** `npm run portal -- customers add`, over and over, on the same file from this process. */
async function addCustomersUntil(deadline: number): Promise<{ added: number; errors: string[] }> {
  const operator = {
    db,
    config: loadConfig(service.database.env),
    clock: systemClock,
    source: 'cli',
  };
  const errors: string[] = [];
  let added = 0;
  while (Date.now() < deadline && added + errors.length < 1_000) {
    try {
      await createCustomer(operator, {
        email: `added-${added}@example.com`,
        name: 'Added During Load',
        language: 'en',
      });
      added += 1;
    } catch (error) {
      errors.push(String(error));
    }
    await sleep(20);
  }
  return { added, errors };
}

test(`S31 ${CLIENTS} clients logging in, refreshing and reading their account for ${LOAD_MILLISECONDS / 1000} s, with an operator adding customers: no 5xx, no SQLITE_BUSY, every refresh rotates, is the one replay of a rotation, or is reported as reuse`, async (t) => {
  const setup = new PortalClient(service.url);
  const customers = await Promise.all(
    Array.from({ length: CLIENTS }, () => createActiveCustomer(setup)),
  );
  const load = new Load(Date.now() + LOAD_MILLISECONDS);
  const operatorRun = addCustomersUntil(load.deadline);
  await within(
    Promise.all(customers.map((customer, index) => runClient(load, index, customer))),
    LOAD_MILLISECONDS + 30_000,
    () => 'the clients did not finish',
  );
  const operator = await operatorRun;
  t.diagnostic(
    `${load.logins} logins, ${load.refreshes.length} refreshes, ${load.reads} reads, ` +
      `${load.thefts} stolen tokens, ${operator.added} customers added by the operator`,
  );

  // What the clients and the operator saw.
  assert.deepEqual(load.unexpected, [], 'every answer is the expected one, none a 5xx');
  assert.deepEqual(operator.errors, [], 'the operator never met a locked database');
  assert.ok(operator.added > 10, `the operator added customers meanwhile (${operator.added})`);
  const logLines = service.output().split('\n');
  assert.deepEqual(
    logLines.filter((line) => /SQLITE_BUSY|database is locked|request_failed/i.test(line)),
    [],
    'no database error in the service log',
  );

  // Every refresh rotated, was the one replay of a rotation, or was reported as reuse.
  const rotations = load.refreshes.filter((refresh) => refresh.issued !== null);
  const replays = load.refreshes.filter((refresh) => refresh.status === 200 && !refresh.issued);
  const thieves = load.refreshes.filter((refresh) => refresh.who === 'thief');
  assert.ok(
    rotations.length > CLIENTS * 5,
    `enough refreshes to mean something (${rotations.length})`,
  );
  assert.equal(thieves.length, load.thefts);
  assert.ok(thieves.length > 0 && load.refreshes.some((refresh) => refresh.who === 'second tab'));
  const tokenRow = (token: string) =>
    queryRow(
      db,
      `SELECT session_id AS "sessionId", rotated_at AS "rotatedAt", replayed_at AS "replayedAt"
       FROM refresh_tokens WHERE token_hash = ?`,
      hashToken(token),
    );
  const sessionRevokedAt = (sessionId: string) =>
    queryValue(db, 'SELECT revoked_at FROM sessions WHERE id = ?', sessionId);
  for (const refresh of load.refreshes) {
    const presented = (await tokenRow(refresh.presented)) as
      | { sessionId: string; rotatedAt: number | null; replayedAt: number | null }
      | undefined;
    assert.ok(presented, 'every presented token is one the service issued');
    if (refresh.issued) {
      const issued = (await tokenRow(refresh.issued)) as { sessionId: string } | undefined;
      assert.equal(issued?.sessionId, presented.sessionId, "the new token is the session's");
      assert.ok(presented.rotatedAt !== null, 'the presented token is marked rotated');
    } else if (refresh.status === 200) {
      assert.notEqual(refresh.who, 'thief', 'a replay answered is one of two tabs at once');
      assert.ok(presented.replayedAt !== null, 'the presented token is marked replayed');
    } else {
      assert.equal(refresh.error, 'session_expired');
      assert.notEqual(refresh.who, 'tab', 'a tab presenting its newest token is never refused');
      assert.ok(await sessionRevokedAt(presented.sessionId), 'a refused session is revoked');
    }
  }
  const statusesByToken = new Map<string, Set<number>>();
  for (const refresh of load.refreshes.filter((item) => item.who !== 'thief')) {
    statusesByToken.set(
      refresh.presented,
      (statusesByToken.get(refresh.presented) ?? new Set()).add(refresh.status),
    );
  }
  for (const statuses of statusesByToken.values()) {
    assert.ok(statuses.size === 1, 'no token was both rotated and refused within the grace window');
  }

  // The database agrees: one row per rotation answered, one reuse row per theft.
  const count = async (sql: string) => Number(await queryValue(db, sql));
  assert.equal(await count('SELECT count(*) FROM sessions'), load.logins, 'a session per login');
  assert.equal(
    await count('SELECT count(*) FROM refresh_tokens'),
    load.logins + rotations.length,
    'every rotation reached its client, and every other 200 was a replay',
  );
  assert.ok(replays.length > 0, 'two tabs at once: one of them replayed');
  assert.equal(
    await count('SELECT count(*) FROM refresh_tokens WHERE replayed_at IS NOT NULL'),
    replays.length,
    'one replay answered per rotated token at most, each reached its client',
  );
  assert.equal(
    await count("SELECT count(*) FROM audit_log WHERE action = 'refresh_token_reuse'"),
    load.thefts,
  );
  assert.deepEqual(findDamage(db), []);
  assert.deepEqual(await findHalfDoneActions(db), []);
});
