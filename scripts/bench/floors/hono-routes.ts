/**
 * @module The floors of GET /api/me and POST /api/session/refresh, in a process of its
 * own: Hono on @hono/node-server as the service runs, a copy of the service's database,
 * and only the work an answer cannot do without.
 *
 * - `GET /bare`: a constant JSON answer, what Hono and Node cost per request.
 * - `GET /me`: jose's ES256 verify of the bearer token against the service's public key,
 *   then one indexed read of the token's session.
 * - `POST /refresh`: the SHA-256 of the cookie, one indexed read of that token with its
 *   session and customer, its rotation (mark it used, store the next) in one transaction,
 *   and a new ES256 access token.
 *
 * Started by floors.ts with FLOOR_PORT, FLOOR_DB (the copy), FLOOR_ISSUER and
 * FLOOR_AUDIENCE (the tokens' `iss` and `aud`, as the service under test sets them). It
 * uses no service code: a floor is what any implementation would have to do.
 */
import { createHash, randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { importJWK, type JWK, jwtVerify, SignJWT } from 'jose';

const { FLOOR_PORT, FLOOR_DB, FLOOR_ISSUER, FLOOR_AUDIENCE } = process.env;
if (!FLOOR_PORT || !FLOOR_DB || !FLOOR_ISSUER || !FLOOR_AUDIENCE) {
  throw new Error('FLOOR_PORT, FLOOR_DB, FLOOR_ISSUER and FLOOR_AUDIENCE must be set');
}
const issuer = new URL(FLOOR_ISSUER).origin;
const audience = FLOOR_AUDIENCE;

// The service's connection settings (server/store/database.ts): what a write costs
// depends on them.
const db = new Database(FLOOR_DB);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const key = db
  .prepare('SELECT kid, private_jwk AS privateJwk, public_jwk AS publicJwk FROM signing_keys')
  .get() as { kid: string; privateJwk: string; publicJwk: string };
const publicKey = await importJWK(JSON.parse(key.publicJwk) as JWK, 'ES256');
const privateKey = await importJWK(JSON.parse(key.privateJwk) as JWK, 'ES256');

const findSession = db.prepare('SELECT id, customer_id AS customerId FROM sessions WHERE id = ?');
const findToken = db.prepare(
  `SELECT s.id AS sessionId, c.public_id AS subject, c.number AS customerNumber
   FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id JOIN customers c ON c.id = s.customer_id
   WHERE r.token_hash = ?`,
);
const markRotated = db.prepare('UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ?');
const insertToken = db.prepare(
  'INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES (?, ?, ?)',
);
const rotate = db.transaction((tokenHash: string, nextHash: string, now: number) => {
  const found = findToken.get(tokenHash) as
    | { sessionId: string; subject: string; customerNumber: string }
    | undefined;
  if (!found) return null;
  markRotated.run(now, tokenHash);
  insertToken.run(nextHash, found.sessionId, now);
  return found;
});
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

const app = new Hono()
  .get('/bare', (c) => c.json({ status: 'ok' }))
  .get('/me', async (c) => {
    const token = /^Bearer (.+)$/.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
    const { payload } = await jwtVerify(token, publicKey, {
      algorithms: ['ES256'],
      issuer,
      audience,
    });
    const session = findSession.get(payload.sid) as { id: string; customerId: number } | undefined;
    if (!session) return c.json({ error: 'unauthorized' }, 401);
    return c.json({ id: payload.sub, session: session.id });
  })
  .post('/refresh', async (c) => {
    const next = randomBytes(32).toString('base64url');
    const now = Date.now();
    const found = rotate.immediate(sha256(getCookie(c, 'portal_refresh') ?? ''), sha256(next), now);
    if (!found) return c.json({ error: 'session_expired' }, 401);
    const seconds = Math.floor(now / 1000);
    const accessToken = await new SignJWT({
      customer_number: found.customerNumber,
      sid: found.sessionId,
    })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
      .setSubject(found.subject)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + 600)
      .sign(privateKey);
    setCookie(c, 'portal_refresh', next, {
      httpOnly: true,
      secure: true,
      sameSite: 'None',
      partitioned: true,
      path: '/api',
      maxAge: 12 * 60 * 60,
    });
    return c.json({ status: 'ok', accessToken, customer: { id: found.subject } });
  });

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(FLOOR_PORT) });
