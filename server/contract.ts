/**
 * @module The contract between the auth service and the widget: request and response
 * shapes, the closed set of error codes, the password policy and the limits. Pure code
 * with no Node import, so the widget bundles it; no rule here is written anywhere else.
 */
import * as v from 'valibot';

export const LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LIMITS = {
  /** Customer numbers: letters, digits and dashes, compared upper-case. */
  customerNumberMaxLength: 32,
  /** Counted in Unicode code points after NFC normalisation (S03). */
  passwordMinLength: 8,
  passwordMaxLength: 128,
  nameMaxLength: 200,
  emailMaxLength: 254,
  /** A reset token is 32 random bytes in base64url (S11). */
  resetTokenLength: 43,
  /** Anything larger is refused with 413 before it is parsed (S26). */
  bodyMaxBytes: 16 * 1024,
} as const;

/** Every error the service answers with. Callers branch on the code, never on the message. */
export const ERROR_STATUS = {
  invalid_request: 400,
  password_policy: 400,
  password_unchanged: 400,
  invalid_or_expired_link: 400,
  invalid_credentials: 401,
  /** Only once the password proved right: saying so tells nothing to whoever does not know it. */
  initial_password_expired: 401,
  invalid_current_password: 401,
  session_expired: 401,
  unauthorized: 401,
  forbidden_origin: 403,
  not_found: 404,
  /** A request that did not arrive whole in time; answered by the HTTP server itself. */
  request_timeout: 408,
  customer_exists: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  /** Headers over Node's limit (16 KiB), e.g. a grown cookie jar; answered by the HTTP server. */
  headers_too_large: 431,
  internal_error: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** The body of every error answer. */
export interface ErrorBody {
  error: ErrorCode;
  /** English, for developers and logs; the widget shows its own translated sentence. */
  message: string;
  /** With `password_policy`: the rules the new password failed. */
  failedRules?: PasswordRule[];
  /** With `too_many_attempts`: seconds to wait, as in the Retry-After header. */
  retryAfter?: number;
  /** With `invalid_request`: the field at fault, where there is one. */
  field?: string;
  /**
   * With `invalid_credentials`: how many more failures the customer number may have before
   * a wait starts (the same for unknown numbers, S06), so the widget warns in time; 0 when
   * this failure started one, whose length is then in `retryAfter`.
   */
  attemptsLeft?: number;
}

// ---------------------------------------------------------------------------
// Password policy (S02, S03)

/** Rules a browser can check while the customer types; the widget shows them as a checklist. */
export const CHECKLIST_RULES = ['length', 'lowercase', 'uppercase', 'digit', 'symbol'] as const;
/** All rules; the last three need the server (its blocklist, the customer's number). */
export type PasswordRule =
  | (typeof CHECKLIST_RULES)[number]
  | 'max_length'
  | 'contains_customer_number'
  | 'common';

/** The form every password is compared and hashed in: NFC, never trimmed or truncated. */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

/** Length in code points, so an emoji or an accented letter counts once. */
export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

const RULE_TESTS: Record<(typeof CHECKLIST_RULES)[number], (password: string) => boolean> = {
  length: (password) => passwordLength(password) >= LIMITS.passwordMinLength,
  lowercase: (password) => /\p{Ll}/u.test(password),
  uppercase: (password) => /\p{Lu}/u.test(password),
  digit: (password) => /\p{Nd}/u.test(password),
  // A symbol is anything that is neither a letter, a digit nor white space.
  symbol: (password) => /[^\p{L}\p{N}\s]/u.test(password),
};

/** The checklist rules a password fails, in checklist order. */
export function failedChecklistRules(password: string): PasswordRule[] {
  return CHECKLIST_RULES.filter((rule) => !RULE_TESTS[rule](password));
}

/**
 * The rules a password fails that need no server list: the checklist, the maximum length,
 * and the customer number inside it (S03). The server adds the blocklist.
 */
export function failedPasswordRules(password: string, customerNumber?: string): PasswordRule[] {
  const failed = failedChecklistRules(password);
  if (passwordLength(password) > LIMITS.passwordMaxLength) failed.push('max_length');
  if (
    customerNumber &&
    normalizePassword(password).toUpperCase().includes(customerNumber.toUpperCase())
  ) {
    failed.push('contains_customer_number');
  }
  return failed;
}

// ---------------------------------------------------------------------------
// Shapes of requests (validated by the service at the edge) and answers

/**
 * Customer numbers are compared without white space and upper-case, so "1001 2345" as
 * printed in a letter, or "ab-12 " pasted from a mail, finds "10012345" and "AB-12".
 */
export function normalizeCustomerNumber(customerNumber: string): string {
  // Spaces only (also no-break ones); a control character inside stays and is refused (S26).
  return customerNumber
    .trim()
    .replace(/[ \u00A0\u202F]+/g, '')
    .toUpperCase();
}

const noControlCharacters = v.regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');

export const CustomerNumberSchema = v.pipe(
  v.string(),
  v.transform(normalizeCustomerNumber),
  v.regex(/^[A-Z0-9-]{1,32}$/, 'is 1 to 32 letters, digits or dashes'),
);

/** A password as typed; the policy is checked separately so the answer can list the rules. */
export const PasswordSchema = v.pipe(
  v.string(),
  v.minLength(1, 'is required'),
  // Four bytes per code point at most: a cheap bound before any hashing (S03).
  v.maxLength(LIMITS.passwordMaxLength * 4, 'is too long'),
);

export const LanguageSchema = v.picklist(LANGUAGES, 'is one of de, fr, it, en');

export const LoginRequestSchema = v.strictObject({
  customerNumber: CustomerNumberSchema,
  password: PasswordSchema,
});
export type LoginRequest = v.InferInput<typeof LoginRequestSchema>;

export const ChangePasswordRequestSchema = v.strictObject({
  currentPassword: PasswordSchema,
  newPassword: PasswordSchema,
});
export type ChangePasswordRequest = v.InferInput<typeof ChangePasswordRequestSchema>;

export const ForgotPasswordRequestSchema = v.strictObject({
  customerNumber: CustomerNumberSchema,
  language: v.optional(LanguageSchema),
});
export type ForgotPasswordRequest = v.InferInput<typeof ForgotPasswordRequestSchema>;

const ResetTokenSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{16,128}$/, 'is not a reset token'),
);

