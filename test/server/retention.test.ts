/**
 * Retention (server/store/retention.ts, server/pruning.ts): under a steady stream of
 * failed logins, guessed reset links, forgot-password floods and refused operator calls,
 * every table the stream writes to stops growing once its retention is reached, and all
 * of it is gone once the stream stops; a mail still to be delivered is never deleted.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../server/config.ts';
import { queueMail } from '../../server/mail/queue-mail.ts';
import { startPruning } from '../../server/pruning.ts';
import { listPendingMails, markMailGivenUp, markMailSent } from '../../server/store/outbox.ts';
import { pruneExpiredRows } from '../../server/store/retention.ts';
import {
  activateCustomer,
  logIn,
  newCustomerNumber,
  newPassword,
  provisionCustomer,
  requestChangeToken,
  type TestCustomer,
} from '../support/customers.ts';
import { queryValue } from '../support/database-query.ts';
import { newAddresses, PortalClient } from '../support/portal-client.ts';
import { useService } from '../support/service.ts';
import { createTestDatabase } from '../support/test-database.ts';

const service = useService({
  clock: 'manual',
  env: {
    PORTAL_TRUSTED_PROXY_HEADER: 'x-forwarded-for',
    PORTAL_AUDIT_RETENTION_DAYS: '2',
    PORTAL_MAIL_RETENTION_DAYS: '1',
  },
});

const HOUR = 3_600_000;
const STEP_HOURS = 4;
/** Rows older than this many steps may be left in each table (its retention, and a day). */
const WINDOW_STEPS: Record<string, number> = {
  audit_log: (2 * 24) / STEP_HOURS,
  outbox: 24 / STEP_HOURS,
  sessions: 24 / STEP_HOURS,
  refresh_tokens: 24 / STEP_HOURS,
  change_tokens: 24 / STEP_HOURS,
  reset_tokens: 24 / STEP_HOURS,
  throttle: 24 / STEP_HOURS,
};
const TABLES = Object.keys(WINDOW_STEPS);

const nextAddress = newAddresses('10.14');
function newClient(): PortalClient {
  return new PortalClient(service.url, { address: nextAddress() });
}

async function countRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    counts[table] = Number(await queryValue(service.db, `SELECT count(*) FROM ${table}`));
  }
  return counts;
}

/** One stretch of the stream: what a day of credential stuffing and a customer leave. */
async function streamOfFailures(customer: TestCustomer, newcomer: TestCustomer): Promise<void> {
  const operatorGuesser = newClient();
  await Promise.all([
    // Failed logins for numbers that do not exist, each from an address of its own.
    ...Array.from({ length: 3 }, () =>
      newClient().post('/api/login', {
        customerNumber: newCustomerNumber('U'),
        password: newPassword(),
      }),
    ),
    // Forgot-password requests and guessed reset links.
    ...Array.from({ length: 5 }, () =>
      newClient().post('/api/password/forgot', { customerNumber: newCustomerNumber('U') }),
    ),
    ...Array.from({ length: 5 }, () =>
      newClient().post('/api/password/reset', {
        // A well-formed token that was never issued.
        token: randomBytes(32).toString('base64url'),
        newPassword: newPassword(),
      }),
    ),
    // Someone trying operator tokens, refused and then throttled (S27).
    (async () => {
      for (let i = 0; i < 15; i++) {
        await operatorGuesser.request('GET', '/admin/customers', {
          headers: { Authorization: `Bearer guessed-operator-token-${i}` },
        });
      }
    })(),
    // The customers: a login and a logout, a reset mail, a first login with a change token.
    (async () => {
      const client = newClient();
      const accessToken = await logIn(client, customer);
      await client.post('/api/logout', {}, accessToken);
    })(),
    newClient().post('/api/password/forgot', { customerNumber: customer.number }),
    requestChangeToken(newClient(), newcomer),
  ]);
}

