/**
 * S26, property-based: random JSON (and some that is not) thrown at every state-changing
 * endpoint never gets a 5xx, every refusal carries a contract error code, no answer
 * repeats a password or token it was sent (S05), and no customer's password changes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ERROR_CODES } from '../../server/contract.ts';
import {
  activateCustomer,
  createActiveCustomer,
  logIn,
  provisionCustomer,
  requestChangeToken,
  type TestCustomer,
} from '../support/customers.ts';
import { passwordHashes } from '../support/database-snapshot.ts';
import { PortalClient } from '../support/portal-client.ts';
import { ADMIN_TOKEN, TEST_ORIGIN, useService } from '../support/service.ts';

// Each request from its own address, so the per-address limits (S09) do not turn every
// later login into a 429 that never reaches the password check.
const service = useService(
  { env: { PORTAL_TRUSTED_PROXY_HEADER: 'x-forwarded-for' } },
  async () => {
    const client = new PortalClient(service.url);
    active = await createActiveCustomer(client);
    accessToken = await logIn(client, active);
    initial = await provisionCustomer(client);
    changeToken = await requestChangeToken(client, initial);
    hashesBefore = await passwordHashes(service.db);
  },
);

let active: TestCustomer;
let initial: TestCustomer;
let accessToken: string;
let changeToken: string;
let hashesBefore: Map<string, string>;
let requestCount = 0;

/** Values a field may hold: anything JSON, odd strings, and the real customers' numbers. */
const oddValue = () =>
  fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\u202e', "'", '"', '\\', 'é', 'A') }),
    fc.constantFrom("' OR 1=1 --", '', 'de', null, 0, true, [], {}),
    fc.jsonValue({ maxDepth: 2 }),
  );

/** Mostly plausible values, so requests get past validation to the checks behind it. */
const plausible = {
  customerNumber: () =>
    fc.oneof(
      fc.constantFrom(active.number, initial.number, ` ${active.number.toLowerCase()} `),
      fc.stringMatching(/^[A-Za-z0-9-]{1,32}$/),
    ),
  password: () =>
    fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 140 }),
      fc.constantFrom(active.password, initial.password, `${active.password} `),
    ),
  // Never the customer's real current password: a change would then be a legal change.
  wrongPassword: () => fc.string({ unit: 'binary', minLength: 1, maxLength: 140 }),
  language: () => fc.constantFrom('de', 'fr', 'it', 'en', 'EN', 'xx'),
  token: () => fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
  // A password the policy accepts, so a create gets as far as hashing and storing it.
  strongPassword: () =>
    fc.string({ unit: 'binary', minLength: 4, maxLength: 40 }).map((tail) => `Qz9!${tail}`),
  email: () =>
    fc.oneof(
      fc.emailAddress(),
      fc
        .tuple(fc.stringMatching(/^[a-z0-9]{1,20}$/), fc.constantFrom('example.ch', 'example.com'))
        .map(([local, domain]) => `${local}@${domain}`),
    ),
  name: () => fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
};
type Fields = Record<string, () => fc.Arbitrary<unknown>>;

/** An object with the endpoint's fields (some may be missing or odd), maybe foreign ones. */
const shapedBody = (fields: Fields) => {
  const entries = Object.entries(fields).map(
    ([name, value]) =>
      [
        name,
        fc.oneof({ weight: 9, arbitrary: value() }, { weight: 1, arbitrary: oddValue() }),
      ] as const,
  );
  const record = Object.fromEntries(entries);
  return fc
    .tuple(
      fc.oneof(
        { weight: 6, arbitrary: fc.record(record) },
        { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
      ),
      fc.oneof(
        { weight: 5, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), oddValue(), {
            minKeys: 1,
            maxKeys: 2,
          }),
        },
      ),
    )
    .map(([own, foreign]) => JSON.stringify(foreign ? { ...foreign, ...own } : own));
};

