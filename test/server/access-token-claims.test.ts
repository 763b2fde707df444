/**
 * Issue 9: the access token's `sub` is the customer's public id, random and never reused,
 * so a site owner's backend never takes a new customer for a deleted one. The claims are
 * the ones the README's "The access token" documents, and its example verifies them.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import {
  decodeJwt,
  decodeProtectedHeader,
  importJWK,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';
import { hashPassword } from '../../server/auth/passwords.ts';
import type { Customer, SessionResponse } from '../../server/contract.ts';
import { schemaVersion } from '../../server/store/database.ts';
import { MIGRATIONS } from '../../server/store/migrations.ts';
import {
  createActiveCustomer,
  logIn,
  newCustomerNumber,
  newPassword,
  type TestCustomer,
} from '../support/customers.ts';
import { queryRow, queryRows } from '../support/database-query.ts';
import { PortalClient } from '../support/portal-client.ts';
import { useService } from '../support/service.ts';
import { startServiceProcess } from '../support/service-process.ts';
import { sqliteTestDatabase } from '../support/test-database.ts';

const service = useService({}, () => {
  client = new PortalClient(service.url);
});

let client: PortalClient;

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The README's "The access token" subsection, up to the next section. */
function readmeTokenSection(): string {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n### The access token\n');
  assert.ok(start >= 0, 'the README has a subsection "The access token"');
  const end = readme.indexOf('\n## ', start);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The header fields and claims the README's table lists, by its first column. */
function documentedFields(): { header: string[]; claim: string[] } {
  const fields = { header: [] as string[], claim: [] as string[] };
  for (const line of readmeTokenSection().split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const part = cells[1];
    if (part === 'header' || part === 'claim') {
      fields[part].push((cells[2] ?? '').replaceAll('`', ''));
    }
  }
  return fields;
}

async function meOf(token: string) {
  return client.get<Customer>('/api/me', token);
}

/** The row id SQLite gave a customer: what `sub` used to be. */
async function rowIdOf(number: string): Promise<number | undefined> {
  const row = (await queryRow(service.db, 'SELECT id FROM customers WHERE number = ?', number)) as
    | { id: number }
    | undefined;
  return row?.id;
}

/** The service's current private key, read from its database as an attacker never could. */
async function serviceSigningKey(): Promise<{ kid: string; key: CryptoKey }> {
  const row = (await queryRow(
    service.db,
    'SELECT kid, private_jwk AS jwk FROM signing_keys WHERE retired_at IS NULL',
  )) as { kid: string; jwk: string };
  return { kid: row.kid, key: (await importJWK(JSON.parse(row.jwk) as JWK, 'ES256')) as CryptoKey };
}

function sign(payload: JWTPayload, kid: string, key: CryptoKey) {
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(key);
}

test("the access token holds exactly the header fields and claims the README's table lists", async () => {
  const documented = documentedFields();
  assert.deepEqual(documented.header.toSorted(), ['alg', 'kid', 'typ']);
  const token = await logIn(client, await createActiveCustomer(client));
  const header = decodeProtectedHeader(token);
  const claims = decodeJwt(token);
  assert.deepEqual(Object.keys(header).toSorted(), documented.header.toSorted());
  assert.deepEqual(Object.keys(claims).toSorted(), documented.claim.toSorted());
  // The values the table promises.
  assert.equal(header.alg, 'ES256');
  assert.equal(header.typ, 'JWT');
  assert.equal(claims.aud, 'customer-portal');
  assert.equal(claims.iss, new URL(service.config.serviceUrl).origin);
  assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), 600);
});

