/**
 * S07 by the clock: "Forgot your password?" answers as fast for a number that gets a mail
 * as for one that does not. Measured as a client elsewhere sees it, on the service in a
 * process of its own. Each sample asks for a number that never asked before, so the mail
 * cap (S10, three an hour) cannot make the two paths alike by itself, and comes from an
 * address of its own, so the per-address limit (S09) stays out of it too.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { newCustomerNumber, provisionCustomer, type TestCustomer } from '../support/customers.ts';
import { queryValue } from '../support/database-query.ts';
import { median } from '../support/median.ts';
import { newAddresses, PortalClient } from '../support/portal-client.ts';
import { type ServiceProcess, sleep, startServiceProcess } from '../support/service-process.ts';
import { passesInSomeRound } from '../support/timing-rounds.ts';

let folder: string;
let service: ServiceProcess;
let client: PortalClient;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'portal-forgot-timing-'));
  service = await startServiceProcess({ databasePath: join(folder, 'portal.db') });
  client = new PortalClient(service.url);
});
after(async () => {
  await service.kill();
  rmSync(folder, { recursive: true, force: true });
});

const nextAddress = newAddresses('203.0');

/** Milliseconds one forgot request takes, from an address no other request used. */
async function timeForgot(customerNumber: string): Promise<number> {
  client.address = nextAddress();
  // The service idle first, as for a request that comes alone: the work after the answer
  // before (a reset link and its mail: a few round trips to PostgreSQL) is done.
  await sleep(20);
  const started = performance.now();
  const answer = await client.post('/api/password/forgot', { customerNumber, language: 'en' });
  const elapsed = performance.now() - started;
  assert.equal(answer.status, 202, answer.text);
  return elapsed;
}

const PAIRS = 60;

test(`S07 a number that gets a mail is answered as fast as one that does not (${PAIRS} interleaved pairs, a fresh known number each)`, async (t) => {
  let linksAsked = 0;
  const askKnown = (customer: TestCustomer) => {
    linksAsked += 1;
    return timeForgot(customer.number);
  };
  await passesInSomeRound(t, 3, async (round) => {
    const known: TestCustomer[] = [];
    for (let i = 0; i < PAIRS; i++) known.push(await provisionCustomer(client));
    if (round === 1) {
      // Warm both paths up first.
      for (let i = 0; i < 2; i++) {
        await askKnown(await provisionCustomer(client));
        await timeForgot(newCustomerNumber('U'));
      }
    }
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    let knownSlower = 0;
    for (const [index, customer] of known.entries()) {
      // Alternating which goes first, so whatever the second of a pair pays hits both alike.
      let knownTime: number;
      let unknownTime: number;
      if (index % 2 === 0) {
        knownTime = await askKnown(customer);
        unknownTime = await timeForgot(newCustomerNumber('U'));
      } else {
        unknownTime = await timeForgot(newCustomerNumber('U'));
        knownTime = await askKnown(customer);
      }
      knownTimes.push(knownTime);
      unknownTimes.push(unknownTime);
      if (knownTime > unknownTime) knownSlower += 1;
    }
    const [knownMedian, unknownMedian] = [median(knownTimes), median(unknownTimes)];
    const apart = Math.abs(knownMedian - unknownMedian) / Math.min(knownMedian, unknownMedian);
    return {
      // Were the two alike, which of a pair is slower would be a coin toss: one side winning
      // 42 or more of 60 happens by chance in about one run of 370 (a two-sided sign test).
      passed: knownSlower < 42 && PAIRS - knownSlower < 42 && apart < 0.1,
      summary: `medians: known ${knownMedian.toFixed(2)} ms, unknown ${unknownMedian.toFixed(2)} ms (${(apart * 100).toFixed(0)} % apart); the known one slower in ${knownSlower} of ${PAIRS} pairs`,
    };
  });

  // And every known number did get its link: the samples measured the path that sends one.
  const db = await service.database.open();
  try {
    // Made after the answers: the last ones may still be on their way to the database.
    const countLinks = () =>
      queryValue(db, "SELECT count(*) FROM outbox WHERE kind = 'password_reset'");
    const deadline = Date.now() + 5_000;
    while ((await countLinks()) !== linksAsked && Date.now() < deadline) await sleep(50);
    assert.equal(await countLinks(), linksAsked);
  } finally {
    await db.close();
  }
});
