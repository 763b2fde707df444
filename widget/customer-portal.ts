/**
 * @module `<customer-portal>`: the element a site owner drops into a page: its public
 * surface and lifecycle, and the rendering of its flow (portal-flow.ts, its base class):
 * the shell in the shadow root (shell.ts), the current screen in the light DOM.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, nothing, type PropertyDeclarations, type PropertyValues, render } from 'lit';
import type { Customer, Language } from '../server/contract.ts';
import { shellStyles } from './customer-portal.styles.ts';
import { HelpController } from './help-controller.ts';
import { currentLanguage } from './localization.ts';
import { PortalFlow, SCRIPT_ORIGIN } from './portal-flow.ts';
import { renderLauncher, renderPanel } from './shell.ts';
import type { PortalView } from './views/portal-view.ts';
import { adoptViewStyles } from './views/views.styles.ts';
import { warnOnce } from './warn-once.ts';
// The first screen; the others load after it (screens.ts).
import './views/login.ts';
import './views/password-fields.ts';

const MODES: ReadonlyArray<string> = ['inline', 'launcher'];

export interface PortalLoginDetail {
  customer: Customer;
}
export interface PortalLogoutDetail {
  reason: 'logout' | 'expired' | 'clear-history';
}
export interface PortalLanguageChangeDetail {
  language: Language;
}

/**
 * @summary The customer portal: log in, change the initial password, reset a forgotten
 * one, and the customer's internal area, in German, French, Italian and English.
 *
 * @attr {'de' | 'fr' | 'it' | 'en'} lang - The language of the first paint until the customer picks one;
 *   without it, a reset link's language, then the browser's, then the page's `<html lang>`.
 *   A page has one language for all its portals: the first portal to start chooses it (its
 *   `lang` wins over the others'); a later change of any portal's `lang`, `setLanguage()`
 *   or the customer's pick changes it in all. Another value warns once in the console and
 *   is ignored, as if there were no `lang`.
 *
 * @slot account - The site owner's content, shown in the internal area to logged-in customers.
 * @slot view - Used by the element itself for its forms (they live in the light DOM so
 *   password managers find them); do not put content here.
 *
 * The portals of one page share one session per service: a login, logout or expiry in one
 * is one in all, and each emits its `portal-login` and `portal-logout`.
 *
 * @event {CustomEvent<{ customer: Customer }>} portal-login - A customer is logged in (by login, reset link, or a session resumed on load), in this portal or another of the page.
 * @event {CustomEvent<{ reason: 'logout' | 'expired' | 'clear-history' }>} portal-logout - The customer logged out, cleared the history, or the session ended.
 * @event {CustomEvent<{ language: 'de' | 'fr' | 'it' | 'en' }>} portal-language-change - The customer picked another language (in this portal or another of the page).
 *
 * @csspart launcher - The "Customer portal" button (launcher mode).
 * @csspart dialog - The modal dialog the launcher opens (launcher mode).
 * @csspart panel - The portal's box, around everything it shows.
 * @csspart header - The top: title; language picker and close button top right, "Clear history" and "Log out" under them.
 * @csspart title - The "Customer portal" title: a heading (`h2`; `h1` with `standalone`).
 * @csspart languages - The language picker (DE · FR · IT · EN).
 * @csspart language - Each language button; the chosen one also has part `language-current`.
 * @csspart logout - The "Log out" button.
 * @csspart clear-history - The "Clear history" button: logs out and forgets what the portal kept in the browser.
 * @csspart close - The dialog's close button (launcher mode).
 * @csspart message - The message area (errors and confirmations).
 * @csspart body - The area around the current screen.
 * @csspart footer - Help and contact.
 * @csspart help - The footer's "Help" link: shows the customer help in place of the screen.
 *
 * @cssprop [--portal-accent=#1d4ed8] - Brand colour: buttons, links, focus ring, chosen language.
 * @cssprop [--portal-accent-contrast=#ffffff] - Text on the brand colour.
 * @cssprop [--portal-radius=0.5rem] - Corner radius of the panel, fields and buttons.
 * @cssprop [--portal-font=system-ui, sans-serif] - Font family.
 * @cssprop [--portal-font-size=clamp(16px, 1rem, 22px)] - Base text size; everything scales with it.
 * @cssprop [--portal-text=#1f2937] - Text colour.
 * @cssprop [--portal-muted=#4b5563] - Secondary text colour (hints, footer).
 * @cssprop [--portal-background=#ffffff] - Background of the panel and fields.
 * @cssprop [--portal-border=#6b7280] - Borders of fields and the panel.
 * @cssprop [--portal-error=#b42318] - Errors.
 * @cssprop [--portal-success=#067647] - Confirmations and met password rules.
 */