export const ResetPasswordRequestSchema = v.strictObject({
  token: ResetTokenSchema,
  newPassword: PasswordSchema,
});
export type ResetPasswordRequest = v.InferInput<typeof ResetPasswordRequestSchema>;

/** Whether a reset link still works, asked when it opens, without using it up (C.5). */
export const CheckResetLinkRequestSchema = v.strictObject({ token: ResetTokenSchema });
export type CheckResetLinkRequest = v.InferInput<typeof CheckResetLinkRequestSchema>;

export const UpdateMeRequestSchema = v.strictObject({ language: LanguageSchema });
export type UpdateMeRequest = v.InferInput<typeof UpdateMeRequestSchema>;

export const CreateCustomerRequestSchema = v.strictObject({
  email: v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(LIMITS.emailMaxLength, 'is too long'),
    v.email('is not an email address'),
  ),
  name: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'is required'),
    v.maxLength(LIMITS.nameMaxLength, 'is too long'),
    noControlCharacters,
  ),
  language: LanguageSchema,
  number: v.optional(CustomerNumberSchema),
  // The operator's initial password goes out in a mail: nothing there that a mail, or the
  // outbox's text column (PostgreSQL refuses a NUL), cannot carry. A customer's own
  // password is only ever hashed, so it may hold anything.
  password: v.optional(v.pipe(PasswordSchema, noControlCharacters)),
});
export type CreateCustomerRequest = v.InferInput<typeof CreateCustomerRequestSchema>;

/** An operator's correction (PATCH /admin/customers/:number): any of the three, at least one. */
export const UpdateCustomerRequestSchema = v.pipe(
  v.partial(v.pick(CreateCustomerRequestSchema, ['email', 'name', 'language'])),
  v.minEntries(1, 'must hold at least one of email, name, language'),
);
export type UpdateCustomerRequest = v.InferInput<typeof UpdateCustomerRequestSchema>;

/**
 * The query of GET /admin/customers: a text to look for in the number, name and address,
 * a page size (100 unless given), and the `next` cursor of the previous page.
 */
export const CustomerListQuerySchema = v.strictObject({
  search: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.nameMaxLength, 'is too long'))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^(?:[1-9][0-9]{0,2}|1000)$/, 'is a whole number from 1 to 1000'),
      v.transform(Number),
    ),
  ),
  cursor: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[1-9][0-9]{0,14}$/, "is not the `next` of an earlier page's answer"),
      v.transform(Number),
    ),
  ),
});

/**
 * The optional body of POST /admin/customers/:number/resend-initial-password: `force`
 * also replaces a password the customer has chosen (the CLI's --force).
 */
export const ResendInitialPasswordRequestSchema = v.object({ force: v.optional(v.boolean()) });

// ---------------------------------------------------------------------------
// The reset link (help text C.4; S11, S12)

/**
 * The fragment of a reset link: `portal-reset=<token>&lang=<language>`. The token never
 * reaches a server log or a Referer; the language opens the portal in the mail's language.
 */
export function resetLinkFragment(token: string, language: Language): string {
  return `portal-reset=${token}&lang=${language}`;
}

/** Reads a page's `location.hash`; null when it is no reset link. */
export function parseResetFragment(
  hash: string,
): { token: string; language: Language | null } | null {
  const match = /^#?portal-reset=([A-Za-z0-9_-]+)(?:&lang=([a-z]{2}))?$/.exec(hash);
  if (!match?.[1]) return null;
  const language = LANGUAGES.find((code) => code === match[2]) ?? null;
  return { token: match[1], language };
}

/** The customer as the customer sees themself. */
export interface Customer {
  /** The access token's `sub`: random, stable, never given to another customer. */
  id: string;
  number: string;
  name: string;
  language: Language;
}

/** The customer as an operator sees them: never a password or a hash (S27). */
export interface CustomerRecord extends Customer {
  email: string;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  initialPasswordExpiresAt: string | null;
  locked: boolean;
  createdAt: string;
}

/** A session opened: by login, reset, refresh, or a change made with an access token. */
export interface SessionResponse {
  status: 'ok';
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  customer: Customer;
}

/** Login with the initial password: no session, a token that can only change it (S14). */
export interface PasswordChangeRequiredResponse {
  status: 'password_change_required';
  changeToken: string;
  expiresIn: number;
}

export type LoginResponse = SessionResponse | PasswordChangeRequiredResponse;

/** A reset link that still works; one that does not is a 400 `invalid_or_expired_link`. */
export interface CheckResetLinkResponse {
  status: 'valid';
}

/** The one answer to every forgot-password request (S07). */
export interface ForgotPasswordResponse {
  status: 'accepted';
}

export interface PublicConfig {
  passwordPolicy: {
    minLength: number;
    maxLength: number;
    rules: readonly PasswordRule[];
  };
  languages: readonly Language[];
  supportEmail: string;
  /** The dealer's WAPP page (`PORTAL_WAPP_URL`), which help step B.1 links; null without one. */
  wappUrl: string | null;
  /** The dealer's name (`PORTAL_BRAND_NAME`) for the portal link page's title; null without one. */
  brandName: string | null;
  version: string;
}
