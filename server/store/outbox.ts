/**
 * @module The outbox table: mails are queued in the same transaction as the action that
 * causes them, and a worker delivers them later (S29). Without SMTP it is the dev mailbox.
 * Rows only: a mail is rendered before it is stored (server/mail/queue-mail.ts); the kinds
 * are named as the mail modules name them.
 */
import { randomUUID } from 'node:crypto';
import type { Language } from '../contract.ts';
import type { MailKind } from '../mail/kinds.ts';
import type { Db } from './database.ts';
import { execute, forUpdate, inTransaction, selectAll, selectFirst, sql } from './query.ts';

/** A rendered mail, addressed: what one outbox row holds when it is queued. */
export interface NewOutboxMail {
  customerId: number | null;
  kind: MailKind;
  language: Language;
  recipient: string;
  subject: string;
  text: string;
  html: string;
}

/** Stores one rendered mail; call inside the action's transaction. */
export async function insertMail(db: Db, mail: NewOutboxMail, now: number): Promise<number> {
  // The Message-ID is fixed here, once, so a retried delivery is recognisably the same mail.
  const messageId = `<${randomUUID()}@customer-portal>`;
  const row = await selectFirst(
    db,
    sql<{ id: number }>`INSERT INTO outbox (message_id, customer_id, kind, language, recipient,
        subject, text, html, created_at, next_attempt_at)
      VALUES (${messageId}, ${mail.customerId}, ${mail.kind}, ${mail.language}, ${mail.recipient},
        ${mail.subject}, ${mail.text}, ${mail.html}, ${now}, ${now})
      RETURNING id`,
  );
  return Number(row?.id);
}

export interface OutboxMail {
  id: number;
  messageId: string;
  customerId: number | null;
  kind: MailKind;
  language: Language;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: number;
  attempts: number;
  sentAt: number | null;
}

const SELECT_MAIL = sql`SELECT id, message_id AS "messageId", customer_id AS "customerId", kind,
  language, recipient AS "to", subject, text, html, created_at AS "createdAt", attempts,
  sent_at AS "sentAt" FROM outbox`;

/** Every mail, newest first: the dev mailbox. */
export function listMails(db: Db, limit = 200): Promise<OutboxMail[]> {
  return selectAll(db, sql<OutboxMail>`${SELECT_MAIL} ORDER BY id DESC LIMIT ${limit}`);
}

/** How many mails of a kind a customer was sent since a moment (S10). */
export async function countRecentMails(
  db: Db,
  customerId: number,
  kind: MailKind,
  since: number,
): Promise<number> {
  const row = await selectFirst(
    db,
    sql<{ n: number }>`SELECT count(*) AS n FROM outbox
      WHERE customer_id = ${customerId} AND kind = ${kind} AND created_at >= ${since}`,
  );
  return row?.n ?? 0;
}

// ---------------------------------------------------------------------------
// Delivery, for the worker in server/mail/worker.ts

/** A mail the worker is to deliver now. */
export interface DueMail {
  id: number;
  messageId: string;
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Delivery attempts made before this one. */
  attempts: number;
  /** When it was queued, or retried by an operator: its give-up hours count from here. */
  queuedAt: number;
}

/**
 * Takes the oldest due mail and moves its next attempt `leaseMilliseconds` ahead, in one
 * transaction: a second worker, on this database from any instance, leaves it alone
 * (SKIP LOCKED on PostgreSQL, the file's write lock on SQLite), and a worker killed
 * mid-send gets it back once the lease runs out (at least once, same Message-ID).
 */
export function claimDueMail(
  db: Db,
  now: number,
  leaseMilliseconds: number,
): Promise<DueMail | null> {
  return inTransaction(db, async (tx) => {
    const mail = await selectFirst(
      tx,
      sql<DueMail>`SELECT id, message_id AS "messageId", kind, recipient AS "to", subject, text,
          html, attempts, coalesce(retried_at, created_at) AS "queuedAt"
        FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ${now}
        ORDER BY next_attempt_at, id LIMIT 1${forUpdate(tx, { skipLocked: true })}`,
    );
    if (!mail) return null;
    await execute(
      tx,
      sql`UPDATE outbox SET next_attempt_at = ${now + leaseMilliseconds} WHERE id = ${mail.id}`,
    );
    return mail;
  });
}

/**
 * Records a delivery and empties the bodies: they can hold an initial password or a
 * reset link, and a secret must not lie in the database once it has left (S05). The
 * subject, recipient and times stay, for support.
 */
export async function markMailSent(db: Db, id: number, now: number): Promise<void> {
  await execute(
    db,
    sql`UPDATE outbox SET sent_at = ${now}, attempts = attempts + 1, last_error = NULL, text = '',
        html = ''
      WHERE id = ${id} AND sent_at IS NULL`,
  );
}

/** Records a failed attempt; `error` is a short code and message, never mail content. */
export async function markMailFailed(
  db: Db,
  id: number,
  nextAttemptAt: number,
  error: string,
): Promise<void> {
  await execute(
    db,
    sql`UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ${nextAttemptAt},
        last_error = ${error}
      WHERE id = ${id} AND sent_at IS NULL`,
  );
}

/**
 * Records the last failed attempt of a mail that waited too long: the worker leaves it
 * alone from now on, until an operator retries it (`retryMail`). Its bodies stay, for that.
 */
export async function markMailGivenUp(
  db: Db,
  id: number,
  now: number,
  error: string,
): Promise<void> {
  await execute(
    db,
    sql`UPDATE outbox SET attempts = attempts + 1, failed_at = ${now}, last_error = ${error}
      WHERE id = ${id} AND sent_at IS NULL`,
  );
}

/**
 * Makes an undelivered mail due now, a given-up one included, with its give-up hours
 * counting afresh. False when there is no such mail, or it was delivered already.
 */
export async function retryMail(db: Db, id: number, now: number): Promise<boolean> {
  const changes = await execute(
    db,
    sql`UPDATE outbox SET failed_at = NULL, retried_at = ${now}, next_attempt_at = ${now}
      WHERE id = ${id} AND sent_at IS NULL`,
  );
  return changes === 1;
}

/** A mail not delivered (yet), as an operator looks at it when mail seems stuck. */
export interface PendingMail {
  id: number;
  customerId: number | null;
  kind: MailKind;
  to: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  /** When the worker gave it up; null while it is still being tried. */
  failedAt: number | null;
}

const SELECT_PENDING = sql`SELECT id, customer_id AS "customerId", kind, recipient AS "to",
  created_at AS "createdAt", attempts, next_attempt_at AS "nextAttemptAt",
  last_error AS "lastError", failed_at AS "failedAt", sent_at AS "sentAt" FROM outbox`;

/** Every mail not yet delivered, given-up ones included, oldest first; or one customer's. */
export async function listPendingMails(db: Db, customerId?: number): Promise<PendingMail[]> {
  const customer = customerId === undefined ? sql`` : sql` AND customer_id = ${customerId}`;
  const rows = await selectAll(
    db,
    sql<
      PendingMail & { sentAt: null }
    >`${SELECT_PENDING} WHERE sent_at IS NULL${customer} ORDER BY id`,
  );
  return rows.map(({ sentAt: _sentAt, ...mail }) => mail);
}

/** One mail as `mail retry` reports it; null when there is none with that id. */
export function findMail(
  db: Db,
  id: number,
): Promise<(PendingMail & { sentAt: number | null }) | null> {
  return selectFirst(
    db,
    sql<PendingMail & { sentAt: number | null }>`${SELECT_PENDING} WHERE id = ${id}`,
  );
}
