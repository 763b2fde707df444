/**
 * @module Databases for the bench, filled with SQL rather than through the API: thousands
 * of customers through argon2 would take minutes. Every customer gets the same password
 * hash (argon2id with the service's parameters, made once) and one live session whose
 * refresh token is known for the first few, so each load connection can own a session.
 * The schema, the key and the hashes come from the build under test (build.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { BuildModules } from './build.ts';

/** The password of every seeded customer: it meets the policy, and nobody else uses it. */
export const SEEDED_PASSWORD = 'Bench-Pw7!kqzvTrwnYh';

export interface SeededDatabase {
  path: string;
  /** The hash every customer has, for the argon2 floor. */
  passwordHash: string;
  /** Every customer number, for logins spread over the whole table. */
  customerNumbers: string[];
  /** Refresh tokens of the first sessions, one per load connection that refreshes. */
  refreshTokens: string[];
  /** The first customer's session, for signing an access token. */
  firstSession: { customerPublicId: string; customerNumber: string; sessionId: string };
}

/**
 * Creates a database at `path` as the service's first start would (its migrations, a
 * signing key), then inserts `customers` customers, each with one session, in one
 * transaction.
 */
export async function seedDatabase(
  modules: BuildModules,
  path: string,
  options: { customers: number; knownRefreshTokens: number; passwordHash: string },
): Promise<SeededDatabase> {
  const { createRandomToken, hashToken } = modules.randomTokens;
  const store = await modules.database.openDatabase(path);
  await modules.accessTokens.ensureSigningKey(store, { now: () => Date.now() });
  const db = store.sqlite;
  if (!db) throw new Error('seedDatabase fills a SQLite file');
  const now = Date.now();
  const customerNumbers: string[] = [];
  const refreshTokens: string[] = [];
  let firstSession: SeededDatabase['firstSession'] | undefined;
  const insertCustomer = db.prepare(
    `INSERT INTO customers (id, public_id, number, email, name, language, password_hash,
       must_change_password, status, created_at, password_changed_at)
     VALUES (?, ?, ?, ?, 'Bench Customer', 'en', ?, 0, 'active', ?, ?)`,
  );
  const insertSession = db.prepare(
    'INSERT INTO sessions (id, customer_id, created_at, last_used_at) VALUES (?, ?, ?, ?)',
  );
  const insertRefreshToken = db.prepare(
    'INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES (?, ?, ?)',
  );
  // One call for all the random bytes: 200,000 small randomBytes calls take a second.
  const random = randomBytes(48 * options.customers);
  db.transaction(() => {
    for (let id = 1; id <= options.customers; id++) {
      const bytes = random.subarray(48 * (id - 1), 48 * id);
      const number = `BENCH-${String(id).padStart(7, '0')}`;
      const publicId = randomUUID();
      insertCustomer.run(
        id,
        publicId,
        number,
        `${number.toLowerCase()}@example.com`,
        options.passwordHash,
        now,
        now,
      );
      customerNumbers.push(number);
      const sessionId = bytes.subarray(0, 16).toString('base64url');
      insertSession.run(sessionId, id, now, now);
      // Only the first few tokens are ever presented; the rest need a hash, not a token.
      let tokenHash = bytes.subarray(16).toString('base64url');
      if (id <= options.knownRefreshTokens) {
        const token = createRandomToken();
        refreshTokens.push(token);
        tokenHash = hashToken(token);
      }
      insertRefreshToken.run(tokenHash, sessionId, now);
      firstSession ??= { customerPublicId: publicId, customerNumber: number, sessionId };
    }
  })();
  await store.close();
  if (!firstSession) throw new Error('seedDatabase needs at least one customer');
  return {
    path,
    passwordHash: options.passwordHash,
    customerNumbers,
    refreshTokens,
    firstSession,
  };
}

/**
 * An access token for the first seeded session, signed with the database's key by the
 * service's own code, for a service (and floor) whose issuer is `serviceUrl`.
 */
export async function signAccessToken(
  modules: BuildModules,
  seeded: SeededDatabase,
  serviceUrl: string,
): Promise<string> {
  const db = await modules.database.openDatabase(seeded.path);
  try {
    const config = modules.config.loadConfig({ PORTAL_SERVICE_URL: serviceUrl });
    const tokens = modules.accessTokens.createAccessTokens(db, config, { now: () => Date.now() });
    return await tokens.sign({
      subject: seeded.firstSession.customerPublicId,
      customerNumber: seeded.firstSession.customerNumber,
      sessionId: seeded.firstSession.sessionId,
    });
  } finally {
    await db.close();
  }
}