test('the token names the customer by a UUID, the id of GET /api/me, of the login answer and of the admin API', async () => {
  const customer = await createActiveCustomer(client);
  const login = await client.post<SessionResponse>('/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(login.status, 200, login.text);
  const claims = decodeJwt(login.body.accessToken);
  assert.match(claims.sub ?? '', UUID);
  assert.equal(claims.customer_number, customer.number);
  const me = await meOf(login.body.accessToken);
  assert.equal(me.status, 200, me.text);
  assert.equal(me.body.id, claims.sub);
  assert.equal(login.body.customer.id, claims.sub);
  assert.equal(customer.id, claims.sub, 'the admin API answers with the same id');
});

test('a customer added after a delete gets the old row id but another sub, and the old token is refused', async () => {
  const deleted = await createActiveCustomer(client);
  const deletedToken = await logIn(client, deleted);
  const deletedRowId = await rowIdOf(deleted.number);
  assert.equal((await meOf(deletedToken)).status, 200);
  const answer = await client.admin('DELETE', `/admin/customers/${deleted.number}`);
  assert.equal(answer.status, 204, answer.text);

  const next = await createActiveCustomer(client);
  // SQLite gives the row id back (PostgreSQL's identity never does): the case this is about.
  if (service.db.dialect === 'sqlite') {
    assert.equal(
      await rowIdOf(next.number),
      deletedRowId,
      'SQLite gave the new customer the row id back',
    );
  }
  const nextToken = await logIn(client, next);
  const nextSubject = decodeJwt(nextToken).sub;
  assert.notEqual(nextSubject, decodeJwt(deletedToken).sub, 'a backend tells the two apart');
  assert.equal(nextSubject, next.id);
  assert.equal((await meOf(deletedToken)).status, 401, "the deleted customer's token is refused");
  assert.equal((await meOf(nextToken)).status, 200);
});

test("a token naming another customer with this customer's session is refused, though signed with the service's key", async () => {
  const owner = await createActiveCustomer(client);
  const other = await createActiveCustomer(client);
  const claims = decodeJwt(await logIn(client, owner));
  const { kid, key } = await serviceSigningKey();
  // The control: the same forgery with the claims unchanged gets in, so the 401s below are
  // about the subject alone.
  assert.equal((await meOf(await sign(claims, kid, key))).status, 200);
  for (const forged of [
    await sign({ ...claims, sub: other.id }, kid, key),
    await sign({ ...claims, sub: other.id, customer_number: other.number }, kid, key),
  ]) {
    assert.equal((await meOf(forged)).status, 401);
    const change = await client.post(
      '/api/password/change',
      { currentPassword: owner.password, newPassword: newPassword() },
      forged,
    );
    assert.equal(change.status, 401, change.text);
  }
});

test('customers of a database from before public ids get distinct UUIDs and log in with theirs as sub', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'portal-schema-1-'));
  const databasePath = join(folder, 'portal.db');
  const password = newPassword();
  const numbers = [newCustomerNumber('V'), newCustomerNumber('V'), newCustomerNumber('V')];
  const legacy = new Database(databasePath);
  legacy.exec(MIGRATIONS[0] ?? '');
  legacy.pragma('user_version = 1');
  const passwordHash = await hashPassword(password);
  for (const number of numbers) {
    legacy
      .prepare(
        `INSERT INTO customers (number, email, name, language, password_hash, must_change_password,
           created_at) VALUES (?, ?, 'Old Customer', 'de', ?, 0, ?)`,
      )
      .run(number, `${number.toLowerCase()}@example.com`, passwordHash, Date.now());
  }
  legacy.close();

  // An older SQLite file: opened as SQLite whichever store the suite runs on.
  const database = sqliteTestDatabase(databasePath);
  const db = await database.open();
  assert.equal(await schemaVersion(db), MIGRATIONS.length);
  const publicIds = new Map(
    (
      (await queryRows(db, 'SELECT number, public_id AS "publicId" FROM customers')) as {
        number: string;
        publicId: string;
      }[]
    ).map((row) => [row.number, row.publicId]),
  );
  await db.close();
  assert.equal(new Set(publicIds.values()).size, numbers.length, 'every customer has their own');
  for (const publicId of publicIds.values()) assert.match(publicId, UUID);

  const running = await startServiceProcess({ databasePath, database });
  try {
    const number = numbers[0] ?? '';
    const customer: TestCustomer = { id: publicIds.get(number) ?? '', number, password };
    const token = await logIn(new PortalClient(running.url), customer);
    assert.equal(decodeJwt(token).sub, customer.id);
  } finally {
    await running.kill();
    rmSync(folder, { recursive: true, force: true });
  }
});

test("the README's verification example, run as written, verifies a token of the running service", async () => {
  const code = /```js\n([\s\S]*?)```/.exec(readmeTokenSection())?.[1] ?? '';
  const placeholder = "'https://portal.dealer.example'";
  assert.equal(code.split(placeholder).length, 2, 'the example names the service once');

  const folder = mkdtempSync(join(tmpdir(), 'portal-readme-'));
  // A process of its own, as `npm start` runs it: its issuer is the URL it is reached at.
  const running = await startServiceProcess({ databasePath: join(folder, 'portal.db') });
  try {
    const portalClient = new PortalClient(running.url);
    const customer = await createActiveCustomer(portalClient);
    const token = await logIn(portalClient, customer);
    // Only the service's URL is filled in; a site owner's backend would run the rest as is.
    const example = code.replace(placeholder, JSON.stringify(running.url));
    const verify = `${example}\nconsole.log(JSON.stringify(await verifyAccessToken(process.argv[1])));`;
    const run = (argument: string) =>
      promisify(execFile)(process.execPath, ['--input-type=module', '-e', verify, argument], {
        cwd: PROJECT_ROOT,
      });
    const { stdout } = await run(token);
    assert.deepEqual(JSON.parse(stdout), { id: customer.id, customerNumber: customer.number });
    // The control: the example does verify, a token with a changed claim fails.
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({ ...decodeJwt(token), sub: randomUUID() }),
    ).toString('base64url');
    await assert.rejects(run(`${header}.${payload}.${signature}`), /signature verification failed/);
  } finally {
    await running.kill();
    rmSync(folder, { recursive: true, force: true });
  }
});
