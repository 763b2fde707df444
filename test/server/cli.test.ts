/**
 * The operator CLI (`npm run portal -- customers …`): what an operator types and reads.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { listMails, markMailGivenUp, markMailSent } from '../../server/store/outbox.ts';
import { useCliDatabase } from '../support/cli-database.ts';
import { queryRow, queryRows, runStatement } from '../support/database-query.ts';

const cli = useCliDatabase('portal-cli-');
const { portal, portalWith } = cli;

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
  const db = await cli.database.open();
  const mails = (await listMails(db)).filter((mail) => mail.to === 'sara@example.ch');
  await db.close();
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

test("customers show lists none of a deleted customer's events under the next customer, who gets its row id", async () => {
  const add = (number: string, email: string) =>
    portal(
      'customers',
      'add',
      '--email',
      email,
      '--name',
      'N',
      '--language',
      'de',
      '--number',
      number,
    );
  const rowIdOf = async (number: string) => {
    const db = await cli.database.open();
    const row = (await queryRow(db, 'SELECT id FROM customers WHERE number = ?', number)) as
      | { id: number }
      | undefined;
    await db.close();
    return row?.id;
  };
  assert.equal((await add('R-6006', 'old@example.de')).code, 0);
  assert.equal((await portal('customers', 'disable', 'R-6006')).code, 0);
  const deletedRowId = await rowIdOf('R-6006');
  assert.equal((await portal('customers', 'delete', 'R-6006')).code, 0);
  assert.equal((await add('R-6007', 'new@example.de')).code, 0);
  // SQLite gives the row id back (PostgreSQL's identity never does): the case this is about.
  if (cli.database.location === cli.database.sqlitePath) {
    assert.equal(
      await rowIdOf('R-6007'),
      deletedRowId,
      'SQLite gave the new customer the row id back',
    );
  }

  const shown = await portal('customers', 'show', 'R-6007');
  assert.equal(shown.out.match(/customer_created/g)?.length, 1, shown.out);
  assert.doesNotMatch(shown.out, /customer_disabled|customer_deleted/);
  // The deletion stays in the audit log, under the number.
  const db = await cli.database.open();
  const deletion = await queryRow(
    db,
    `SELECT customer_id AS "customerId" FROM audit_log WHERE action = 'customer_deleted' AND detail = ?`,
    'R-6006',
  );
  await db.close();
  assert.deepEqual(deletion, { customerId: null });
});

test('an unknown command prints the usage; a bad setting names the variable', async () => {
  const unknown = await portal('customers', 'frobnicate');
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /^Usage: npm run portal -- <command>/);
  const badPort = await portalWith({ ...cli.env, PORT: 'eighty' }, 'customers', 'list');
  assert.equal(badPort.code, 1);
  assert.equal(badPort.err, 'error: PORT must be a port number from 0 to 65535, not "eighty"');
});

test('customers import creates every customer of a spreadsheet export, each with two mails', async () => {
  const file = join(cli.folder, 'customers.csv');
  writeFileSync(
    file,
    '\uFEFFemail;name;language;number\r\n' +
      'lea@example.ch;Lea Frei;DE;C-100\r\n' +
      'paul@example.ch;"Müller; Paul";fr;\r\n' +
      '"gio@example.it";"Giovanni ""Gio"" Bianchi";it;C-101\r\n',
  );
  const imported = await portal('customers', 'import', file);
  assert.equal(imported.code, 0, imported.err);
  assert.deepEqual(imported.out.split('\n').slice(0, 4), [
    'Created 3 customers:',
    '  C-100  lea@example.ch',
    imported.out.split('\n')[2]?.match(/^ {2}\d{8} {2}paul@example\.ch$/)?.[0],
    '  C-101  gio@example.it',
  ]);
  const listed = await portal('customers', 'list');
  assert.match(listed.out, /C-100 {2}Lea Frei <lea@example.ch> {2}de/);
  assert.match(listed.out, /Müller; Paul <paul@example.ch> {2}fr/);
  assert.match(listed.out, /Giovanni "Gio" Bianchi <gio@example.it> {2}it/);
  const db = await cli.database.open();
  const kinds = (await listMails(db))
    .filter((mail) => mail.to === 'gio@example.it')
    .map((mail) => mail.kind)
    .sort();
  await db.close();
  assert.deepEqual(kinds, ['customer_number', 'initial_password']);
});

test('customers import with a wrong line creates nobody and names every bad line', async () => {
  const file = join(cli.folder, 'bad.csv');
  writeFileSync(
    file,
    'email,name,language,number\n' +
      'ok@example.ch,Okay Person,de,D-1\n' +
      'broken-address,No Mail,de,\n' +
      'x@example.ch,Wrong Language,es,\n' +
      'y@example.ch,Twice,en,D-1\n' +
      'z@example.ch,Taken,en,C-100\n',
  );
  const imported = await portal('customers', 'import', file);
  assert.equal(imported.code, 1);
  assert.deepEqual(imported.err.split('\n'), [
    `error: ${file}, line 3: email is not an email address`,
    `error: ${file}, line 4: language is one of de, fr, it, en`,
    `error: ${file}, line 5: number D-1 is on line 2 too`,
    `error: ${file}, line 6: customer number C-100 is already taken`,
    'Nothing was imported: correct the file and run the import again.',
  ]);
  assert.doesNotMatch(
    (await portal('customers', 'list')).out,
    /ok@example\.ch/,
    'not even the good line',
  );
  const missing = await portal('customers', 'import', join(cli.folder, 'no-such.csv'));
  assert.equal(missing.err, `error: cannot read ${join(cli.folder, 'no-such.csv')}: ENOENT`);
  writeFileSync(file, 'mail,name\na@b.ch,A\n');
  const header = await portal('customers', 'import', file);
  assert.match(header.err, /line 1: the header lacks email, language/);
});

test('customers resend refuses to replace a password the customer chose, unless forced', async () => {
  const db = await cli.database.open();
  await portal(
    'customers',
    'add',
    '--email',
    'own@example.ch',
    '--name',
    'Own',
    '--language',
    'en',
    '--number',
    'OWN-1',
  );
  await runStatement(db, "UPDATE customers SET must_change_password = 0 WHERE number = 'OWN-1'");
  const before = (
    (await queryRow(db, "SELECT password_hash AS h FROM customers WHERE number = 'OWN-1'")) as {
      h: string;
    }
  ).h;
  const refused = await portal('customers', 'resend', 'OWN-1');
  assert.equal(refused.code, 1);
  assert.match(
    refused.err,
    /has already chosen a password; they can set a new one with "Forgot your password"/,
  );
  const unchanged = (
    (await queryRow(db, "SELECT password_hash AS h FROM customers WHERE number = 'OWN-1'")) as {
      h: string;
    }
  ).h;
  assert.equal(unchanged, before, 'the chosen password is kept');
  const forced = await portal('customers', 'resend', 'OWN-1', '--force');
  assert.equal(forced.code, 0, forced.err);
  assert.match(forced.out, /\[must change password\]/);
  await db.close();
});

test('keys rotate adds a signing key and keeps the previous one published', async () => {
  const first = await portal('keys', 'rotate');
  const second = await portal('keys', 'rotate');
  assert.equal(second.code, 0, second.err);
  assert.match(
    second.out,
    /^New signing key \S+; the previous one stays valid until its tokens expire\.$/,
  );
  assert.notEqual(first.out, second.out, 'a new key each time');
  const db = await cli.database.open();
  const keys = (await queryRows(
    db,
    'SELECT retired_at AS "retiredAt" FROM signing_keys',
  )) as Array<{
    retiredAt: number | null;
  }>;
  await db.close();
  assert.equal(keys.filter((key) => key.retiredAt === null).length, 1, 'one key signs');
  assert.ok(keys.length >= 2, 'the retired ones stay until their tokens expire');
});

test('customers show lists a mail given up after failed deliveries; mail list and mail retry send it again', async () => {
  const added = await portal(
    'customers',
    'add',
    '--email',
    'lost@example.it',
    '--name',
    'Luca Rossi',
    '--language',
    'it',
    '--number',
    'M-7001',
  );
  assert.equal(added.code, 0, added.err);
  // As the worker leaves them after PORTAL_MAIL_GIVE_UP_HOURS of refusals.
  const db = await cli.database.open();
  const [numberMail, passwordMail] = (await listMails(db))
    .filter((mail) => mail.to === 'lost@example.it')
    .sort((a, b) => a.id - b.id);
  assert.ok(numberMail && passwordMail);
  await markMailGivenUp(db, passwordMail.id, Date.now(), 'EENVELOPE 550: mailbox unavailable');
  await db.close();

  const shown = await portal('customers', 'show', 'M-7001');
  assert.equal(shown.code, 0, shown.err);
  assert.match(
    shown.out,
    new RegExp(
      `mail ${passwordMail.id} {2}initial_password to lost@example.it, queued \\S+: given up \\S+ after 1 attempt; send it again with: npm run portal -- mail retry ${passwordMail.id} {2}\\(EENVELOPE 550: mailbox unavailable\\)`,
    ),
  );
  assert.doesNotMatch(shown.out, new RegExp(`mail ${numberMail.id} `), 'never tried: no trouble');
  const listed = await portal('mail', 'list');
  assert.match(listed.out, new RegExp(`mail ${passwordMail.id} .*given up`));
  assert.match(listed.out, new RegExp(`mail ${numberMail.id} .*waiting, 0 attempts`));

  const retried = await portal('mail', 'retry', String(passwordMail.id));
  assert.equal(retried.code, 0, retried.err);
  assert.match(retried.out, /waiting, 1 attempt, next/);
  assert.match(retried.out, /Due now: the running service sends it within seconds/);
  const after = await cli.database.open();
  const row = (await queryRow(
    after,
    'SELECT failed_at AS "failedAt", retried_at AS "retriedAt" FROM outbox WHERE id = ?',
    passwordMail.id,
  )) as { failedAt: number | null; retriedAt: number | null };
  const audit = await queryRows(
    after,
    "SELECT detail, address FROM audit_log WHERE action = 'mail_retried'",
  );
  await after.close();
  assert.equal(row.failedAt, null);
  assert.ok(row.retriedAt);
  assert.deepEqual(audit, [
    { detail: `mail ${passwordMail.id} (initial_password)`, address: 'cli' },
  ]);
  assert.doesNotMatch((await portal('customers', 'show', 'M-7001')).out, /given up/);

  const delivered = await cli.database.open();
  await markMailSent(delivered, numberMail.id, Date.now());
  await delivered.close();
  const sent = await portal('mail', 'retry', String(numberMail.id));
  assert.equal(sent.code, 1);
  assert.match(
    sent.err,
    new RegExp(
      `^error: Mail ${numberMail.id} was delivered on \\S+; there is nothing to retry\\.$`,
    ),
  );

  const unknown = await portal('mail', 'retry', '999999');
  assert.equal(unknown.code, 1);
  assert.equal(unknown.err, 'error: There is no mail 999999.');
  assert.equal((await portal('mail', 'retry', 'abc')).code, 1);
});
