/**
 * @module The shape each language's mail texts fill (de.ts, fr.ts, it.ts, en.ts beside
 * it): owned here, with the texts, so the translations import nothing of the server.
 * Translators write plain text with `{placeholders}`; the layout (what comes in which
 * order, what is a link) is code, in server/mail/templates.ts, so no translator writes HTML.
 */

/** Words every mail shares. */
export interface CommonMailTexts {
  /** First line; `{name}` is the customer's name as the operator entered it. */
  greeting: string;
  /** Under each button, for mail programs that do not open links. */
  linkFallback: string;
  signOff: string;
  signature: string;
  /** Subject of the support link (mailto), so support sees the number at once. */
  supportSubject: string;
}

/** Help text A.1. Placeholders: `{name}`, `{customerNumber}`, `{portalUrl}`. */
export interface CustomerNumberTexts {
  subject: string;
  intro: string;
  numberLabel: string;
  keepSafe: string;
  passwordFollows: string;
  portalLink: string;
}

/** Help text A.2 to A.4. Placeholders: `{name}`, `{expiresAt}`, `{portalUrl}`. */
export interface InitialPasswordTexts {
  subject: string;
  intro: string;
  passwordLabel: string;
  validUntil: string;
  /** Names the widget's labels "Previous password", "New password" … in this language. */
  firstLogin: string;
  policy: string;
  expired: string;
  neverAsk: string;
  portalLink: string;
}

/** Help text C.4. Placeholders: `{name}`, `{customerNumber}`, `{expiresAt}`, `{supportEmail}`. */
export interface PasswordResetTexts {
  subject: string;
  intro: string;
  /** The link's text: "Change password now" in the help text. */
  action: string;
  validUntil: string;
  notRequested: string;
  support: string;
}

/** S13. Placeholders: `{name}`, `{customerNumber}`, `{changedAt}`, `{supportEmail}`. */
export interface PasswordChangedTexts {
  subject: string;
  intro: string;
  ifYou: string;
  ifNotYou: string;
  portalLink: string;
}

export interface MailTexts {
  common: CommonMailTexts;
  customer_number: CustomerNumberTexts;
  initial_password: InitialPasswordTexts;
  password_reset: PasswordResetTexts;
  password_changed: PasswordChangedTexts;
}
