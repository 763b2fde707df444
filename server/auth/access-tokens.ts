/**
 * @module Access tokens: ES256 JWTs of 10 minutes with `iss`, `aud`, `kid`, `sub` (the
 * customer's public id), `customer_number` and `sid` (the session), verified with the
 * algorithm pinned (S16, S20). The README's "The access token" lists the same claims.
 */
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../store/database.ts';
import {
  findActiveSigningKey,
  insertSigningKey,
  listPublishedSigningKeys,
  type SigningKeyRow,
} from '../store/signing-keys.ts';

export const AUDIENCE = 'customer-portal';
const ALGORITHM = 'ES256';

export interface AccessClaims {
  /** The customer's public id, as `sub`: site owners' backends key on it. */
  subject: string;
  /** The customer number, as `customer_number`: the key site owners' CRMs know. */
  customerNumber: string;
  sessionId: string;
}

/** What a valid token tells the service: whom it names and in which session. */
export type VerifiedAccess = Pick<AccessClaims, 'subject' | 'sessionId'>;

type Key = CryptoKey;

export interface AccessTokens {
  sign(claims: AccessClaims): Promise<string>;
  /**
   * The subject and session of a valid token, or null for anything else: forged, expired,
   * foreign. Whether the session is live and is the subject's is the caller's check.
   */
  verify(token: string): Promise<VerifiedAccess | null>;
  /** The public keys, for `/.well-known/jwks.json`. */
  publicKeys(): Promise<{ keys: JWK[] }>;
}

/** Adds a new signing key; the previous one keeps verifying until its tokens expire (S20). */
export async function rotateSigningKey(db: Db, clock: Clock): Promise<string> {
  const key = await newSigningKey(clock);
  await insertSigningKey(db, key);
  keysChanged += 1;
  return key.kid;
}

/**
 * Counts the key changes made by this process: its own rotation (a test, an operator's
 * call) takes effect at the next signature, not after the cache's second.
 */
let keysChanged = 0;

/**
 * How long the keys read from the database are used before they are read again: a key
 * added by another process (the CLI's `keys rotate`, another instance) signs here within
 * this time, and a token it signed verifies at once (an unknown kid reads them again).
 */
const KEY_CACHE_MILLISECONDS = 1_000;

/** Makes sure a signing key exists: the first start generates one. */
export async function ensureSigningKey(db: Db, clock: Clock): Promise<void> {
  if (await findActiveSigningKey(db)) return;
  // Instances starting at once on one database: one key is added, the others keep it.
  await insertSigningKey(db, await newSigningKey(clock), { onlyIfNone: true });
  keysChanged += 1;
}

async function newSigningKey(clock: Clock): Promise<Omit<SigningKeyRow, 'retiredAt'>> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  return {
    kid,
    privateJwk: JSON.stringify({ ...privateJwk, kid, alg: ALGORITHM }),
    publicJwk: JSON.stringify({ ...publicJwk, kid, alg: ALGORITHM, use: 'sig' }),
    createdAt: clock.now(),
  };
}

/**
 * Signs and verifies with the keys in the database. Imported keys are cached by kid; the
 * keys' rows are read at most once a second (`KEY_CACHE_MILLISECONDS`), and at once after
 * a rotation by this process or for a kid not seen yet, so a rotation by the CLI signs
 * within a second and a token of another instance's new key verifies at once. Whether a
 * retired key is still published is decided on every verify, with the service's clock.
 */
export function createAccessTokens(db: Db, config: Config, clock: Clock): AccessTokens {
  const imported = new Map<string, Promise<Key>>();
  const importKey = (kid: string, jwk: string): Promise<Key> => {
    let key = imported.get(kid);
    if (!key) {
      key = importJWK(JSON.parse(jwk) as JWK, ALGORITHM) as Promise<Key>;
      imported.set(kid, key);
    }
    return key;
  };
  // A retired key stays valid for as long as the last token it signed can live.
  const publishedSince = () => clock.now() - (config.accessTokenSeconds + 60) * 1000;
  const issuer = new URL(config.serviceUrl).origin;
  const isPublished = (row: SigningKeyRow) =>
    row.retiredAt === null || row.retiredAt > publishedSince();

  /** The rows as last read; each read holds the keys published at its time. */
  let cached: { rows: SigningKeyRow[]; readAt: number; keysChanged: number } | null = null;
  const publishedKeys = async (options: { fresh: boolean }): Promise<SigningKeyRow[]> => {
    const fresh =
      cached !== null &&
      !options.fresh &&
      cached.keysChanged === keysChanged &&
      performance.now() - cached.readAt < KEY_CACHE_MILLISECONDS;
    if (!fresh || !cached) {
      const readAt = performance.now();
      const changes = keysChanged;
      cached = {
        rows: await listPublishedSigningKeys(db, publishedSince()),
        readAt,
        keysChanged: changes,
      };
    }
    return cached.rows.filter(isPublished);
  };
  const findPublishedKey = async (kid: string | undefined): Promise<SigningKeyRow | null> => {
    const find = (rows: SigningKeyRow[]) => rows.find((row) => row.kid === kid) ?? null;
    return (
      find(await publishedKeys({ fresh: false })) ?? find(await publishedKeys({ fresh: true }))
    );
  };

  return {
    async sign({ subject, customerNumber, sessionId }) {
      // The newest unretired key, as findActiveSigningKey orders them (created_at, kid).
      const active = (await publishedKeys({ fresh: false })).find((row) => row.retiredAt === null);
      if (!active) throw new Error('no signing key: ensureSigningKey was not called at start');
      const now = Math.floor(clock.now() / 1000);
      return new SignJWT({ customer_number: customerNumber, sid: sessionId })
        .setProtectedHeader({ alg: ALGORITHM, kid: active.kid, typ: 'JWT' })
        .setSubject(subject)
        .setIssuer(issuer)
        .setAudience(AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + config.accessTokenSeconds)
        .sign(await importKey(`private:${active.kid}`, active.privateJwk));
    },

    async verify(token) {
      try {
        const { payload } = await jwtVerify(
          token,
          async (header) => {
            const key = await findPublishedKey(header.kid);
            if (!key) throw new Error('unknown key');
            return importKey(key.kid, key.publicJwk);
          },
          {
            algorithms: [ALGORITHM],
            issuer,
            audience: AUDIENCE,
            currentDate: new Date(clock.now()),
            requiredClaims: ['sub', 'exp', 'iat'],
          },
        );
        if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
        return { subject: payload.sub, sessionId: payload.sid };
      } catch {
        return null;
      }
    },

    async publicKeys() {
      return {
        keys: (await listPublishedSigningKeys(db, publishedSince())).map(
          (row) => JSON.parse(row.publicJwk) as JWK,
        ),
      };
    },
  };
}
