/**
 * The operator's everyday CLI tools, run as an operator runs them: `customers update`,
 * `customers list --search --json`, the shared-address warning, the customer number
 * pattern, a mistyped flag, and `audit`.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { useCliDatabase } from '../support/cli-database.ts';
import { queryRows } from '../support/database-query.ts';

const cli = useCliDatabase('portal-cli-tools-');
const { portal, portalWith } = cli;

async function add(number: string, email: string, name = 'Test Person', language = 'de') {
  const added = await portal(
    'customers',
    'add',
    '--email',
    email,
    '--name',
    name,
    '--language',
    language,
    '--number',
    number,
  );
  assert.equal(added.code, 0, added.err);
  return added;
}

async function auditOf(number: string) {
  const db = await cli.database.open();
  const rows = (await queryRows(
    db,
    `SELECT action, address, detail FROM audit_log
       WHERE customer_id = (SELECT id FROM customers WHERE number = ?) ORDER BY id`,
    number,
  )) as Array<{ action: string; address: string; detail: string | null }>;
  await db.close();
  return rows;
}

test('customers update corrects the address, name and language, and the audit log keeps old and new', async () => {
  await add('U-100', 'anna@exmaple.ch', 'Anna Meier', 'de');
  const updated = await portal(
    'customers',
    'update',
    'u-100',
    '--email',
    'anna@example.ch',
    '--name',
    'Anna Muster',
    '--language',
    'fr',
  );
  assert.equal(updated.code, 0, updated.err);
  assert.match(updated.out, /^U-100 {2}Anna Muster <anna@example.ch> {2}fr/);
  assert.match(updated.out, /Updated email, name, language\./);
  // The welcome mails went to the mistyped address: the operator is told what to do.
  assert.match(
    updated.err,
    /^warning: The initial password of U-100 was mailed to anna@exmaple\.ch: send a new one to anna@example\.ch with "customers resend U-100"/,
  );
  assert.deepEqual((await auditOf('U-100')).at(-1), {
    action: 'customer_updated',
    address: 'cli',
    detail:
      'email: anna@exmaple.ch -> anna@example.ch; name: Anna Meier -> Anna Muster; language: de -> fr',
  });

  const same = await portal('customers', 'update', 'U-100', '--language', 'fr');
  assert.equal(same.code, 0, same.err);
  assert.match(same.out, /Nothing changed: the customer already has these details\./);
  assert.equal(
    (await auditOf('U-100')).filter((row) => row.action === 'customer_updated').length,
    1,
  );
});

test('customers update refuses a bad address, an unknown customer, and no change at all, changing nothing', async () => {
  await add('U-200', 'ben@example.ch');
  const bad = await portal('customers', 'update', 'U-200', '--email', 'ben(at)example.ch');
  assert.equal(bad.code, 1);
  assert.equal(bad.err, 'error: email is not an email address');
  const unknown = await portal('customers', 'update', 'U-999', '--name', 'Nobody');
  assert.equal(unknown.code, 1);
  assert.equal(unknown.err, 'error: There is no customer U-999.');
  const nothing = await portal('customers', 'update', 'U-200');
  assert.equal(nothing.code, 1);
  assert.match(nothing.err, /^error: give at least one of --email, --name, --language\n/);
  assert.match(nothing.err, /Usage: npm run portal -- customers update NUMBER/);
  assert.match((await portal('customers', 'show', 'U-200')).out, /<ben@example\.ch>/);
});

test('a customer number typed as printed in a letter, with spaces and in lower case, finds the customer', async () => {
  await add('AB-10012345', 'carla@example.ch', 'Carla Rossi');
  const shown = await portal('customers', 'show', ' ab-1001 2345 ');
  assert.equal(shown.code, 0, shown.err);
  assert.match(shown.out, /AB-10012345/);
  assert.match(shown.out, /<carla@example\.ch>/);
  const unlocked = await portal('customers', 'unlock', 'ab-1001\u00A02345');
  assert.equal(unlocked.code, 0, unlocked.err);
});

test('customers list --search finds by number, name or address in any case; --json prints the records', async () => {
  await add('S-301', 'clara.weber@example.de', 'Clara Weber');
  await add('S-302', 'info@garage-weber.ch', 'Garage Zimmermann');
  await add('S-303', 'someone@example.it', 'Luca 100% Rossi');
  const byName = await portal('customers', 'list', '--search', 'WEBER');
  assert.deepEqual(
    byName.out.split('\n').map((line) => line.split(' ')[0]),
    ['S-301', 'S-302'],
  );
  const byNumber = await portal('customers', 'list', '--search', 's-303');
  assert.match(byNumber.out, /^S-303 {2}Luca 100% Rossi/);
  // A % is looked for as such, not as "anything".
  const percent = await portal('customers', 'list', '--search', '0%');
  assert.deepEqual(
    percent.out.split('\n').map((line) => line.split(' ')[0]),
    ['S-303'],
  );
  const none = await portal('customers', 'list', '--search', 'nobody-here');
  assert.equal(none.code, 0);
  assert.equal(none.out, 'No customer\'s number, name or address holds "nobody-here".');

  const json = await portal('customers', 'list', '--search', 'weber', '--json');
  assert.equal(json.code, 0, json.err);
  const records = JSON.parse(json.out) as Array<Record<string, unknown>>;
  assert.deepEqual(
    records.map((record) => [record.number, record.email, record.status, record.locked]),
    [
      ['S-301', 'clara.weber@example.de', 'active', false],
      ['S-302', 'info@garage-weber.ch', 'active', false],
    ],
  );
  assert.ok(!json.out.includes('argon2'), 'never a hash');
  assert.deepEqual(
    JSON.parse((await portal('customers', 'list', '--search', 'x@y', '--json')).out),
    [],
  );
});

test('an address another customer already has is created all the same, with a warning naming them', async () => {
  await add('H-401', 'family@example.ch', 'Eva Keller');
  const second = await add('H-402', 'Family@Example.ch', 'Max Keller');
  assert.match(second.out, /Created customer H-402/);
  assert.equal(second.err, 'warning: Family@Example.ch is also the address of customer H-401');

  const file = join(cli.folder, 'household.csv');
  writeFileSync(
    file,
    'email,name,language,number\nfamily@example.ch,Lena Keller,de,H-403\nsolo@example.ch,Solo,en,H-404\n',
  );
  const imported = await portal('customers', 'import', file);
  assert.equal(imported.code, 0, imported.err);
  assert.match(imported.out, /Created 2 customers/);
  assert.equal(
    imported.err,
    `warning: ${file}, line 2: family@example.ch is also the address of customers H-401, H-402`,
  );
  const updated = await portal('customers', 'update', 'H-404', '--email', 'FAMILY@example.ch');
  assert.equal(updated.code, 0, updated.err);
  assert.match(
    updated.err,
    /^warning: FAMILY@example\.ch is also the address of customers H-401, H-402, H-403$/m,
  );
});

test('a customer number must match PORTAL_CUSTOMER_NUMBER_PATTERN: "abc" is refused by default, naming the pattern', async () => {
  const refused = await portal(
    'customers',
    'add',
    '--email',
    'abc@example.ch',
    '--name',
    'Abc',
    '--language',
    'de',
    '--number',
    'abc',
  );
  assert.equal(refused.code, 1);
  assert.equal(
    refused.err,
    'error: number ABC does not match PORTAL_CUSTOMER_NUMBER_PATTERN ^[A-Z0-9-]*[0-9][A-Z0-9-]*$',
  );
  assert.doesNotMatch((await portal('customers', 'list')).out, /abc@example\.ch/);
  // The demo customer's number, and a generated one, fit the default.
  await add('10012345', 'demo-like@example.ch');
  const generated = await portal(
    'customers',
    'add',
    '--email',
    'gen@example.ch',
    '--name',
    'Gen',
    '--language',
    'it',
  );
  assert.match(generated.out, /^Created customer \d{8} /);

  const strict = { ...cli.env, PORTAL_CUSTOMER_NUMBER_PATTERN: '^K-[0-9]{4}$' };
  const file = join(cli.folder, 'strict.csv');
  writeFileSync(
    file,
    'email;name;language;number\nk1@example.ch;K One;de;k-1001\nk2@example.ch;K Two;de;K-12\nk3@example.ch;K Three;de;\n',
  );
  const imported = await portalWith(strict, 'customers', 'import', file);
  assert.equal(imported.code, 1);
  assert.deepEqual(imported.err.split('\n'), [
    `error: ${file}, line 3: number K-12 does not match PORTAL_CUSTOMER_NUMBER_PATTERN ^K-[0-9]{4}$`,
    `error: ${file}, line 4: number is required: generated numbers have 8 digits, which PORTAL_CUSTOMER_NUMBER_PATTERN ^K-[0-9]{4}$ does not accept`,
    'Nothing was imported: correct the file and run the import again.',
  ]);

  const unanchored = await portalWith(
    { ...cli.env, PORTAL_CUSTOMER_NUMBER_PATTERN: '[0-9]{8}' },
    'customers',
    'list',
  );
  assert.equal(unanchored.code, 1);
  assert.match(
    unanchored.err,
    /^error: PORTAL_CUSTOMER_NUMBER_PATTERN must begin with \^ and end with \$ so that it matches the whole number/,
  );
  const broken = await portalWith(
    { ...cli.env, PORTAL_CUSTOMER_NUMBER_PATTERN: '^[0-9$' },
    'customers',
    'list',
  );
  assert.match(broken.err, /^error: PORTAL_CUSTOMER_NUMBER_PATTERN is not a regular expression/);
});

test("a mistyped flag is answered with the command's usage, not Node's parser text, and nothing is done", async () => {
  const typo = await portal(
    'customers',
    'add',
    '--emial',
    'typo@example.ch',
    '--name',
    'Typo',
    '--language',
    'de',
  );
  assert.equal(typo.code, 1);
  assert.deepEqual(typo.err.split('\n').slice(0, 2), [
    'error: unknown option --emial',
    'Usage: npm run portal -- customers add --email EMAIL --name NAME --language de|fr|it|en [--number N] [--password P]',
  ]);
  assert.doesNotMatch(typo.err, /To specify a positional argument|customers delete/);
  assert.doesNotMatch((await portal('customers', 'list')).out, /typo@example\.ch/);

  const missing = await portal('customers', 'list', '--search');
  assert.equal(missing.code, 1);
  assert.match(
    missing.err,
    /^error: --search needs a value\nUsage: npm run portal -- customers list/,
  );
  const flagValue = await portal('customers', 'resend', 'U-200', '--force=yes');
  assert.match(
    flagValue.err,
    /^error: --force takes no value\nUsage: npm run portal -- customers resend/,
  );
  const notHere = await portal('customers', 'list', '--force');
  assert.match(
    notHere.err,
    /^error: unknown option --force\nUsage: npm run portal -- customers list/,
  );
  const extra = await portal('customers', 'show', 'U-200', 'U-100');
  assert.match(
    extra.err,
    /^error: unexpected U-100\nUsage: npm run portal -- customers show NUMBER/,
  );
  const noNumber = await portal('customers', 'unlock');
  assert.match(
    noNumber.err,
    /^error: NUMBER is missing\nUsage: npm run portal -- customers unlock/,
  );
  const help = await portal('audit', '--help');
  assert.match(help.err, /^Usage: npm run portal -- audit \[--customer NUMBER\]/);
});

test('audit lists the events in time order, of one customer or since a time, as lines or JSON', async () => {
  await add('A-501', 'audit@example.ch', 'Audit Person');
  assert.equal((await portal('customers', 'disable', 'A-501')).code, 0);
  assert.equal((await portal('customers', 'enable', 'A-501')).code, 0);
  const listed = await portal('audit', '--customer', 'a-501');
  assert.equal(listed.code, 0, listed.err);
  const lines = listed.out.split('\n');
  assert.deepEqual(
    lines.map((line) => line.split('  ').slice(1, 5)),
    [
      ['customer_created', 'A-501', 'cli', '-'],
      ['customer_disabled', 'A-501', 'cli', '-'],
      ['customer_enabled', 'A-501', 'cli', '-'],
    ],
  );
  for (const line of lines) assert.match(line, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z {2}/);

  // A deleted customer's number still finds the deletion.
  assert.equal((await portal('customers', 'delete', 'A-501')).code, 0);
  const deleted = await portal('audit', '--customer', 'A-501', '--json');
  const events = JSON.parse(deleted.out) as Array<Record<string, string | null>>;
  assert.deepEqual(
    events.map((event) => [event.action, event.customerNumber, event.address]),
    [['customer_deleted', 'A-501', 'cli']],
  );

  const all = await portal('audit', '--since', '1h', '--limit', '2');
  assert.equal(all.code, 0, all.err);
  const allLines = all.out.split('\n');
  assert.match(allLines[0] ?? '', /^\(older events left out: showing the latest 2; see --limit\)$/);
  assert.match(allLines[2] ?? '', /customer_deleted {2}A-501/, 'the latest last');
  const future = await portal('audit', '--since', '2999-01-01');
  assert.equal(future.out, 'No events.');

  const bad = await portal('audit', '--since', 'yesterday');
  assert.equal(bad.code, 1);
  assert.match(
    bad.err,
    /^error: --since must be a date such as 2026-12-01 \(UTC\).*not "yesterday"$/,
  );
  assert.equal((await portal('audit', '--since', '2026-02-31')).code, 1, 'no such day');
});
