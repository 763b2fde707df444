/**
 * @module What the portal says when something goes wrong: one translated sentence a
 * customer can act on for every error code of the contract, and for every password rule.
 * Loaded after the first paint, with the screens after the login (screens.ts).
 */
import { msg, str } from '@lit/localize';
import { CHECKLIST_RULES, LIMITS, type PasswordRule } from '../server/contract.ts';
import type { PortalErrorBody, PortalErrorCode } from './api.ts';
import { currentLanguage } from './localization.ts';
import { describeOffline } from './offline-message.ts';

/** Error code → sentence. Functions, so the sentence follows a change of language. */
const ERROR_SENTENCES: Record<PortalErrorCode, (error: PortalErrorBody) => string> = {
  invalid_request: (error) =>
    error.field === 'customerNumber'
      ? msg('A customer number has only letters, digits and dashes. Please check it.')
      : msg('Some of what you entered could not be read. Please check it and try again.'),
  password_policy: (error) => describeFailedRules(error.failedRules ?? []),
  password_unchanged: () =>
    msg('The new password must be different from the previous one. Please choose another.'),
  invalid_or_expired_link: () =>
    msg(
      'This link is no longer valid: it has expired, was already used or a newer one was sent. Please request a new link.',
    ),
  invalid_credentials: describeWrongCredentials,
  initial_password_expired: () =>
    msg(
      'This initial password is correct but has expired. Please choose a new password with “Forgot your password?”: we will send you a link by email.',
    ),
  invalid_current_password: () =>
    msg(
      'The previous password is not correct. Please enter it again, exactly as you received or last set it.',
    ),
  session_expired: () => msg('Your session has ended. Please log in again.'),
  unauthorized: () => msg('For your security, this step has timed out. Please log in again.'),
  forbidden_origin: () =>
    msg(
      'The customer portal cannot be used from this page. Please open the customer portal link instead.',
    ),
  not_found: () => msg('This part of the customer portal was not found. Please reload the page.'),
  request_timeout: () =>
    msg(
      'Your request did not arrive in time. Please check your internet connection and try again.',
    ),
  customer_exists: () => msg('A customer with this customer number already exists.'),
  payload_too_large: () => msg('What you entered is too long. Please shorten it and try again.'),
  unsupported_media_type: () =>
    msg('The customer portal could not send your request. Please reload the page and try again.'),
  too_many_attempts: (error) => describeWait(error.retryAfter ?? 60),
  headers_too_large: () =>
    msg(
      'Your browser sent more data than the customer portal accepts, often because of stored cookies. Please delete the cookies of this website and try again.',
    ),
  internal_error: () =>
    msg(
      'Something went wrong on our side. Please try again in a few minutes; if it keeps happening, write to us.',
    ),
  network: describeOffline,
  unavailable: () =>
    msg(
      'The customer portal is not available right now. Your internet connection works; the problem is on our side. Please try again in a few minutes.',
    ),
};

/**
 * A wrong number or password, and what comes next: a warning once a wait is near (S08),
 * or the wait this failure started. Unknown numbers count alike, so this tells nothing.
 */
function describeWrongCredentials(error: PortalErrorBody): string {
  const left = error.attemptsLeft;
  if (error.retryAfter)
    return `${msg('The customer number or the password is not correct.')} ${describeWait(error.retryAfter)}`;
  const wrong = msg(
    'The customer number or the password is not correct. Please check both and try again.',
  );
  if (left === undefined || left > 2 || left < 1) return wrong;
  const warning =
    left === 1
      ? msg(
          'After one more failed attempt, you will have to wait a moment before you can try again.',
        )
      : msg(
          str`After ${left} more failed attempts, you will have to wait a moment before you can try again.`,
        );
  return `${wrong} ${warning}`;
}

function describeWait(seconds: number): string {
  return msg(
    str`Too many attempts. For your security, please wait ${formatWait(seconds)} and try again.`,
  );
}

/** The rules a browser checks while the customer types. */
export type ChecklistRule = (typeof CHECKLIST_RULES)[number];

/** The sentence to show for a failed request; an unknown code reads as our own failure. */
export function describeError(error: PortalErrorBody): string {
  const sentence = ERROR_SENTENCES[error.error] ?? ERROR_SENTENCES.internal_error;
  return sentence(error);
}

/** Errors about one field: shown under it, by the `name` of its input. */
const ERROR_FIELDS: Partial<Record<PortalErrorCode, string>> = {
  password_policy: 'new-password',
  password_unchanged: 'new-password',
  invalid_current_password: 'current-password',
};

/**
 * The field an error is about, as the `name` of its input (`customerNumber` in the
 * contract is `customer-number` in the form); null when it is about the whole form.
 */
export function fieldOfError(error: PortalErrorBody): string | null {
  const field =
    error.error === 'invalid_request'
      ? error.field?.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
      : ERROR_FIELDS[error.error];
  return field ?? null;
}

/** A checklist rule, as the end of "The new password needs …". */
export function describeRule(rule: ChecklistRule): string {
  switch (rule) {
    case 'length':
      return msg(str`at least ${LIMITS.passwordMinLength} characters`);
    case 'lowercase':
      return msg('a lower-case letter');
    case 'uppercase':
      return msg('an upper-case letter');
    case 'digit':
      return msg('a number');
    case 'symbol':
      return msg('a symbol, for example ! ? # or %');
  }
}

/** Rules only the service checks in full, each as a sentence of its own. */
const OTHER_RULE_SENTENCES: Record<Exclude<PasswordRule, ChecklistRule>, () => string> = {
  max_length: () =>
    msg(str`The new password is too long: at most ${LIMITS.passwordMaxLength} characters.`),
  contains_customer_number: () => msg('The new password must not contain your customer number.'),
  common: () => msg('The new password is too common and easy to guess. Please choose another.'),
};

/** What the customer still has to change, for the rules a new password failed. */
export function describeFailedRules(rules: readonly PasswordRule[]): string {
  const checklist = CHECKLIST_RULES.filter((rule) => rules.includes(rule));
  const sentences = Object.entries(OTHER_RULE_SENTENCES)
    .filter(([rule]) => rules.includes(rule as PasswordRule))
    .map(([, sentence]) => sentence());
  if (checklist.length > 0) {
    const needs = new Intl.ListFormat(currentLanguage(), { type: 'conjunction' }).format(
      checklist.map(describeRule),
    );
    sentences.unshift(msg(str`The new password still needs ${needs}.`));
  }
  return (
    sentences.join(' ') || ERROR_SENTENCES.internal_error({ error: 'internal_error', message: '' })
  );
}

/** "45 seconds", "3 Minuten": rounded up, in the portal's language. */
function formatWait(seconds: number): string {
  const [value, unit] =
    seconds < 60 ? [Math.ceil(seconds), 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(currentLanguage(), {
    style: 'unit',
    unit,
    unitDisplay: 'long',
  }).format(value);
}
