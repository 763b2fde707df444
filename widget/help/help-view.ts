/**
 * @module `<customer-portal-help>`: the customer help (A, B, C and the support paragraph)
 * inside the portal, in the portal's language, with its pictures from the service. A chunk
 * of its own, loaded when the customer first clicks "Help" (help-controller.ts); it loads
 * only the current language's text (locales/help/{language}.ts), itself a chunk.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import {
  type HelpSection,
  type HelpText,
  type Paragraph,
  type StepId,
  stepNumber,
} from '../../locales/help/help-text.ts';
import type { Language } from '../../server/contract.ts';
import { helpViewStyles } from './help-view.styles.ts';

/** Each language's help is a chunk of its own: the help view loads only the one it shows. */
const HELP_TEXTS: Readonly<Record<Language, () => Promise<HelpText>>> = {
  de: () => import('../../locales/help/de.ts').then((module) => module.de),
  fr: () => import('../../locales/help/fr.ts').then((module) => module.fr),
  it: () => import('../../locales/help/it.ts').then((module) => module.it),
  en: () => import('../../locales/help/en.ts').then((module) => module.en),
};

/** @fires help-close - the customer clicked "Back". */
export class HelpView extends LitElement {
  static override styles = helpViewStyles;
  // Declared here rather than with decorators: see PortalView.
  static override properties: PropertyDeclarations = {
    language: { attribute: false },
    service: { attribute: false },
    supportEmail: { attribute: false },
    wappUrl: { attribute: false },
    help: { state: true },
    failed: { state: true },
  };

  /** The portal's language. */
  language: Language = 'en';
  /** The auth service's address: the pictures and the printable page are there. */
  service = '';
  /** `SUPPORT_EMAIL`, once the portal has loaded the service's configuration. */
  supportEmail: string | undefined;
  /** `PORTAL_WAPP_URL`, B.1's link; null or not yet known: B.1 names the page without one. */
  wappUrl: string | null | undefined;

  private help: HelpText | null = null;
  private failed = false;
  #loaded: Promise<void> = Promise.resolve();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('language') && this.help?.language !== this.language) {
      const language = this.language;
      this.#loaded = HELP_TEXTS[language]().then(
        (help) => {
          if (language === this.language) this.help = help;
        },
        () => {
          this.failed = true;
        },
      );
    }
  }

  /** Focus on the help's heading once its text shows, so a screen reader says where the customer is. */
  async focusHeading(): Promise<void> {
    await this.#loaded;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** The printable page of the help on the service, in this language. */
  private get pageUrl(): string {
    return new URL(`/help/${this.language}`, this.service).href;
  }

  override render() {
    const { help } = this;
    const back = html`<button class="back" type="button" @click=${() => this.dispatchEvent(new CustomEvent('help-close'))}>
      <span aria-hidden="true">←</span> ${msg('Back')}
    </button>`;
    if (!help) {
      return html`<h2 tabindex="-1">${msg('Help')}</h2>
        ${
          this.failed
            ? html`<p>
                ${msg('The help cannot be loaded right now.')}
                <a href=${this.pageUrl} target="_blank" rel="noopener">${msg('Open the help as a page')}</a>
              </p>`
            : html`<span class="spinner" role="img" aria-label=${msg('Loading…')}></span>`
        }
        ${back}`;
    }
    return html`
      <section aria-labelledby="help-title" lang=${help.language}>
        <h2 id="help-title" tabindex="-1">${help.title}</h2>
        ${back}
        <nav aria-label=${help.page.contents}>
          <ul class="contents">
            ${help.sections.map((section) => html`<li>${this.linkTo(section.id, sectionTitle(section))}</li>`)}
            <li>${this.linkTo('support', help.support.title)}</li>
          </ul>
        </nav>
        <p>${this.renderParagraph(help.intro)}</p>
        ${help.sections.map((section) => this.renderSection(help, section))}
        <section aria-labelledby="support">
          <h3 id="support" tabindex="-1">${help.support.title}</h3>
          ${help.support.paragraphs.map((paragraph) => html`<p>${this.renderParagraph(paragraph)}</p>`)}
        </section>
        <p>
          <a href=${this.pageUrl} target="_blank" rel="noopener">${msg('Open the help as a page to print')}</a>
        </p>
        ${back}
      </section>
    `;
  }

  private renderSection(help: HelpText, section: HelpSection) {
    return html`<section aria-labelledby=${section.id}>
      <h3 id=${section.id} tabindex="-1">${sectionTitle(section)}</h3>
      <ol class="steps">
        ${section.steps.map(
          (step) => html`<li id=${step.id} tabindex="-1">
            <span class="number">${stepNumber(step.id)}</span>
            <div>
              ${step.paragraphs.map((paragraph) => html`<p>${this.renderParagraph(paragraph)}</p>`)}
              <img
                src=${new URL(`/help/pictures/${help.language}/${step.id}.png`, this.service).href}
                alt=${step.picture}
                loading="lazy"
                @error=${(event: Event) => {
                  // Not made yet (npm run help:pictures): the text stands on its own.
                  (event.target as HTMLImageElement).hidden = true;
                }}
              />
            </div>
          </li>`,
        )}
      </ol>
      ${
        section.note
          ? html`<p class="note"><strong>${help.page.note}</strong> ${this.renderParagraph(section.note)}</p>`
          : nothing
      }
    </section>`;
  }

  private renderParagraph(paragraph: Paragraph) {
    return paragraph.map((part) => {
      if (typeof part === 'string') return part;
      if ('label' in part) return html`<span class="label">${part.label}</span>`;
      if ('step' in part) return this.linkTo(part.step, stepNumber(part.step));
      if ('portalLink' in part) {
        // The service's own page, as on /help (the mails' PORTAL_PUBLIC_URL may be the site owner's).
        const portal = new URL('/', this.service).href;
        return html`<a href=${portal} target="_blank" rel="noopener">${portal}</a>`;
      }
      if ('wappLink' in part) {
        return this.wappUrl
          ? html` <a href=${this.wappUrl} target="_blank" rel="noopener">${this.wappUrl}</a>`
          : nothing;
      }
      // Known once the portal has its configuration, which it asks for as it first shows.
      return this.supportEmail
        ? html`<a href="mailto:${this.supportEmail}">${this.supportEmail}</a>`
        : '…';
    });
  }

  /**
   * A link within the help. A button, not `href="#…"`: the help lives in a shadow root,
   * which fragment links do not reach, and the page's address is the site owner's.
   */
  private linkTo(id: StepId | HelpSection['id'] | 'support', label: string) {
    return html`<button class="link" type="button" @click=${() => {
      const target = this.renderRoot.querySelector<HTMLElement>(`[id="${id}"]`);
      target?.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    }}>${label}</button>`;
  }
}

function sectionTitle(section: HelpSection): string {
  return `${section.id.toUpperCase()}. ${section.title}`;
}

customElements.define('customer-portal-help', HelpView);

declare global {
  interface HTMLElementTagNameMap {
    'customer-portal-help': HelpView;
  }
}
