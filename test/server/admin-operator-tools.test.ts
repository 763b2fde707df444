/**
 * The admin API's everyday tools, called as a CRM calls them: PATCH a customer, page and
 * search the list, the shared-address warning, the customer number pattern, {"force": true},
 * and the OpenAPI document at /admin/openapi.json, checked against the routes themselves.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@cfworker/json-schema';
import { createApp } from '../../server/app.ts';
import { Client } from '../support/client.ts';
import { activateCustomer, newCustomerNumber, provisionCustomer } from '../support/customers.ts';
import { queryRow } from '../support/database-query.ts';
import { auditRows } from '../support/database-snapshot.ts';
import { ADMIN_TOKEN, useService } from '../support/service.ts';

const service = useService({ clock: 'manual' }, async () => {
  client = new Client(service.url);
});
let client: Client;

interface CustomerAnswer {
  customer: { number: string; email: string; name: string; language: string };
  warnings: Array<{ code: string; message: string; customers?: string[] }>;
}

async function create(email: string, name = 'Test Customer') {
  const number = newCustomerNumber('P');
  const answer = await client.admin<CustomerAnswer>('POST', '/admin/customers', {
    number,
    email,
    name,
    language: 'de',
  });
  assert.equal(answer.status, 201, answer.text);
  return answer;
}

test('PATCH /admin/customers/:number corrects the address, name or language, audited with the request id', async () => {
  const { body } = await create('wrong@exmaple.ch', 'Rita Rot');
  const number = body.customer.number;
  const patched = await client.admin<CustomerAnswer>('PATCH', `/admin/customers/${number}`, {
    email: 'rita@example.ch',
    language: 'it',
  });
  assert.equal(patched.status, 200, patched.text);
  assert.deepEqual(
    [patched.body.customer.email, patched.body.customer.name, patched.body.customer.language],
    ['rita@example.ch', 'Rita Rot', 'it'],
  );
  assert.deepEqual(
    patched.body.warnings.map((warning) => warning.code),
    ['initial_password_at_old_address'],
  );
  const row = (await auditRows(service.db)).at(-1);
  assert.equal(row?.action, 'customer_updated');
  assert.equal(row?.address, 'admin:127.0.0.1');
  assert.equal(row?.detail, 'email: wrong@exmaple.ch -> rita@example.ch; language: de -> it');
  assert.equal(row?.request_id, patched.headers.get('X-Request-Id'));
  const shown = await client.admin<CustomerAnswer>('GET', `/admin/customers/${number}`);
  assert.equal(shown.body.customer.email, 'rita@example.ch');
});

test('PATCH refuses an empty change, a bad address, an unknown field and an unknown customer, changing nothing', async () => {
  const { body } = await create('kurt@example.ch');
  const path = `/admin/customers/${body.customer.number}`;
  const cases: Array<[unknown, string, string | undefined]> = [
    [{}, 'The input must hold at least one of email, name, language', undefined],
    [{ email: 'kurt(at)example.ch' }, 'email is not an email address', 'email'],
    [{ number: 'K-1' }, 'number is not expected', 'number'],
    [{ language: 'es' }, 'language is one of de, fr, it, en', 'language'],
  ];
  for (const [input, message, field] of cases) {
    const answer = await client.admin('PATCH', path, input);
    assert.equal(answer.status, 400, JSON.stringify(input));
    assert.equal(answer.body.error, 'invalid_request');
    assert.equal(answer.body.message, message);
    assert.equal(answer.body.field, field);
  }
  const unknown = await client.admin('PATCH', '/admin/customers/NO-SUCH-1', { name: 'X' });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error, 'not_found');
  const shown = await client.admin<CustomerAnswer>('GET', path);
  assert.equal(shown.body.customer.email, 'kurt@example.ch');
});

test('a new address ends the reset link the customer was mailed at the old one', async () => {
  const customer = await activateCustomer(client, await provisionCustomer(client));
  const forgot = await client.post('/api/password/forgot', { customerNumber: customer.number });
  assert.equal(forgot.status, 202);
  // The link is made after the answer (S07): wait for it, or the count may still be 0.
  await service.afterAnswers();
  const before = (await queryRow(service.db, 'SELECT count(*) AS n FROM reset_tokens')) as {
    n: number;
  };
  assert.ok(before.n >= 1);
  const patched = await client.admin('PATCH', `/admin/customers/${customer.number}`, {
    email: 'new-home@example.ch',
  });
  assert.equal(patched.status, 200, patched.text);
  const left = (await queryRow(
    service.db,
    'SELECT count(*) AS n FROM reset_tokens WHERE customer_id = (SELECT id FROM customers WHERE number = ?)',
    customer.number,
  )) as { n: number };
  assert.equal(left.n, 0);
});

test('POST /admin/customers warns about an address another customer has, and still creates', async () => {
  const first = await create('house@example.ch');
  assert.deepEqual(first.body.warnings, []);
  const second = await create('HOUSE@example.ch');
  assert.deepEqual(second.body.warnings, [
    {
      code: 'shared_email',
      message: `HOUSE@example.ch is also the address of customer ${first.body.customer.number}`,
      customers: [first.body.customer.number],
    },
  ]);
});

test('POST /admin/customers refuses a number that does not match PORTAL_CUSTOMER_NUMBER_PATTERN', async () => {
  const answer = await client.admin('POST', '/admin/customers', {
    number: 'abc',
    email: 'abc@example.ch',
    name: 'Abc',
    language: 'en',
  });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.error, 'invalid_request');
  assert.equal(answer.body.field, 'number');
  assert.match(String(answer.body.message), /PORTAL_CUSTOMER_NUMBER_PATTERN/);
});

test('GET /admin/customers pages with limit and next, and narrows with search', async () => {
  const marker = `pager-${Date.now()}`;
  const created: string[] = [];
  for (let i = 0; i < 5; i++) {
    created.push((await create(`${marker}-${i}@example.ch`)).body.customer.number);
  }
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = `search=${marker.toUpperCase()}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await client.admin<{ customers: Array<{ number: string }>; next: string | null }>(
      'GET',
      `/admin/customers?${query}`,
    );
    assert.equal(page.status, 200, page.text);
    assert.ok(page.body.customers.length <= 2);
    seen.push(...page.body.customers.map((customer) => customer.number));
    cursor = page.body.next;
    pages++;
    // A customer created between two pages comes on a later page, never twice.
    if (pages === 1) created.push((await create(`${marker}-late@example.ch`)).body.customer.number);
  } while (cursor !== null);
  assert.deepEqual(seen, created);
  assert.equal(pages, 3);

  const all = await client.admin<{ customers: unknown[]; next: string | null }>(
    'GET',
    '/admin/customers',
  );
  assert.equal(all.body.next, null, 'fewer than 100 customers: one page');
  for (const [query, field] of [
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=abc', 'cursor'],
    ['serach=x', 'serach'],
  ]) {
    const answer = await client.admin('GET', `/admin/customers?${query}`);
    assert.equal(answer.status, 400, query);
    assert.equal(answer.body.error, 'invalid_request');
    assert.equal(answer.body.field, field, query);
  }
});

test('resend-initial-password takes {"force": true}; a force that is not a boolean is refused', async () => {
  const customer = await activateCustomer(client, await provisionCustomer(client));
  const path = `/admin/customers/${customer.number}/resend-initial-password`;
  const notForced = await client.admin('POST', path, {});
  assert.equal(notForced.status, 400);
  assert.match(String(notForced.body.message), /\{"force": true\}/);
  const wrong = await client.admin('POST', path, { force: 'yes' });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.field, 'force');
  const forced = await client.admin<{ customer: { mustChangePassword: boolean } }>('POST', path, {
    force: true,
  });
  assert.equal(forced.status, 200, forced.text);
  assert.equal(forced.body.customer.mustChangePassword, true);
});

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: unknown; parameters?: unknown[] }>>;
  components: { schemas: Record<string, object> };
}

async function openApiDocument(): Promise<OpenApiDocument> {
  const answer = await client.admin<OpenApiDocument>('GET', '/admin/openapi.json');
  assert.equal(answer.status, 200, answer.text);
  return answer.body;
}

test('/admin/openapi.json is behind the operator token', async () => {
  const anonymous = await fetch(`${service.url}/admin/openapi.json`);
  assert.equal(anonymous.status, 401);
  const document = await openApiDocument();
  assert.equal(document.openapi, '3.1.0');
});

test('the OpenAPI document lists every admin route the service has', async () => {
  const document = await openApiDocument();
  const app = createApp({ config: service.config, db: service.db, clock: service.clock });
  const routes = app.routes
    .filter((route) => route.path.startsWith('/admin/') && route.method !== 'ALL')
    .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
  assert.ok(routes.length >= 10, routes.join(', '));
  const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
  assert.deepEqual([...new Set(routes)].sort(), documented.sort());
});

test("the OpenAPI document's schemas refuse what the routes refuse, and accept what they accept", async () => {
  const document = await openApiDocument();
  const schema = (name: string) =>
    new Validator(
      document.components.schemas[name] as ConstructorParameters<typeof Validator>[0],
      '2020-12',
    );
  const { body } = await create('schema@example.ch');
  const number = body.customer.number;
  const cases: Array<[string, string, string, unknown, boolean]> = [
    ['UpdateCustomerRequest', 'PATCH', `/admin/customers/${number}`, {}, false],
    ['UpdateCustomerRequest', 'PATCH', `/admin/customers/${number}`, { email: 'no-at' }, false],
    ['UpdateCustomerRequest', 'PATCH', `/admin/customers/${number}`, { colour: 'red' }, false],
    ['UpdateCustomerRequest', 'PATCH', `/admin/customers/${number}`, { name: 'A\u0007B' }, false],
    ['UpdateCustomerRequest', 'PATCH', `/admin/customers/${number}`, { name: 'Ok' }, true],
    [
      'CreateCustomerRequest',
      'POST',
      '/admin/customers',
      { email: 'x@example.ch', name: 'X', language: 'xx' },
      false,
    ],
    ['CreateCustomerRequest', 'POST', '/admin/customers', { email: 'x@example.ch' }, false],
    [
      'CreateCustomerRequest',
      'POST',
      '/admin/customers',
      { email: 'y@example.ch', name: 'Y', language: 'fr' },
      true,
    ],
    [
      'ResendInitialPasswordRequest',
      'POST',
      `/admin/customers/${number}/resend-initial-password`,
      { force: 'yes' },
      false,
    ],
  ];
  for (const [name, method, path, input, accepted] of cases) {
    const answer = await client.admin(method, path, input);
    const label = `${method} ${path} ${JSON.stringify(input)}`;
    assert.equal(answer.status < 400, accepted, `the route: ${label}: ${answer.text}`);
    assert.equal(schema(name).validate(input).valid, accepted, `the document: ${label}`);
  }
  // The list's query parameters carry the route's own checks.
  const parameters = document.paths['/admin/customers']?.get?.parameters as Array<{
    name: string;
    schema: object;
  }>;
  const limit = parameters.find((parameter) => parameter.name === 'limit');
  assert.ok(limit);
  const limitSchema = new Validator(limit.schema as ConstructorParameters<typeof Validator>[0]);
  assert.equal(limitSchema.validate('1001').valid, false);
  assert.equal((await client.admin('GET', '/admin/customers?limit=1001')).status, 400);
  assert.equal(limitSchema.validate('50').valid, true);
});

test('with the wrong token, PATCH changes nothing', async () => {
  const { body } = await create('guarded@example.ch');
  const response = await fetch(`${service.url}/admin/customers/${body.customer.number}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}x`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'thief@example.com' }),
  });
  assert.equal(response.status, 401);
  const shown = await client.admin<CustomerAnswer>(
    'GET',
    `/admin/customers/${body.customer.number}`,
  );
  assert.equal(shown.body.customer.email, 'guarded@example.ch');
});