export class CustomerPortal extends PortalFlow {
  static override styles = shellStyles;
  // Declared here rather than with decorators: see PortalView.
  static override properties: PropertyDeclarations = {
    api: {},
    mode: { reflect: true },
    standalone: { type: Boolean },
  };

  /** The auth service's address, e.g. `https://service.example`; by default where this script came from. */
  api: string = SCRIPT_ORIGIN;
  /**
   * `launcher`: a "Customer portal" button that opens the portal in a dialog; `inline`: the
   * portal in place. May change at any time; another value warns once and shows inline.
   */
  mode: 'launcher' | 'inline' = 'inline';
  /**
   * The page is the portal's own (the customer portal link page): its `<html lang>` and
   * title follow the portal's language, and the portal's title is the page's `h1`.
   */
  standalone = false;

  private get dialog(): HTMLDialogElement | null | undefined {
    return this.shadowRoot?.querySelector('dialog');
  }

  #started = false;
  /** `open()` was called before the dialog was rendered. */
  #openPending = false;
  /** The footer's "Help": the help in place of the screen, loaded at the first click. */
  #help = new HelpController(this, () => this.view);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The logged-in customer, or null. */
  get currentCustomer(): Customer | null {
    return this.customer;
  }

  /**
   * A valid access token for the site owner's own backend (it verifies it against the
   * service's JWKS), renewed first if needed; null when no customer is logged in.
   */
  getAccessToken(): Promise<string | null> {
    return this.accessToken();
  }

  /** Opens the portal dialog (launcher mode); in inline mode, moves focus to the portal. */
  open(): void {
    this.prepareToShow();
    this.#openPending = this.mode === 'launcher';
    this.focusPending = true;
    this.requestUpdate();
  }

  /** Closes the portal dialog (launcher mode). */
  close(): void {
    this.dialog?.close();
  }

  /**
   * Shows every portal of the page in `language` (`de`, `fr`, `it` or `en`), as a changed
   * `lang` does; resolves once they do. Another value is ignored, with a warning.
   */
  setLanguage(language: Language): Promise<void> {
    return this.changeLanguage(language);
  }

  // `lang` is HTMLElement's own property: its changes arrive as attribute changes.
  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: `super` keeps `this` this class, whose properties (mode, api) Lit lists; `PortalFlow.observedAttributes` would not.
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // Before the start, `start()` reads it; removed, the page keeps its language.
    if (name === 'lang' && this.#started && value !== null && value !== old) {
      void this.changeLanguage(value);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.joinPage();
    adoptViewStyles(this);
    if (this.viewRoot.parentNode !== this) this.append(this.viewRoot);
    window.addEventListener('hashchange', this.onHashChange);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    if (!this.#started) {
      this.#started = true;
      void this.start();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.leavePage();
    window.removeEventListener('hashchange', this.onHashChange);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.#started) this.changeService();
    if (changed.has('mode')) {
      if (!MODES.includes(this.mode)) {
        warnOnce(
          `mode="${this.mode}" is neither "inline" nor "launcher"; the portal shows inline.`,
        );
        this.mode = 'inline';
      }
      // Now in place: shown, as inline portals are from the start.
      if (this.mode === 'inline' && changed.get('mode') !== undefined) this.prepareToShow();
    }
  }

  // -------------------------------------------------------------------------------------
  // Rendering: the shell in the shadow root, the current screen in the light DOM.

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    // A new step is a fresh screen: clearing first makes Lit create new elements, empty fields.
    if (changed.has('step')) render(nothing, this.viewRoot, { host: this });
    const language = currentLanguage();
    render(this.renderView(), this.viewRoot, { host: this });
    this.viewRoot.lang = language;
    if (this.standalone) {
      const brand = this.config?.brandName;
      document.documentElement.lang = language;
      document.title = brand ? `${msg('Customer portal')} – ${brand}` : msg('Customer portal');
    }
  }

