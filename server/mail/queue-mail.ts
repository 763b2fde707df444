/**
 * @module Queues a mail: rendered here, in its language, then stored in the outbox as a
 * row, in the caller's transaction. The store never renders (issue 12).
 *
 * @example
 * await queueMail(tx, { customerId, kind: 'password_reset', language: 'de', recipient, values }, now);
 */
import type { Language } from '../contract.ts';
import type { Db } from '../store/database.ts';
import { insertMail } from '../store/outbox.ts';
import type { MailKind, MailValues } from './kinds.ts';
import { renderMail } from './templates.ts';

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
export function queueMail<K extends MailKind>(
  db: Db,
  mail: QueuedMail<K>,
  now: number,
): Promise<number> {
  const { values, brandName, ...envelope } = mail;
  const rendered = renderMail(mail.kind, mail.language, values, brandName ?? null);
  return insertMail(db, { ...envelope, ...rendered }, now);
}
