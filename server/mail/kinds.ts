/**
 * @module The kinds of mail the service sends and the values each template receives.
 * The outbox, the templates and the dev mailbox all speak of mails in these terms.
 */
export interface MailValues {
  /** Help text A.1: the customer number, alone in its own mail. */
  customer_number: { name: string; customerNumber: string; portalUrl: string };
  /** Help text A.2: the initial password, in a second mail, never with the number. */
  initial_password: { name: string; password: string; expiresAt: Date; portalUrl: string };
  /** Help text C.4: the "Change password now" link, token in the fragment (S12). */
  password_reset: {
    name: string;
    customerNumber: string;
    resetUrl: string;
    expiresAt: Date;
    supportEmail: string;
  };
  /** S13: every change or reset of a password is told to the customer. */
  password_changed: {
    name: string;
    customerNumber: string;
    changedAt: Date;
    supportEmail: string;
    portalUrl: string;
  };
}

export type MailKind = keyof MailValues;
export const MAIL_KINDS = [
  'customer_number',
  'initial_password',
  'password_reset',
  'password_changed',
] as const satisfies readonly MailKind[];

/** A mail ready to send: what the outbox stores. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}
