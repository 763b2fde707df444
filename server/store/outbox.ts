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
}

/** Renders and stores one mail; call inside the action's transaction. */
export function queueMail<K extends MailKind>(db: Db, mail: QueuedMail<K>, now: number): number {
  const rendered = renderMail(mail.kind, mail.language, mail.values);
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
