/**
 * @module Renders a mail of one kind in one language into its subject, plain-text part and
 * HTML part. Both parts are built from one list of blocks, so they always say the same;
 * the words come from `texts.ts`, every value is HTML-escaped in the HTML part (S24).
 * Plain string code of ours: no template engine.
 */
import type { Language } from '../contract.ts';
import type { MailKind, MailValues, RenderedMail } from './kinds.ts';
import { MAIL_TEXTS, type MailTexts } from './texts.ts';

/** What the layouts may name: every field of every mail kind is a string or a date. */
type Values = Readonly<Record<string, string | Date>>;
type ValueKey<K extends MailKind> = keyof MailValues[K] & string;

/** A layout names only the values its kind has; the renderers then read them by name. */
type Block<Key extends string = string> =
  | { type: 'paragraph'; text: string }
  /** A value the customer must copy exactly (customer number, password), on its own line. */
  | { type: 'value'; label: string; key: Key }
  /** A button-like link; the label is the help text's words ("Change password now"). */
  | { type: 'link'; label: string; key: Key };

/** The order of each mail; the help text's steps decide what comes first. */
const LAYOUTS: { [K in MailKind]: (texts: MailTexts[K]) => Block<ValueKey<K>>[] } = {
  customer_number: (texts) => [
    { type: 'paragraph', text: texts.intro },
    { type: 'value', label: texts.numberLabel, key: 'customerNumber' },
    { type: 'paragraph', text: texts.keepSafe },
    { type: 'paragraph', text: texts.passwordFollows },
    { type: 'link', label: texts.portalLink, key: 'portalUrl' },
  ],
  initial_password: (texts) => [
    { type: 'paragraph', text: texts.intro },
    { type: 'value', label: texts.passwordLabel, key: 'password' },
    { type: 'paragraph', text: texts.validUntil },
    { type: 'paragraph', text: texts.firstLogin },
    { type: 'paragraph', text: texts.policy },
    { type: 'link', label: texts.portalLink, key: 'portalUrl' },
    { type: 'paragraph', text: texts.expired },
    { type: 'paragraph', text: texts.neverAsk },
  ],
  password_reset: (texts) => [
    { type: 'paragraph', text: texts.intro },
    { type: 'link', label: texts.action, key: 'resetUrl' },
    { type: 'paragraph', text: texts.validUntil },
    { type: 'paragraph', text: texts.notRequested },
    { type: 'paragraph', text: texts.support },
  ],
  password_changed: (texts) => [
    { type: 'paragraph', text: texts.intro },
    { type: 'paragraph', text: texts.ifYou },
    { type: 'paragraph', text: texts.ifNotYou },
    { type: 'link', label: texts.portalLink, key: 'portalUrl' },
  ],
};

/**
 * Dates are shown in the dealer's time zone, with its name, because the server may run
 * in UTC and "valid until 10:00" must mean the customer's 10:00.
 */
export const MAIL_TIME_ZONE = 'Europe/Berlin';

/**
 * How each language writes a date, where Intl's own format is not what a reader of it
 * writes: French and Italian say the first of a month as an ordinal ("1er", "1°"), and a
 * French reader knows "heure d'Europe centrale", not "UTC+1".
 */
const DATE_STYLES: Record<Language, { locale: string; firstDay?: string; zone?: string }> = {
  de: { locale: 'de-DE' },
  fr: { locale: 'fr-FR', firstDay: '1er', zone: '(heure d’Europe centrale)' },
  it: { locale: 'it-IT', firstDay: '1°' },
  // British English writes "10 December 2026", which no European reader misreads.
  en: { locale: 'en-GB' },
};

/**
 * Made at the first date a mail of that language shows, not when the service starts: each
 * one loads its language's ICU data and the time zone's, some 6 MiB of memory in all that
 * a service which has sent no such mail does without.
 */
const DATE_FORMATS: Partial<Record<Language, Intl.DateTimeFormat>> = {};

function dateFormat(language: Language): Intl.DateTimeFormat {
  DATE_FORMATS[language] ??= new Intl.DateTimeFormat(DATE_STYLES[language].locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: MAIL_TIME_ZONE,
    timeZoneName: 'short',
  });
  return DATE_FORMATS[language];
}

/**
 * "10 December 2026 at 10:00 CET", "1. Dezember 2026 um 10:00 MEZ",
 * "1er décembre 2026 à 10:00 (heure d’Europe centrale)", "1° dicembre 2026 alle ore 10:00 CET".
 */
