/**
 * @module The schema on SQLite, as numbered migrations applied in order at start. A
 * migration is never edited once released: a change is a new entry at the end, here and
 * with the same number in migrations-postgres.ts. Times are epoch ms.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: customers, sessions, tokens, throttling, outbox, keys, audit
  `
  CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('de', 'fr', 'it', 'en')),
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 1,
    initial_password_expires_at INTEGER,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    created_at INTEGER NOT NULL,
    password_changed_at INTEGER
  ) STRICT;

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    revoked_at INTEGER
  ) STRICT;
  CREATE INDEX sessions_by_customer ON sessions (customer_id);

  -- Every refresh token a session was given, by SHA-256; rotated ones stay for reuse detection.
  CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    issued_at INTEGER NOT NULL,
    rotated_at INTEGER
  ) STRICT;
  CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

  -- The token a must-change login returns (S14): single use, short-lived, hashed.
  CREATE TABLE change_tokens (
    token_hash TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  ) STRICT;

  -- One row per customer: only the newest reset link is valid (S11).
  CREATE TABLE reset_tokens (
    customer_id INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;

  -- Failure counters for accounts ('account:NUMBER') and addresses ('login:IP', ...).
  CREATE TABLE throttle (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_started_at INTEGER NOT NULL,
    hour_failures INTEGER NOT NULL DEFAULT 0,
    hour_started_at INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0
  ) STRICT;

  -- Transactional outbox: an action and its mail commit together (S29).
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    kind TEXT NOT NULL,
    language TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text TEXT NOT NULL,
    html TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    sent_at INTEGER
  ) STRICT;
  CREATE INDEX outbox_pending ON outbox (sent_at, next_attempt_at);
  CREATE INDEX outbox_by_customer ON outbox (customer_id, kind, created_at);

  CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY,
    private_jwk TEXT NOT NULL,
    public_jwk TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    retired_at INTEGER
  ) STRICT;

  -- What happened, for support; never a secret (S27).
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    action TEXT NOT NULL,
    customer_id INTEGER,
    address TEXT,
    detail TEXT
  ) STRICT;
  CREATE INDEX audit_by_customer ON audit_log (customer_id, at);
  `,
  // 2: a public id for every customer, random and never reused: the access token's `sub`,
  // which site owners' backends key on (the row id comes back after a delete). And the
  // request id in the audit log, to find an audit row's request in the service's log.
  `
  ALTER TABLE customers ADD COLUMN public_id TEXT;
  UPDATE customers SET public_id = lower(
    hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
    substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' ||
    hex(randomblob(6))
  );
  CREATE UNIQUE INDEX customers_by_public_id ON customers (public_id);
  ALTER TABLE audit_log ADD COLUMN request_id TEXT;
  `,
  // 3: a mail undelivered after PORTAL_MAIL_GIVE_UP_HOURS is given up (failed_at) until an
  // operator retries it (retried_at starts its hours afresh); old audit rows are pruned by time.
  `
  ALTER TABLE outbox ADD COLUMN failed_at INTEGER;
  ALTER TABLE outbox ADD COLUMN retried_at INTEGER;
  CREATE INDEX audit_by_time ON audit_log (at);
  `,
  // 4: a rotated refresh token presented again within the grace window is answered once
  // (replayed_at); a second time it is reuse (S17).
  `
  ALTER TABLE refresh_tokens ADD COLUMN replayed_at INTEGER;
  `,
];