  protected override async updated(): Promise<void> {
    if (this.#openPending && this.dialog) {
      this.#openPending = false;
      if (!this.dialog.open) this.dialog.showModal();
    }
    const visible = this.mode === 'inline' || this.dialog?.open;
    const screen = this.viewRoot.firstElementChild as PortalView | null;
    if (!visible || !screen) return;
    const message = this.renderRoot.querySelector<HTMLElement>('.message');
    if (this.focusPending) {
      // A new screen's heading wins over a notice from before it.
      this.focusPending = this.noticePending = false;
      await screen.focusHeading();
      // The message sits above the heading: on a phone, scrolled to the heading, it was cut off.
      if (this.message) message?.scrollIntoView({ block: 'nearest' });
    } else if (this.noticePending) {
      // On a phone the customer is at the button, far below the top: bring the answer there.
      this.noticePending = false;
      const field = this.message?.field;
      if (field) await screen.focusField(field);
      else message?.focus();
    }
  }

  /** The current screen: what it shows, and the flow's transition for each of its events. */
  private renderView() {
    const busy = this.busy;
    const field = this.message?.field;
    const serverError = field ? { field, text: this.message?.text() ?? '' } : null;
    switch (this.view) {
      case null:
        return nothing;
      case 'login':
        return html`<customer-portal-login
            .serverError=${serverError}
            .customerNumber=${this.customerNumber}
            .remembered=${this.remembered}
            .resetOffered=${!!this.message?.offerReset}
            .busy=${busy}
            @login-submit=${this.onLogin}
            @forgot-password=${this.onForgotPassword}
          ></customer-portal-login>`;
      case 'change-initial':
        return html`<customer-portal-change-initial
            .serverError=${serverError}
            .customerNumber=${this.customerNumber}
            .busy=${busy}
            @change-submit=${this.onChangeInitialPassword}
            @cancel=${this.onBackToLogin}
          ></customer-portal-change-initial>`;
      case 'forgot':
        return html`<customer-portal-forgot
            .serverError=${serverError}
            .customerNumber=${this.customerNumber}
            .busy=${busy}
            @forgot-submit=${this.onForgotSubmit}
            @cancel=${this.onBackToLogin}
          ></customer-portal-forgot>`;
      case 'forgot-sent':
        return html`<customer-portal-forgot-sent
            .customerNumber=${this.customerNumber}
            @forgot-password=${this.onForgotPassword}
            @cancel=${this.onBackToLogin}
          ></customer-portal-forgot-sent>`;
      case 'reset':
        return html`<customer-portal-reset
            .serverError=${serverError}
            .customerNumber=${this.remembered ? this.customerNumber : ''}
            .linkInvalid=${this.linkInvalid}
            .busy=${busy}
            @reset-submit=${this.onReset}
            @forgot-password=${this.onOpenForgot}
          ></customer-portal-reset>`;
      case 'account':
        return html`<customer-portal-account
            .serverError=${serverError}
            .customer=${this.customer ?? undefined}
            .busy=${busy}
            @change-submit=${this.onChangePassword}
            @language-submit=${this.onPreferredLanguage}
          ></customer-portal-account>`;
    }
  }

  override render() {
    if (!this.languageReady || (this.view === null && this.mode === 'launcher')) return nothing;
    const { later } = this;
    const panel = renderPanel(
      {
        mode: this.mode,
        standalone: this.standalone,
        view: this.view,
        // A field's error shows at the field only: one message, in one place.
        message: this.message?.field ? null : this.message,
        customerNumber: this.customer?.number ?? this.customerNumber,
        supportEmail: this.config?.supportEmail,
        wappUrl: this.config?.wappUrl,
        service: this.api,
        helpOpen: this.#help.isOpen,
        later,
      },
      {
        pickLanguage: this.onPickLanguage,
        logOut: this.onLogout,
        clearHistory: this.onClearHistory,
        forgotPassword: this.onOpenForgot,
        close: () => this.close(),
        openHelp: this.#help.open,
        closeHelp: this.#help.close,
      },
    );
    if (this.mode === 'inline') return panel;
    // The dialog comes with the parts after the login: an `open()` before waits for them.
    return html`${renderLauncher(() => this.open())}${
      later?.renderDialog(panel, (event) =>
        later.keepFocusInDialog(event, this.renderRoot, this.viewRoot),
      ) ?? nothing
    }`;
  }
}

customElements.define('customer-portal', CustomerPortal);

declare global {
  interface HTMLElementTagNameMap {
    'customer-portal': CustomerPortal;
  }
  interface HTMLElementEventMap {
    'portal-login': CustomEvent<PortalLoginDetail>;
    'portal-logout': CustomEvent<PortalLogoutDetail>;
    'portal-language-change': CustomEvent<PortalLanguageChangeDetail>;
  }
}
