/**
 * @module Reads the dev mailbox the way a newcomer does: GET /dev/mail.json, and picks
 * out what a customer would copy from a mail (the number, the initial password, the link).
 */
import type { MailKind } from '../../server/mail/kinds.ts';

/** One mail as GET /dev/mail.json lists it. */
export interface DevMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: MailKind;
  createdAt: string;
}

export async function readMailbox(serviceUrl: string): Promise<DevMail[]> {
  const response = await fetch(`${serviceUrl}/dev/mail.json`).catch(
    // A kept-alive connection the service closed just as fetch reused it (ECONNRESET, seen
    // in CI): a GET of the list changes nothing, so asking once more is what a browser does.
    () => fetch(`${serviceUrl}/dev/mail.json`),
  );
  if (!response.ok) throw new Error(`dev mailbox answered ${response.status}`);
  return (await response.json()) as DevMail[];
}

/** The newest mail of a kind to an address. */
export async function latestMail(serviceUrl: string, to: string, kind: string): Promise<DevMail> {
  const mail = (await readMailbox(serviceUrl)).find((item) => item.to === to && item.kind === kind);
  if (!mail) throw new Error(`no ${kind} mail to ${to}`);
  return mail;
}

/**
 * The initial password in a mail's text: alone on the line after its label, 12 or more
 * letters and digits (S04: a double-click in the mail selects it whole).
 */
export function initialPasswordIn(text: string): string {
  const found = text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /^[A-Za-z0-9]{12,}$/.test(line) && /\d/.test(line) && /[A-Za-z]/.test(line));
  if (!found) throw new Error('no initial password in the mail');
  return found;
}

/** The reset token from the "Change password now" link in a mail. */
export function resetTokenIn(text: string): string {
  const match = /#portal-reset=([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error('no reset link in the mail');
  return match[1];
}