const anyBody = (fields: Fields) =>
  fc.oneof(
    { weight: 6, arbitrary: shapedBody(fields) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  );

interface Endpoint {
  method: string;
  path: string;
  fields: Fields;
  authorization?: () => string;
  cookie?: fc.Arbitrary<string | null>;
  runs: number;
}

const randomCookie = fc.option(fc.string({ maxLength: 60 }), { freq: 3 });
const ENDPOINTS: Endpoint[] = [
  {
    method: 'POST',
    path: '/api/login',
    fields: { customerNumber: plausible.customerNumber, password: plausible.password },
    runs: 80,
  },
  {
    method: 'POST',
    path: '/api/password/change',
    fields: { currentPassword: plausible.wrongPassword, newPassword: plausible.password },
    authorization: () => (requestCount % 2 ? accessToken : changeToken),
    runs: 60,
  },
  {
    method: 'POST',
    path: '/api/password/forgot',
    fields: { customerNumber: plausible.customerNumber, language: plausible.language },
    runs: 60,
  },
  {
    method: 'POST',
    path: '/api/password/reset',
    fields: { token: plausible.token, newPassword: plausible.password },
    runs: 60,
  },
  { method: 'POST', path: '/api/session/refresh', fields: {}, cookie: randomCookie, runs: 40 },
  { method: 'POST', path: '/api/logout', fields: {}, cookie: randomCookie, runs: 40 },
  {
    method: 'PATCH',
    path: '/api/me',
    fields: { language: plausible.language },
    authorization: () => accessToken,
    runs: 60,
  },
  {
    method: 'POST',
    path: '/admin/customers',
    fields: {
      email: plausible.email,
      name: plausible.name,
      language: plausible.language,
      number: plausible.customerNumber,
      password: plausible.strongPassword,
    },
    authorization: () => ADMIN_TOKEN,
    runs: 60,
  },
];

/** Strings sent under a password or token field: none may come back in the answer. */
function sentSecrets(raw: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'string' && /password|token/i.test(key) && value.length >= 8) {
      found.push(value);
    } else if (value !== null && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) visit(item, name);
    }
  };
  try {
    visit(JSON.parse(raw), '');
  } catch {
    // Not JSON: nothing was read from it.
  }
  return found;
}

for (const endpoint of ENDPOINTS) {
  test(`S26 random bodies at ${endpoint.method} ${endpoint.path}: no 5xx, contract codes, no password changed`, async () => {
    await fc.assert(
      fc.asyncProperty(
        anyBody(endpoint.fields),
        endpoint.cookie ?? fc.constant(null),
        async (raw, cookie) => {
          requestCount += 1;
          const headers: Record<string, string> = {
            Origin: TEST_ORIGIN,
            'Content-Type': 'application/json',
            'X-Forwarded-For': `10.${(requestCount >> 16) & 255}.${(requestCount >> 8) & 255}.${requestCount & 255}`,
          };
          if (endpoint.authorization) headers.Authorization = `Bearer ${endpoint.authorization()}`;
          if (cookie !== null) headers.Cookie = `portal_refresh=${encodeURIComponent(cookie)}`;
          const response = await fetch(`${service.url}${endpoint.path}`, {
            method: endpoint.method,
            headers,
            body: raw,
          });
          const text = await response.text();
          assert.ok(response.status < 500, `${response.status} ${text}`);
          if (response.status >= 400) {
            const { error } = JSON.parse(text) as { error: string };
            assert.ok(ERROR_CODES.includes(error as never), text);
          }
          for (const secret of sentSecrets(raw)) assert.ok(!text.includes(secret), text);
          for (const [number, hash] of hashesBefore) {
            assert.equal(
              (await passwordHashes(service.db)).get(number),
              hash,
              `${number}'s password changed`,
            );
          }
        },
      ),
      { numRuns: endpoint.runs },
    );
  });
}

test('S26 after all that the service is up and both customers still get in as before', async () => {
  assert.equal((await fetch(`${service.url}/healthz`)).status, 200);
  const client = new PortalClient(service.url, { address: '192.0.2.200' });
  await client.admin('POST', `/admin/customers/${active.number}/unlock`, {});
  await client.admin('POST', `/admin/customers/${initial.number}/unlock`, {});
  await logIn(client, active);
  await activateCustomer(client, initial);
});
