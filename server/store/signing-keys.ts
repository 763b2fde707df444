/**
 * @module The signing_keys table: ES256 key pairs as JWK text. The newest unretired key
 * signs; retired keys stay published until the tokens they signed have expired (S20).
 */
import type { Db } from './database.ts';

export interface SigningKeyRow {
  kid: string;
  privateJwk: string;
  publicJwk: string;
  createdAt: number;
  retiredAt: number | null;
}

const SELECT_KEY = `SELECT kid, private_jwk AS privateJwk, public_jwk AS publicJwk,
  created_at AS createdAt, retired_at AS retiredAt FROM signing_keys`;

export function findActiveSigningKey(db: Db): SigningKeyRow | null {
  const row = db
    .prepare(`${SELECT_KEY} WHERE retired_at IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1`)
    .get() as SigningKeyRow | undefined;
  return row ?? null;
}

/** Keys whose tokens may still be alive: unretired, or retired after `retiredSince`. */
export function listPublishedSigningKeys(db: Db, retiredSince: number): SigningKeyRow[] {
  return db
    .prepare(`${SELECT_KEY} WHERE retired_at IS NULL OR retired_at > ? ORDER BY created_at DESC`)
    .all(retiredSince) as SigningKeyRow[];
}

/** Adds a key and retires every older one, in one transaction. */
export function insertSigningKey(db: Db, key: Omit<SigningKeyRow, 'retiredAt'>): void {
  db.transaction(() => {
    db.prepare('UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL').run(
      key.createdAt,
    );
    db.prepare(
      'INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at) VALUES (?, ?, ?, ?)',
    ).run(key.kid, key.privateJwk, key.publicJwk, key.createdAt);
  })();
}
