/**
 * @module The signing_keys table: ES256 key pairs as JWK text. The newest unretired key
 * signs; retired keys stay published until the tokens they signed have expired (S20).
 */
import type { Db } from './database.ts';
import { execute, inTransaction, lockNames, selectAll, selectFirst, sql } from './query.ts';

export interface SigningKeyRow {
  kid: string;
  privateJwk: string;
  publicJwk: string;
  createdAt: number;
  retiredAt: number | null;
}

const SELECT_KEY = sql`SELECT kid, private_jwk AS "privateJwk", public_jwk AS "publicJwk",
  created_at AS "createdAt", retired_at AS "retiredAt" FROM signing_keys`;

/** The newest unretired key; a rotation leaves only one, so `kid` breaks no real tie. */
export function findActiveSigningKey(db: Db): Promise<SigningKeyRow | null> {
  return selectFirst(
    db,
    sql<SigningKeyRow>`${SELECT_KEY} WHERE retired_at IS NULL ORDER BY created_at DESC, kid DESC LIMIT 1`,
  );
}

/**
 * Keys whose tokens may still be alive: unretired, or retired after `retiredSince`; newest
 * first, in the order of `findActiveSigningKey`, so the first unretired one is the active key.
 */
export function listPublishedSigningKeys(db: Db, retiredSince: number): Promise<SigningKeyRow[]> {
  return selectAll(
    db,
    sql<SigningKeyRow>`${SELECT_KEY} WHERE retired_at IS NULL OR retired_at > ${retiredSince}
      ORDER BY created_at DESC, kid DESC`,
  );
}

/**
 * Adds a key and retires every older one, in one transaction; with `onlyIfNone`, only
 * when there is no active key (instances starting at once add one between them). False
 * when it added none.
 */
export function insertSigningKey(
  db: Db,
  key: Omit<SigningKeyRow, 'retiredAt'>,
  options: { onlyIfNone?: boolean } = {},
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    await lockNames(tx, ['signing_keys']);
    if (options.onlyIfNone && (await findActiveSigningKey(tx))) return false;
    await execute(
      tx,
      sql`UPDATE signing_keys SET retired_at = ${key.createdAt} WHERE retired_at IS NULL`,
    );
    await execute(
      tx,
      sql`INSERT INTO signing_keys (kid, private_jwk, public_jwk, created_at)
        VALUES (${key.kid}, ${key.privateJwk}, ${key.publicJwk}, ${key.createdAt})`,
    );
    return true;
  });
}
