/**
 * S17, S18, S19: the refresh cookie and what the server does with it: rotation on every
 * use, reuse detection with a short grace window, idle and absolute limits, and logout.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REFRESH_GRACE_MILLISECONDS } from '../../server/auth/sessions.ts';
import { createActiveCustomer, logIn, type TestCustomer } from '../support/customers.ts';
import { auditRows, snapshotDatabase } from '../support/database-snapshot.ts';
import { PortalClient } from '../support/portal-client.ts';
import { assertNoSecretLeaked } from '../support/secrets.ts';
import { useService } from '../support/service.ts';

const service = useService({ clock: 'manual' }, async () => {
  customer = await createActiveCustomer(newClient());
});

let customer: TestCustomer;
const clients: PortalClient[] = [];

function newClient(): PortalClient {
  const client = new PortalClient(service.url);
  clients.push(client);
  return client;
}

const minutes = (count: number) => count * 60_000;

/** The refresh cookie of the last answer, split into its value and attributes. */
function refreshCookieOf(client: PortalClient) {
  const header = client.setCookies.find((cookie) => cookie.startsWith('portal_refresh='));
  assert.ok(header, `no refresh cookie in ${JSON.stringify(client.setCookies)}`);
  const [pair = '', ...parts] = header.split(';').map((part) => part.trim());
  const attributes = new Map(
    parts.map((part) => {
      const [name = '', value = ''] = part.split('=');
      return [name.toLowerCase(), value] as const;
    }),
  );
  return { value: pair.slice('portal_refresh='.length), attributes };
}

async function refresh(client: PortalClient) {
  return client.post<{ accessToken: string; error?: string }>('/api/session/refresh');
}

test('S18 the refresh cookie is HttpOnly, Secure, SameSite=None, Partitioned, Path=/api, and a session cookie', async () => {
  const client = newClient();
  await logIn(client, customer);
  const { value, attributes } = refreshCookieOf(client);
  assert.ok(value.length >= 22, 'at least 128 bits');
  assert.ok(attributes.has('httponly'));
  assert.ok(attributes.has('secure'));
  assert.equal(attributes.get('samesite'), 'None');
  assert.ok(attributes.has('partitioned'));
  assert.equal(attributes.get('path'), '/api');
  // No Max-Age or Expires: closing the browser on a shared computer ends the session there
  // (help text B, note); the server's idle and absolute limits end it while it is open.
  assert.ok(!attributes.has('max-age') && !attributes.has('expires'), 'a session cookie');
});

test('S17 every refresh rotates the cookie, and the database holds only hashes of it', async () => {
  const client = newClient();
  await logIn(client, customer);
  const seen = [client.refreshCookie];
  for (let i = 0; i < 3; i++) {
    service.clock.advance?.(minutes(5));
    const answer = await refresh(client);
    assert.equal(answer.status, 200, answer.text);
    assert.ok(!seen.includes(client.refreshCookie), 'a new token each time');
    seen.push(client.refreshCookie);
  }
  assert.ok(
    !refreshCookieOf(client).attributes.has('max-age'),
    "still a session cookie; the absolute limit is the server's",
  );
  const stored = JSON.stringify(await snapshotDatabase(service.db));
  for (const token of seen) assert.ok(token && !stored.includes(token), 'no token in clear');
});

test('S17 a rotated refresh token presented after the grace window ends the whole session', async () => {
  const client = newClient();
  const accessToken = await logIn(client, customer);
  const first = client.refreshCookie;
  service.clock.advance?.(minutes(1));
  assert.equal((await refresh(client)).status, 200);
  service.clock.advance?.(minutes(1));
  const newest = await refresh(client);
  assert.equal(newest.status, 200);
  const newestCookie = client.refreshCookie;

  const thief = newClient();
  thief.refreshCookie = first;
  const reused = await refresh(thief);
  assert.equal(reused.status, 401);
  assert.equal(reused.body.error, 'session_expired');
  assert.equal(refreshCookieOf(thief).attributes.get('max-age'), '0', 'the cookie is cleared');

  // The rightful holder is logged out too: the newest token and the access tokens fail.
  client.refreshCookie = newestCookie;
  assert.equal((await refresh(client)).status, 401);
  assert.equal((await client.get('/api/me', accessToken)).status, 401);
  assert.equal((await client.get('/api/me', newest.body.accessToken)).status, 401);
  assert.ok((await auditRows(service.db)).some((row) => row.action === 'refresh_token_reuse'));
  assert.ok(service.logs.some((line) => line.includes('refresh_token_reuse')));
});

/** Whether the last answer to `tab` set a new refresh cookie (a cleared one does not count). */
function gotNewCookie(tab: PortalClient): boolean {
  return tab.setCookies.some(
    (cookie) => cookie.startsWith('portal_refresh=') && !/Max-Age=0/i.test(cookie),
  );
}

test('S17 two tabs refreshing at once with the same cookie both stay logged in, and the browser holds one refresh token', async () => {
  const first = newClient();
  await logIn(first, customer);
  const shared = first.refreshCookie;
  const second = newClient();
  second.refreshCookie = shared;
  const [a, b] = await Promise.all([refresh(first), refresh(second)]);
  assert.equal(a.status, 200, a.text);
  assert.equal(b.status, 200, b.text);
  // One answer rotated the cookie. The other came second, within the grace window: it has
  // an access token and sets no cookie, so the cookie jar the tabs share keeps the new one.
  const rotated = [first, second].filter(gotNewCookie);
  assert.equal(rotated.length, 1, 'one new refresh token, and no cookie cleared');
  const jar = rotated[0]?.refreshCookie ?? null;
  assert.ok(jar && jar !== shared);
  assert.equal((await first.get('/api/me', a.body.accessToken)).status, 200);
  assert.equal((await second.get('/api/me', b.body.accessToken)).status, 200);
  // Both tabs go on with the browser's cookie.
  service.clock.advance?.(minutes(5));
  first.refreshCookie = jar;
  assert.equal((await refresh(first)).status, 200);
  second.refreshCookie = first.refreshCookie;
  assert.equal((await refresh(second)).status, 200);
});