test('every table stays bounded under a stream of failures, and empties once it stops', async (t) => {
  const setup = newClient();
  const customer = await activateCustomer(setup, await provisionCustomer(setup));
  const newcomer = await provisionCustomer(setup);
  const written: Record<string, number> = Object.fromEntries(TABLES.map((table) => [table, 0]));
  const mostPerStep: Record<string, number> = { ...written };
  const total = (6 * 24) / STEP_HOURS;
  // What setting up the customers wrote: gone after the retention like the rest.
  const atStart = await countRows();

  for (let step = 1; step <= total; step++) {
    const before = await countRows();
    await streamOfFailures(customer, newcomer);
    const after = await countRows();
    for (const table of TABLES) {
      const added = Math.max(0, (after[table] ?? 0) - (before[table] ?? 0));
      written[table] = (written[table] ?? 0) + added;
      mostPerStep[table] = Math.max(mostPerStep[table] ?? 0, added);
    }
    service.clock.advance?.(STEP_HOURS * HOUR);
    await pruneExpiredRows(service.db, service.config, service.clock.now(), { batchSize: 50 });

    const rows = await countRows();
    for (const table of TABLES) {
      const bound =
        (atStart[table] ?? 0) + (mostPerStep[table] ?? 0) * ((WINDOW_STEPS[table] ?? 0) + 2);
      assert.ok(
        (rows[table] ?? 0) <= bound,
        `step ${step}: ${table} holds ${rows[table]} rows, more than ${bound}`,
      );
    }
  }
  // Far more was written than is kept: the bound is the pruning's doing.
  const kept = await countRows();
  t.diagnostic(`written ${JSON.stringify(written)}, kept ${JSON.stringify(kept)}`);
  for (const table of ['audit_log', 'throttle', 'sessions', 'refresh_tokens']) {
    assert.ok(
      (written[table] ?? 0) > 2 * (kept[table] ?? 0),
      `${table}: ${written[table]} written, ${kept[table]} kept`,
    );
  }

  // The stream stops; two days later nothing of it is left.
  service.clock.advance?.(3 * 24 * HOUR);
  await pruneExpiredRows(service.db, service.config, service.clock.now());
  assert.deepEqual(
    await countRows(),
    Object.fromEntries(TABLES.map((table) => [table, 0])),
    'every row of the stream is gone',
  );
  const customers = Number(await queryValue(service.db, 'SELECT count(*) FROM customers'));
  assert.equal(customers, 2, 'customers are never pruned');
});

test('the pruning job runs by itself after the start, logs what it deleted, and stops cleanly', async () => {
  const client = newClient();
  await client.post('/api/login', {
    customerNumber: newCustomerNumber('U'),
    password: newPassword(),
  });
  service.clock.advance?.(3 * 24 * HOUR);
  const logs: string[] = [];
  const pruning = startPruning({
    db: service.db,
    config: service.config,
    clock: service.clock,
    logger: {
      debug() {},
      info: (event, fields) => logs.push(JSON.stringify({ event, ...fields })),
      warn() {},
      error: (event) => logs.push(event),
    },
    firstDelayMilliseconds: 10,
    intervalMilliseconds: 10,
  });
  try {
    for (let waited = 0; logs.length === 0 && waited < 3_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await pruning.stop();
  }
  assert.equal((await countRows()).audit_log, 0);
  const line = JSON.parse(logs[0] ?? '{}') as Record<string, unknown>;
  assert.equal(line.event, 'database_pruned');
  assert.ok(Number(line.audit_log) >= 1 && Number(line.throttle) >= 2, logs[0]);
});

test('S29 pruning deletes delivered and given-up mails after PORTAL_MAIL_RETENTION_DAYS, never one still to be delivered', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'portal-retention-'));
  const database = await createTestDatabase(join(folder, 'portal.db'));
  const db = await database.open();
  try {
    const config = loadConfig({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      PORTAL_MAIL_RETENTION_DAYS: '1',
    });
    const queuedAt = Date.UTC(2026, 0, 5);
    const queue = () =>
      queueMail(
        db,
        {
          customerId: null,
          kind: 'customer_number',
          language: 'en',
          recipient: 'someone@example.com',
          values: { name: 'Someone', customerNumber: '1', portalUrl: 'https://portal.example/' },
        },
        queuedAt,
      );
    const [delivered, givenUp, waiting] = [await queue(), await queue(), await queue()];
    await markMailSent(db, delivered, queuedAt + HOUR);
    await markMailGivenUp(db, givenUp, queuedAt + 24 * HOUR, 'ESOCKET: connect ECONNREFUSED');

    await pruneExpiredRows(db, config, queuedAt + 24 * HOUR);
    assert.equal(Number(await queryValue(db, 'SELECT count(*) FROM outbox')), 3);
    await pruneExpiredRows(db, config, queuedAt + 30 * 24 * HOUR);
    assert.deepEqual(
      (await listPendingMails(db)).map((mail) => mail.id),
      [waiting],
      'only the mail still to be delivered is left, a month later',
    );
  } finally {
    await db.close();
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  }
});
