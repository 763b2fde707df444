/**
 * The operator CLI (`npm run portal -- customers …`): what an operator types and reads.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../../server/cli.ts';
import { openDatabase } from '../../server/store/database.ts';
import { listMails } from '../../server/store/outbox.ts';

let folder: string;
let env: Record<string, string>;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'portal-cli-'));
  env = { PORTAL_DB: join(folder, 'portal.db') };
});
after(() => rmSync(folder, { recursive: true, force: true }));

async function portal(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    env,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('customers add creates a customer, prints the number, never the password, and queues two mails', async () => {
  const added = await portal(
    'customers',
    'add',
    '--email',
    'sara@example.ch',
    '--name',
    'Sara Keller',
    '--language',
    'fr',
    '--number',
    'k-2001',
  );
  assert.equal(added.code, 0, added.err);
  assert.match(added.out, /Created customer K-2001 \(Sara Keller, sara@example.ch, fr\)/);
  const db = openDatabase(env.PORTAL_DB as string);
  const mails = listMails(db).filter((mail) => mail.to === 'sara@example.ch');
  db.close();
  assert.deepEqual(mails.map((mail) => mail.kind).sort(), ['customer_number', 'initial_password']);
  const password = mails.find((mail) => mail.kind === 'initial_password')?.text ?? '';
  for (const word of password.split(/\s+/).filter((w) => w.length >= 12)) {
    assert.ok(!added.out.includes(word));
  }
});

test('customers add explains a duplicate number, a bad email, an unknown language, a weak password', async () => {
  await portal(
    'customers',
    'add',
    '--email',
    'a@example.ch',
    '--name',
    'A',
    '--language',
    'de',
    '--number',
    '777',
  );
  const duplicate = await portal(
    'customers',
    'add',
    '--email',
    'b@example.ch',
    '--name',
    'B',
    '--language',
    'de',
    '--number',
    '777',
  );
  assert.equal(duplicate.code, 1);
  assert.equal(duplicate.err, 'error: Customer number 777 is already taken.');
  const badEmail = await portal(
    'customers',
    'add',
    '--email',
    'not-an-email',
    '--name',
    'C',
    '--language',
    'de',
  );
  assert.equal(badEmail.code, 1);
  assert.match(badEmail.err, /^error: email is not an email address$/);
  const badLanguage = await portal(
    'customers',
    'add',
    '--email',
    'c@example.ch',
    '--name',
    'C',
    '--language',
    'es',
  );
  assert.match(badLanguage.err, /^error: language is one of de, fr, it, en$/);
  const weak = await portal(
    'customers',
    'add',
    '--email',
    'd@example.ch',
    '--name',
    'D',
    '--language',
    'de',
    '--password',
    'secret',
  );
  assert.equal(
    weak.err,
    'error: password does not meet these rules: length, uppercase, digit, symbol, common',
  );
  const listed = await portal('customers', 'list');
  assert.equal(
    listed.out.split('\n').filter((line) => line.includes('<b@example.ch>')).length,
    0,
    'nothing half-written',
  );
});

test('customers list, show, disable, enable, unlock, resend and delete do what they say', async () => {
  await portal(
    'customers',
    'add',
    '--email',
    'eva@example.de',
    '--name',
    'Eva Braun',
    '--language',
    'de',
    '--number',
    '5005',
  );
  const listed = await portal('customers', 'list');
  assert.match(listed.out, /5005 {2}Eva Braun <eva@example.de> {2}de {2}\[must change password\]/);
  const disabled = await portal('customers', 'disable', '5005');
  assert.match(disabled.out, /\[disabled, must change password\]/);
  assert.doesNotMatch((await portal('customers', 'enable', '5005')).out, /disabled/);
  assert.equal((await portal('customers', 'unlock', '5005')).code, 0);
  const resent = await portal('customers', 'resend', '5005');
  assert.match(resent.out, /A new initial password is queued by mail/);
  const shown = await portal('customers', 'show', '5005');
  assert.match(shown.out, /initial_password_resent/);
  assert.match(shown.out, /customer_disabled/);
  assert.equal((await portal('customers', 'delete', '5005')).code, 0);
  const gone = await portal('customers', 'show', '5005');
  assert.equal(gone.code, 1);
  assert.equal(gone.err, 'error: There is no customer 5005.');
});

test('an unknown command prints the usage; a bad setting names the variable', async () => {
  const unknown = await portal('customers', 'frobnicate');
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /^Usage: npm run portal -- <command>/);
  const out: string[] = [];
  const code = await runCli(
    ['customers', 'list'],
    { ...env, PORT: 'eighty' },
    () => {},
    (line) => out.push(line),
  );
  assert.equal(code, 1);
  assert.deepEqual(out, ['error: PORT must be a port number from 0 to 65535, not "eighty"']);
});