test(`S17 the grace window for a late second refresh is ${REFRESH_GRACE_MILLISECONDS / 1000} seconds`, async () => {
  assert.equal(REFRESH_GRACE_MILLISECONDS, 5_000, 'short: a copy of the cookie gains little');
  for (const [lateBy, expected] of [
    [REFRESH_GRACE_MILLISECONDS, 200],
    [REFRESH_GRACE_MILLISECONDS + 1000, 401],
  ] as const) {
    const tab = newClient();
    await logIn(tab, customer);
    const shared = tab.refreshCookie;
    assert.equal((await refresh(tab)).status, 200);
    service.clock.advance?.(lateBy);
    const otherTab = newClient();
    otherTab.refreshCookie = shared;
    assert.equal((await refresh(otherTab)).status, expected, `${lateBy / 1000} s late`);
  }
});

test('S17 a rotated refresh token replayed five times at once within the grace window: one access token, no second refresh token, and the reuse ends the session', async () => {
  const holder = newClient();
  await logIn(holder, customer);
  const rotatedAway = holder.refreshCookie;
  const rotation = await refresh(holder);
  assert.equal(rotation.status, 200);
  const holderCookie = holder.refreshCookie;
  const reuseRows = async () =>
    (await auditRows(service.db)).filter(
      (row) => row.action === 'refresh_token_reuse' && row.customer_public_id === customer.id,
    ).length;
  const reusesBefore = await reuseRows();

  service.clock.advance?.(1000);
  const replayers = Array.from({ length: 5 }, () => {
    const replayer = newClient();
    replayer.refreshCookie = rotatedAway;
    return replayer;
  });
  const answers = await Promise.all(replayers.map((replayer) => refresh(replayer)));
  const statuses = answers.map((answer) => answer.status).sort();
  assert.deepEqual(statuses, [200, 401, 401, 401, 401], 'one answer per rotation');
  assert.equal(replayers.filter(gotNewCookie).length, 0, 'no replay got a refresh token');
  assert.equal(await reuseRows(), reusesBefore + 1, 'the second replay is recorded as reuse');

  // Reuse ends the session for everyone: the holder's cookie and every access token.
  holder.refreshCookie = holderCookie;
  assert.equal((await refresh(holder)).status, 401);
  const replayed = answers.find((answer) => answer.status === 200);
  for (const accessToken of [rotation.body.accessToken, replayed?.body.accessToken ?? '']) {
    assert.equal((await holder.get('/api/me', accessToken)).status, 401);
  }
});

test('S17 a session unused for more than 30 minutes ends', async () => {
  const client = newClient();
  await logIn(client, customer);
  service.clock.advance?.(minutes(30));
  assert.equal((await refresh(client)).status, 200, 'fine after exactly 30 minutes');
  service.clock.advance?.(minutes(30) + 1000);
  const idle = await refresh(client);
  assert.equal(idle.status, 401);
  assert.equal(idle.body.error, 'session_expired');
});

test('S17 a session ends after 12 hours even when it is kept busy', async () => {
  const client = newClient();
  await logIn(client, customer);
  let lasted = 0;
  // A refresh every 20 minutes passes the idle check; 36 of them reach 12 hours.
  for (let i = 1; i <= 40; i++) {
    service.clock.advance?.(minutes(20));
    const answer = await refresh(client);
    if (answer.status !== 200) {
      assert.equal(answer.status, 401);
      assert.equal(answer.body.error, 'session_expired');
      break;
    }
    lasted = i * 20;
  }
  assert.equal(lasted, 12 * 60, 'refreshed until exactly 12 hours, refused after');
});

test('S19 after logout the refresh cookie fails and the old access token is 401 at once', async () => {
  const client = newClient();
  const accessToken = await logIn(client, customer);
  const cookie = client.refreshCookie;
  assert.equal((await client.get('/api/me', accessToken)).status, 200);

  const logout = await client.post('/api/logout', {}, accessToken);
  assert.equal(logout.status, 204);
  // S18: cleared with the attributes it was set with, or the browser keeps it.
  const cleared = refreshCookieOf(client);
  assert.equal(cleared.value, '');
  assert.equal(cleared.attributes.get('max-age'), '0');
  assert.equal(cleared.attributes.get('path'), '/api');
  assert.ok(cleared.attributes.has('partitioned'));

  client.refreshCookie = cookie;
  assert.equal((await refresh(client)).status, 401);
  assert.equal((await client.get('/api/me', accessToken)).status, 401);
});

test('S19 logout ends the session whether the tab sends only its cookie or only its token', async () => {
  const byCookie = newClient();
  const tokenOfCookieTab = await logIn(byCookie, customer);
  assert.equal((await byCookie.post('/api/logout')).status, 204);
  assert.equal((await byCookie.get('/api/me', tokenOfCookieTab)).status, 401);

  const byToken = newClient();
  const accessToken = await logIn(byToken, customer);
  const cookie = byToken.refreshCookie;
  byToken.refreshCookie = null;
  assert.equal((await byToken.post('/api/logout', {}, accessToken)).status, 204);
  byToken.refreshCookie = cookie;
  assert.equal((await refresh(byToken)).status, 401);
});

test('S05 no password or token used in this file appears in a log line or an audit row', async () => {
  await assertNoSecretLeaked(
    service,
    clients.flatMap((client) => [...client.secrets]),
  );
});
