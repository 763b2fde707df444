/**
 * @module S05 for what a test ran: no secret it used shows up in a log line or an
 * audit row of the service.
 */
import assert from 'node:assert/strict';
import type { Db } from '../../server/store/database.ts';
import { auditRows } from './database-snapshot.ts';

export async function assertNoSecretLeaked(
  service: { logs: string[]; db: Db },
  secrets: Iterable<string>,
): Promise<void> {
  const audit = (await auditRows(service.db)).map((row) => JSON.stringify(row));
  let checked = 0;
  for (const secret of secrets) {
    checked += 1;
    for (const line of service.logs) {
      assert.ok(!line.includes(secret), `a log line holds a secret: ${line}`);
    }
    for (const row of audit) {
      assert.ok(!row.includes(secret), `an audit row holds a secret: ${row}`);
    }
  }
  assert.ok(checked > 0, 'no secrets were collected: the check would prove nothing');
}
