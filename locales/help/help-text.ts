/**
 * @module The shape of the customer help (sections A, B and C as customers know them),
 * which each language fills in a module beside this one (`en.ts`, `de.ts`, …). The help
 * is content, not UI strings: whole paragraphs a translator writes as prose, so it lives
 * in these modules rather than in the widget's XLIFF. The service's `/help` page and the
 * widget's help view both render it. No Node import: the widget bundles each language as
 * a chunk of its own, loaded only when the help opens.
 */
import type { Language } from '../../server/contract.ts';

export type SectionId = 'a' | 'b' | 'c';
/** `a-1` is the step customers know as "A.1". */
export type StepId = `${SectionId}-${number}`;

/**
 * A piece of a paragraph. A label is written exactly as the widget (or the mail) shows it
 * in this language: a test checks each against locales/*.xlf and the mail texts.
 */
export type Inline =
  | string
  | { label: string }
  /** "see A.1": a link to that step. */
  | { step: StepId }
  /** The customer portal link: the service's own portal page. */
  | { portalLink: true }
  /**
   * The dealer's WAPP page (`PORTAL_WAPP_URL`) as a link, after a space; nothing where
   * the service has no such address, so the sentence reads whole either way.
   */
  | { wappLink: true }
  /** The support address from the configuration (`SUPPORT_EMAIL`), as a mail link. */
  | { supportEmail: true };
export type Paragraph = readonly Inline[];

export interface HelpStep {
  id: StepId;
  paragraphs: readonly Paragraph[];
  /** What the step's picture (docs/help/{language}/{id}.png) shows, for those who cannot see it. */
  picture: string;
}

export interface HelpSection {
  id: SectionId;
  title: string;
  steps: readonly HelpStep[];
  /** Shown after the steps, as "Note: …" (B's note about "Clear history"). */
  note?: Paragraph;
}

export interface HelpText {
  language: Language;
  /** The help's title: the page's `h1` and the help view's heading. */
  title: string;
  intro: Paragraph;
  sections: readonly [HelpSection, HelpSection, HelpSection];
  support: { title: string; paragraphs: readonly Paragraph[] };
  /** The words of the `/help` page around the content; the widget's go through msg(). */
  page: {
    /** The ☰ menu's name. */
    contents: string;
    /** The 🖨️ button. */
    print: string;
    /** The name of the DE · FR · IT · EN links. */
    languages: string;
    /** "Note:" before a section's note. */
    note: string;
    /** The link back to the customer portal link page. */
    openPortal: string;
  };
}

/**
 * A paragraph written as a template literal, its labels and links as `${…}`:
 * text`Click on “${label('Log in')}”.`
 */
export function text(strings: TemplateStringsArray, ...parts: Inline[]): Paragraph {
  const paragraph: Inline[] = [];
  strings.forEach((part, index) => {
    if (part) paragraph.push(part);
    const inline = parts[index];
    if (inline !== undefined) paragraph.push(inline);
  });
  return paragraph;
}

export const label = (words: string): Inline => ({ label: words });
export const step = (id: StepId): Inline => ({ step: id });
export const portalLink: Inline = { portalLink: true };
export const supportEmail: Inline = { supportEmail: true };
export const wappLink: Inline = { wappLink: true };

/** "a-1" → "A.1", as the steps are numbered on paper. */
export function stepNumber(id: StepId): string {
  return id.toUpperCase().replace('-', '.');
}
