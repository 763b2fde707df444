/**
 * @module The `/help/{language}` page as HTML: the customer help of one language
 * (locales/help/), with the DE · FR · IT · EN links, a ☰ contents menu that works without
 * JavaScript (`<details>`), a print button 🖨️ (help-print.js shows it) and every section
 * and step, each with its picture where one exists.
 */

import {
  type HelpSection,
  type HelpText,
  type Paragraph,
  stepNumber,
} from '../../locales/help/help-text.ts';
import { LANGUAGES, type Language } from '../contract.ts';
import { escapeHtml } from '../mail/templates.ts';

/** A picture of a step, as docs/help/ holds it. */
export interface HelpPicture {
  url: string;
  width: number;
  height: number;
}

export interface HelpPageOptions {
  /** The customer portal link: the service's own page. */
  portalUrl: string;
  /** `SUPPORT_EMAIL`. */
  supportEmail: string;
  /** `PORTAL_WAPP_URL`, B.1's link; null: B.1 names the WAPP page without one. */
  wappUrl: string | null;
  /** `PORTAL_BRAND_NAME`, after the title; null without one. */
  brandName: string | null;
  /** The picture of a step, when docs/help/ has one. */
  pictureOf(stepId: string): HelpPicture | undefined;
}

/** 🖨️ drawn, not the emoji: a computer without an emoji font would show an empty box. */
const PRINTER_ICON =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M7 9V3h10v6M7 17H4v-7h16v7h-3M7 14h10v7H7z"/></svg>';

export function renderHelpPage(help: HelpText, options: HelpPageOptions): string {
  const { page } = help;
  const title = options.brandName ? `${help.title} – ${options.brandName}` : help.title;
  return `<!doctype html>
<html lang="${help.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/help/help.css">
<script type="module" src="/help/help-print.js"></script>
</head>
<body>
<header class="bar">
<nav class="languages" aria-label="${escapeHtml(page.languages)}">
${LANGUAGES.map((language, index) => languageLink(language, help.language, index)).join('\n')}
</nav>
<details class="contents">
<summary><span aria-hidden="true">☰</span> ${escapeHtml(page.contents)}</summary>
<nav aria-label="${escapeHtml(page.contents)}">
<ol>
${help.sections.map((section) => `<li><a href="#${section.id}">${sectionTitle(section)}</a></li>`).join('\n')}
<li><a href="#support">${escapeHtml(help.support.title)}</a></li>
</ol>
</nav>
</details>
<button class="print" type="button" hidden>${PRINTER_ICON} ${escapeHtml(page.print)}</button>
</header>
<main>
<h1>${escapeHtml(help.title)}</h1>
<p class="intro">${renderParagraph(help.intro, options)}</p>
<p class="portal"><a href="${escapeHtml(options.portalUrl)}">${escapeHtml(page.openPortal)}</a></p>
${help.sections.map((section) => renderSection(help, section, options)).join('\n')}
<section class="support" id="support" aria-labelledby="support-title">
<h2 id="support-title">${escapeHtml(help.support.title)}</h2>
${help.support.paragraphs.map((paragraph) => `<p>${renderParagraph(paragraph, options)}</p>`).join('\n')}
</section>
</main>
</body>
</html>
`;
}

/** "DE", named "Deutsch" for screen readers, in its own language; the current one marked. */
function languageLink(language: Language, current: Language, index: number): string {
  const dot = index > 0 ? '<span aria-hidden="true">·</span> ' : '';
  const currentPage = language === current ? ' aria-current="page"' : '';
  return `${dot}<a href="/help/${language}" lang="${language}" hreflang="${language}"${currentPage}>${language.toUpperCase()}</a>`;
}

function sectionTitle(section: HelpSection): string {
  return `${section.id.toUpperCase()}. ${escapeHtml(section.title)}`;
}

function renderSection(help: HelpText, section: HelpSection, options: HelpPageOptions): string {
  const steps = section.steps.map((step) => {
    const picture = options.pictureOf(step.id);
    const image = picture
      ? `<img src="${picture.url}" width="${picture.width}" height="${picture.height}" alt="${escapeHtml(step.picture)}" loading="lazy">`
      : '';
    return `<li class="step" id="${step.id}">
<span class="number">${stepNumber(step.id)}</span>
<div class="text">${step.paragraphs.map((paragraph) => `<p>${renderParagraph(paragraph, options)}</p>`).join('')}</div>
${image}
</li>`;
  });
  const note = section.note
    ? `<p class="note"><strong>${escapeHtml(help.page.note)}</strong> ${renderParagraph(section.note, options)}</p>`
    : '';
  return `<section class="part" id="${section.id}" aria-labelledby="${section.id}-title">
<h2 id="${section.id}-title">${sectionTitle(section)}</h2>
<ol class="steps">
${steps.join('\n')}
</ol>
${note}
</section>`;
}

function renderParagraph(paragraph: Paragraph, options: HelpPageOptions): string {
  return paragraph
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      if ('label' in part) return `<span class="label">${escapeHtml(part.label)}</span>`;
      if ('step' in part) return `<a href="#${part.step}">${stepNumber(part.step)}</a>`;
      if ('portalLink' in part) {
        const url = escapeHtml(options.portalUrl);
        return `<a href="${url}">${url}</a>`;
      }
      if ('wappLink' in part) {
        if (!options.wappUrl) return '';
        const url = escapeHtml(options.wappUrl);
        return ` <a href="${url}">${url}</a>`;
      }
      const email = escapeHtml(options.supportEmail);
      return `<a href="mailto:${email}">${email}</a>`;
    })
    .join('');
}
