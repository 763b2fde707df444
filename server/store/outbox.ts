/**
 * @module The outbox table: mails are queued in the same transaction as the action that
 * causes them, and a worker delivers them later (S29). Without SMTP it is the dev mailbox.
 */
import { randomUUID } from 'node:crypto';
import type { Language } from '../contract.ts';
import type { MailKind, MailValues } from '../mail/kinds.ts';
import { renderMail } from '../mail/templates.ts';
import type { Db } from './database.ts';

export interface QueuedMail<K extends MailKind> {
  customerId: number | null;
  kind: K;
  language: Language;
  recipient: string;
  values: MailValues[K];
  /** The dealer's name under the signature (`config.brandName`); none when null or absent. */
  brandName?: string | null;
}

/** Renders and stores one mail; call inside the action's transaction. */
export function queueMail<K extends MailKind>(db: Db, mail: QueuedMail<K>, now: number): number {
  const rendered = renderMail(mail.kind, mail.language, mail.values, mail.brandName ?? null);
  // The Message-ID is fixed here, once, so a retried delivery is recognisably the same mail.
  const messageId = `<${randomUUID()}@customer-portal>`;
  const result = db
    .prepare(
      `INSERT INTO outbox (message_id, customer_id, kind, language, recipient, subject, text, html,
         created_at, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      messageId,
      mail.customerId,
      mail.kind,
      mail.language,
      mail.recipient,
      rendered.subject,
      rendered.text,
      rendered.html,
      now,
      now,
    );
  return Number(result.lastInsertRowid);
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

const SELECT_MAIL = `SELECT id, message_id AS messageId, customer_id AS customerId, kind, language,
  recipient AS "to", subject, text, html, created_at AS createdAt, attempts, sent_at AS sentAt
  FROM outbox`;

/** Every mail, newest first: the dev mailbox. */
export function listMails(db: Db, limit = 200): OutboxMail[] {
  return db.prepare(`${SELECT_MAIL} ORDER BY id DESC LIMIT ?`).all(limit) as OutboxMail[];
}

/** How many mails of a kind a customer was sent since a moment (S10). */
export function countRecentMails(
  db: Db,
  customerId: number,
  kind: MailKind,
  since: number,
): number {
  const row = db
    .prepare(
      'SELECT count(*) AS n FROM outbox WHERE customer_id = ? AND kind = ? AND created_at >= ?',
    )
    .get(customerId, kind, since) as { n: number };
  return row.n;
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
 * transaction: a second worker on the same file leaves it alone, and a worker killed
 * mid-send gets it back once the lease runs out (at least once, same Message-ID).
 */
export function claimDueMail(db: Db, now: number, leaseMilliseconds: number): DueMail | null {
  const claim = db.transaction((): DueMail | null => {
    const mail = db
      .prepare(
        `SELECT id, message_id AS messageId, kind, recipient AS "to", subject, text, html, attempts,
           coalesce(retried_at, created_at) AS queuedAt
         FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
         ORDER BY next_attempt_at, id LIMIT 1`,
      )
      .get(now) as DueMail | undefined;
    if (!mail) return null;
    db.prepare('UPDATE outbox SET next_attempt_at = ? WHERE id = ?').run(
      now + leaseMilliseconds,
      mail.id,
    );
    return mail;
  });
  // IMMEDIATE takes the write lock before the read, so two workers cannot claim one mail.
  return claim.immediate();
}

/**
 * Records a delivery and empties the bodies: they can hold an initial password or a
 * reset link, and a secret must not lie in the database once it has left (S05). The
 * subject, recipient and times stay, for support.
 */
export function markMailSent(db: Db, id: number, now: number): void {
  db.prepare(
    `UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL, text = '', html = ''
     WHERE id = ? AND sent_at IS NULL`,
  ).run(now, id);
}

/** Records a failed attempt; `error` is a short code and message, never mail content. */
export function markMailFailed(db: Db, id: number, nextAttemptAt: number, error: string): void {
  db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
     WHERE id = ? AND sent_at IS NULL`,
  ).run(nextAttemptAt, error, id);
}

/**
 * Records the last failed attempt of a mail that waited too long: the worker leaves it
 * alone from now on, until an operator retries it (`retryMail`). Its bodies stay, for that.
 */
export function markMailGivenUp(db: Db, id: number, now: number, error: string): void {
  db.prepare(
    `UPDATE outbox SET attempts = attempts + 1, failed_at = ?, last_error = ?
     WHERE id = ? AND sent_at IS NULL`,
  ).run(now, error, id);
}

/**
 * Makes an undelivered mail due now, a given-up one included, with its give-up hours
 * counting afresh. False when there is no such mail, or it was delivered already.
 */
export function retryMail(db: Db, id: number, now: number): boolean {
  return (
    db
      .prepare(
        `UPDATE outbox SET failed_at = NULL, retried_at = ?, next_attempt_at = ?
         WHERE id = ? AND sent_at IS NULL`,
      )
      .run(now, now, id).changes === 1
  );
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

/** Every mail not yet delivered, given-up ones included, oldest first; or one customer's. */
export function listPendingMails(db: Db, customerId?: number): PendingMail[] {
  const where = customerId === undefined ? '' : 'AND customer_id = ?';
  return db
    .prepare(
      `SELECT id, customer_id AS customerId, kind, recipient AS "to", created_at AS createdAt,
         attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError, failed_at AS failedAt
       FROM outbox WHERE sent_at IS NULL ${where} ORDER BY id`,
    )
    .all(...(customerId === undefined ? [] : [customerId])) as PendingMail[];
}

/** One mail as `mail retry` reports it; null when there is none with that id. */
export function findMail(db: Db, id: number): (PendingMail & { sentAt: number | null }) | null {
  const row = db
    .prepare(
      `SELECT id, customer_id AS customerId, kind, recipient AS "to", created_at AS createdAt,
         attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError, failed_at AS failedAt,
         sent_at AS sentAt
       FROM outbox WHERE id = ?`,
    )
    .get(id) as (PendingMail & { sentAt: number | null }) | undefined;
  return row ?? null;
}
