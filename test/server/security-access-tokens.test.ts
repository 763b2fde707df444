/**
 * S16 and S20: the access token is an ES256 JWT with iss, aud, kid and 10 minutes of life,
 * verified with the algorithm pinned; forged, foreign and expired tokens are 401; a key
 * rotation keeps old tokens working while the JWKS lists both keys.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportSPKI,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { rotateSigningKey } from '../../server/auth/access-tokens.ts';
import { createActiveCustomer, logIn, type TestCustomer } from '../support/customers.ts';
import { queryRow } from '../support/database-query.ts';
import { PortalClient } from '../support/portal-client.ts';
import { assertNoSecretLeaked } from '../support/secrets.ts';
import { useService } from '../support/service.ts';

const service = useService({ clock: 'manual' }, async () => {
  client = new PortalClient(service.url);
  customer = await createActiveCustomer(client);
});

let client: PortalClient;
let customer: TestCustomer;

const seconds = () => Math.floor(service.clock.now() / 1000);

async function publishedKeys(): Promise<JSONWebKeySet> {
  const answer = await client.get<JSONWebKeySet>('/.well-known/jwks.json');
  assert.equal(answer.status, 200);
  return answer.body;
}

async function meStatus(token: string): Promise<number> {
  return (await client.get('/api/me', token)).status;
}

/** The service's current private key, read from its database as an attacker never could. */
async function serviceSigningKey(): Promise<{ kid: string; key: CryptoKey }> {
  const row = (await queryRow(
    service.db,
    'SELECT kid, private_jwk AS jwk FROM signing_keys WHERE retired_at IS NULL',
  )) as { kid: string; jwk: string };
  return { kid: row.kid, key: (await importJWK(JSON.parse(row.jwk) as JWK, 'ES256')) as CryptoKey };
}

function sign(payload: JWTPayload, kid: string, key: CryptoKey | Uint8Array, alg = 'ES256') {
  return new SignJWT(payload).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);
}

test('S16 the access token is an ES256 JWT of 10 minutes, with iss, aud and a published kid', async () => {
  const token = await logIn(client, customer);
  const header = decodeProtectedHeader(token);
  const claims = decodeJwt(token);
  assert.equal(header.alg, 'ES256');
  const jwks = await publishedKeys();
  assert.ok(
    jwks.keys.some((key) => key.kid === header.kid),
    'the kid is in the JWKS',
  );
  assert.ok(
    jwks.keys.every((key) => key.d === undefined),
    'the JWKS holds no private key',
  );
  assert.equal(claims.aud, 'customer-portal');
  assert.equal(claims.iss, new URL(service.config.serviceUrl).origin);
  assert.equal(claims.exp, seconds() + 600);
  assert.equal(typeof claims.sid, 'string');
  // A site owner's backend verifies it with nothing but the JWKS.
  const verified = await jwtVerify(token, createLocalJWKSet(jwks), {
    algorithms: ['ES256'],
    issuer: claims.iss,
    audience: 'customer-portal',
    currentDate: new Date(service.clock.now()),
  });
  assert.equal(verified.payload.sub, claims.sub);
});

test('S16 a token with "alg: none" is 401', async () => {
  const claims = decodeJwt(await logIn(client, customer));
  const { kid } = decodeProtectedHeader(await logIn(client, customer));
  const unsigned = new UnsecuredJWT(claims).encode();
  const [, payload] = unsigned.split('.');
  const withKid = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid })).toString('base64url')}.${payload}.`;
  assert.equal(await meStatus(unsigned), 401);
  assert.equal(await meStatus(withKid), 401);
});

test('S16 an HS256 token signed with the public key as the secret is 401', async () => {
  const claims = decodeJwt(await logIn(client, customer));
  const jwks = await publishedKeys();
  const published = jwks.keys[0] as JWK;
  const kid = published.kid ?? '';
  const pem = await exportSPKI((await importJWK(published, 'ES256')) as CryptoKey);
  for (const secret of [pem, JSON.stringify(published), JSON.stringify(jwks)]) {
    const forged = await sign(claims, kid, new TextEncoder().encode(secret), 'HS256');
    assert.equal(await meStatus(forged), 401, `HS256 with ${secret.slice(0, 20)}…`);
  }
});

test('S16 a token for another audience or issuer is 401, though signed with the real key', async () => {
  const claims = decodeJwt(await logIn(client, customer));
  const { kid, key } = await serviceSigningKey();
  // The control: the same forgery with the right claims gets in, so the 401s below are
  // about the claim that differs.
  assert.equal(await meStatus(await sign(claims, kid, key)), 200);
  assert.equal(await meStatus(await sign({ ...claims, aud: 'another-app' }, kid, key)), 401);
  assert.equal(
    await meStatus(await sign({ ...claims, iss: 'https://evil.example' }, kid, key)),
    401,
  );
  const { exp: _exp, ...withoutExpiry } = claims;
  assert.equal(await meStatus(await sign(withoutExpiry, kid, key)), 401);
});

test('S16 an expired token is 401: fine at 9:59, refused at 10:00', async () => {
  const token = await logIn(client, customer);
  service.clock.advance?.(599_000);
  assert.equal(await meStatus(token), 200);
  service.clock.advance?.(1000);
  assert.equal(await meStatus(token), 401);
});

test('S16 a token signed by a key not in the JWKS is 401, even under a published kid', async () => {
  const claims = decodeJwt(await logIn(client, customer));
  const { kid } = await serviceSigningKey();
  const { privateKey } = await generateKeyPair('ES256');
  assert.equal(await meStatus(await sign(claims, kid, privateKey)), 401);
  assert.equal(await meStatus(await sign(claims, 'my-own-key', privateKey)), 401);
});

test('S20 after a key rotation old tokens keep working, the JWKS lists both, new tokens use the new key', async () => {
  const oldToken = await logIn(client, customer);
  const oldKid = decodeProtectedHeader(oldToken).kid;
  const newKid = await rotateSigningKey(service.db, service.clock);
  assert.notEqual(newKid, oldKid);

  assert.equal(await meStatus(oldToken), 200, 'the old token still works');
  const kids = (await publishedKeys()).keys.map((key) => key.kid);
  assert.ok(kids.includes(oldKid) && kids.includes(newKid), `JWKS lists ${kids.join(', ')}`);
  const refreshed = await client.post<{ accessToken: string }>('/api/session/refresh');
  assert.equal(refreshed.status, 200, refreshed.text);
  assert.equal(decodeProtectedHeader(refreshed.body.accessToken).kid, newKid);
  assert.equal(await meStatus(refreshed.body.accessToken), 200);

  // Once the last token the old key signed has expired, the old key leaves the JWKS.
  service.clock.advance?.(11 * 60_000 + 1000);
  const later = (await publishedKeys()).keys.map((key) => key.kid);
  assert.deepEqual(later, [newKid]);
});

test('S05 no password or token used in this file appears in a log line or an audit row', async () => {
  await assertNoSecretLeaked(service, client.secrets);
});