export function formatMailDate(date: Date, language: Language): string {
  const { firstDay, zone } = DATE_STYLES[language];
  return dateFormat(language)
    .formatToParts(date)
    .map(({ type, value }) => {
      if (type === 'day' && value === '1') return firstDay ?? value;
      if (type === 'timeZoneName') return zone ?? value;
      return value;
    })
    .join('');
}

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Renders one mail; `brandName` (the configuration's `PORTAL_BRAND_NAME`) signs it under
 * the customer service's words.
 * @example renderMail('password_reset', 'de', { name, customerNumber, resetUrl, expiresAt, supportEmail }, 'Muster AG')
 */
export function renderMail<K extends MailKind>(
  kind: K,
  language: Language,
  values: MailValues[K],
  brandName: string | null = null,
): RenderedMail {
  const texts = MAIL_TEXTS[language];
  const blocks = LAYOUTS[kind](texts[kind]);
  const subject = fillText(texts[kind].subject, values, language);
  const signature = brandName ? [texts.common.signature, brandName] : [texts.common.signature];
  return {
    subject,
    text: renderText(blocks, texts, values, language, signature),
    html: renderHtml(subject, blocks, texts, values, language, signature),
  };
}

// ---------------------------------------------------------------------------
// Placeholders

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a text names, for the tests that compare languages. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

function readValue(values: Values, key: string, language: Language): string {
  // A wrong placeholder is a translation bug; failing loudly makes a test catch it.
  if (!Object.hasOwn(values, key))
    throw new Error(`mail text names {${key}}, which this mail lacks`);
  const value = values[key];
  return value instanceof Date ? formatMailDate(value, language) : String(value);
}

/** One pass, so a value that looks like `{password}` is never filled in again. */
function fillText(template: string, values: Values, language: Language): string {
  return template.replace(PLACEHOLDER, (_, key: string) => readValue(values, key, language));
}

function fillHtml(template: string, values: Values, texts: MailTexts, language: Language): string {
  // Escaping leaves `{name}` intact, so the translator's words and the values are escaped
  // separately and a value's markup can never come out as markup.
  return escapeHtml(template).replace(PLACEHOLDER, (_, key: string) => {
    const value = escapeHtml(readValue(values, key, language));
    return key === 'supportEmail' ? supportLink(value, values, texts, language) : value;
  });
}

/** The support address as a mail link whose subject already names the customer number. */
function supportLink(
  address: string,
  values: Values,
  texts: MailTexts,
  language: Language,
): string {
  const subject = Object.hasOwn(values, 'customerNumber')
    ? `?subject=${encodeURIComponent(fillText(texts.common.supportSubject, values, language))}`
    : '';
  return `<a href="mailto:${address}${escapeHtml(subject)}" style="${STYLES.link}">${address}</a>`;
}

function linkTarget(values: Values, key: string, language: Language): string {
  const url = readValue(values, key, language);
  // Only web links: a `javascript:` URL from a bad configuration must not reach a mail.
  if (!/^https?:\/\//i.test(url)) throw new Error(`mail link {${key}} is not an http(s) URL`);
  return url;
}

// ---------------------------------------------------------------------------
// Plain text part

function renderText(
  blocks: readonly Block[],
  texts: MailTexts,
  values: Values,
  language: Language,
  signature: readonly string[],
): string {
  const parts = blocks.map((block) => {
    if (block.type === 'paragraph') return fillText(block.text, values, language);
    if (block.type === 'value') return `${block.label}\n${readValue(values, block.key, language)}`;
    // The URL alone on its line, so mail programs turn exactly it into a link.
    return `${block.label}\n${linkTarget(values, block.key, language)}`;
  });
  const greeting = fillText(texts.common.greeting, values, language);
  const closing = [texts.common.signOff, ...signature].join('\n');
  return `${[greeting, ...parts, closing].join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------
// HTML part: simple, inline styles only, readable with all styles stripped

const STYLES = {
  body: 'margin:0;padding:24px 16px;background-color:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;',
  article: 'max-width:560px;margin:0 auto;',
  paragraph: 'margin:0 0 16px 0;',
  // A box of its own holding nothing else, so a double-click, a triple-click or a long
  // press on a phone selects exactly the value, and look-alike letters read apart.
  value:
    "margin:4px 0 0 0;padding:8px 12px;display:inline-block;border:1px solid #9ca3af;border-radius:4px;background-color:#f3f4f6;font-family:Consolas,Menlo,'Courier New',monospace;font-size:20px;font-weight:bold;letter-spacing:1px;user-select:all;-webkit-user-select:all;",
  button:
    'display:inline-block;padding:12px 24px;background-color:#1f4e8c;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px;',
  fallback: 'margin:0 0 16px 0;font-size:14px;color:#4a4a4a;',
  link: 'color:#1f4e8c;text-decoration:underline;word-break:break-all;',
} as const;

function renderHtml(
  subject: string,
  blocks: readonly Block[],
  texts: MailTexts,
  values: Values,
  language: Language,
  signature: readonly string[],
): string {
  const paragraph = (content: string, style: string = STYLES.paragraph) =>
    `<p style="${style}">${content}</p>`;
  const body = blocks.flatMap((block) => {
    if (block.type === 'paragraph')
      return [paragraph(fillHtml(block.text, values, texts, language))];
    if (block.type === 'value') {
      const value = escapeHtml(readValue(values, block.key, language));
      return [
        `<p style="margin:0 0 4px 0;">${escapeHtml(block.label)}</p>`,
        `<div style="margin:0 0 16px 0;"><code style="${STYLES.value}">${value}</code></div>`,
      ];
    }
    const url = escapeHtml(linkTarget(values, block.key, language));
    return [
      paragraph(
        `<a href="${url}" style="${STYLES.button}">${escapeHtml(block.label)}</a>`,
        'margin:24px 0 8px 0;',
      ),
      paragraph(
        `${escapeHtml(texts.common.linkFallback)}<br><a href="${url}" style="${STYLES.link}">${url}</a>`,
        STYLES.fallback,
      ),
    ];
  });
  const title = escapeHtml(subject);
  return [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '</head>',
    `<body style="${STYLES.body}">`,
    // Webmail drops <html>; the article keeps the language and names the mail for screen readers.
    `<div role="article" aria-label="${title}" lang="${language}" style="${STYLES.article}">`,
    paragraph(fillHtml(texts.common.greeting, values, texts, language)),
    ...body,
    paragraph(
      [texts.common.signOff, ...signature].map(escapeHtml).join('<br>'),
      'margin:24px 0 0 0;',
    ),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
