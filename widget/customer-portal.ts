/**
 * @module `<customer-portal>`: the element a site owner drops into a page, and the flow
 * of the customer help text (A to C) as one state machine.
 */
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import {
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  render,
} from 'lit';
import type { Customer, Language, PublicConfig, SessionResponse } from '../server/contract.ts';
import { PortalApi, PortalError, type PortalErrorBody } from './api.ts';
import {
  clearStoredData,
  readRememberedCustomerNumber,
  readStoredLanguage,
  rememberCustomerNumber,
  storeLanguage,
} from './browser-storage.ts';
import { shellStyles } from './customer-portal.styles.ts';
import { chooseFirstLanguage, currentLanguage, switchLanguage } from './localization.ts';
import { describeError, fieldOfError } from './messages.ts';
import { type ResetLink, takeResetLink } from './reset-link.ts';
import { Session } from './session.ts';
import { keepFocusInDialog, type Message, renderLauncher, renderPanel } from './shell.ts';
import type { LanguageDetail } from './views/account.ts';
import type { ForgotDetail } from './views/forgot.ts';
import type { LoginDetail } from './views/login.ts';
import type { ChangePasswordDetail } from './views/password-change-form.ts';
import type { PortalView } from './views/portal-view.ts';
import type { ResetDetail } from './views/reset.ts';
import { adoptViewStyles } from './views/views.styles.ts';
import './views/account.ts';
import './views/change-initial.ts';
import './views/forgot.ts';
import './views/forgot-sent.ts';
import './views/login.ts';
import './views/password-change-form.ts';
import './views/password-fields.ts';
import './views/reset.ts';

/** The screens of the portal (STYLE.md 3); every change between them is in this file. */
export type View = 'login' | 'change-initial' | 'forgot' | 'forgot-sent' | 'reset' | 'account';

export interface PortalLoginDetail {
  customer: Customer;
}
export interface PortalLogoutDetail {
  reason: 'logout' | 'expired' | 'clear-history';
}
export interface PortalLanguageChangeDetail {
  language: Language;
}

/** Where the service lives by default: where this module was loaded from. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * @summary The customer portal: log in, change the initial password, reset a forgotten
 * one, and the customer's internal area, in German, French, Italian and English.
 *
 * @attr lang - The language of the first paint (de, fr, it, en) until the customer picks one;
 *   without it, a reset link's language, then the browser's, then the page's `<html lang>`.
 *
 * @slot account - The site owner's content, shown in the internal area to logged-in customers.
 * @slot view - Used by the element itself for its forms (they live in the light DOM so
 *   password managers find them); do not put content here.
 *
 * @event portal-login - A customer is logged in (by login, reset link, or a session resumed on load). `detail: { customer }`
 * @event portal-logout - The customer logged out, cleared the history, or the session ended. `detail: { reason: 'logout' | 'expired' | 'clear-history' }`
 * @event portal-language-change - The customer picked another language. `detail: { language }`
 *
 * @csspart launcher - The "Customer portal" button (launcher mode).
 * @csspart dialog - The modal dialog the launcher opens (launcher mode).
 * @csspart panel - The portal's box, around everything it shows.
 * @csspart header - The top: title; language picker and close button top right, "Log out" under them.
 * @csspart title - The "Customer portal" title.
 * @csspart languages - The language picker (DE · FR · IT · EN).
 * @csspart language - Each language button; the chosen one also has part `language-current`.
 * @csspart logout - The "Log out" button.
 * @csspart close - The dialog's close button (launcher mode).
 * @csspart message - The message area (errors and confirmations).
 * @csspart body - The area around the current screen.
 * @csspart footer - Help and contact, "Clear history".
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
export class CustomerPortal extends LitElement {
  static override styles = shellStyles;
  // Declared here rather than with decorators: see PortalView.
  static override properties: PropertyDeclarations = {
    api: {},
    mode: { reflect: true },
    languageReady: { state: true },
    view: { state: true },
    message: { state: true },
    busy: { state: true },
    customer: { state: true },
    config: { state: true },
    customerNumber: { state: true },
    remembered: { state: true },
    linkInvalid: { state: true },
    step: { state: true },
  };

  /** The auth service's address, e.g. `https://service.example`; by default where this script came from. */
  api = SCRIPT_ORIGIN;
  /** `launcher`: a "Customer portal" button that opens the portal in a dialog; `inline`: the portal in place. */
  mode: 'launcher' | 'inline' = 'inline';

  /** Nothing is painted before the first language is loaded: no flash of English. */
  private languageReady = false;
  /** null while starting: session being resumed. */
  private view: View | null = null;
  private message: Message | null = null;
  private busy = false;
  private customer: Customer | null = null;
  private config: PublicConfig | null = null;
  /** The number filled in on the login and forgot screens. */
  private customerNumber = readRememberedCustomerNumber() ?? '';
  private remembered = this.customerNumber !== '';
  private linkInvalid = false;
  /** Counts screens shown: a new count is a fresh screen with empty fields. */
  private step = 0;

  private get dialog(): HTMLDialogElement | null | undefined {
    return this.shadowRoot?.querySelector('dialog');
  }

  /** Where the screens render: in the light DOM, shown through the `view` slot. */
  private readonly viewRoot = Object.assign(document.createElement('div'), {
    slot: 'view',
    className: 'cp-root',
  });
  // Replaced at connection, once the `api` attribute has been read.
  #api = new PortalApi(this.api);
  #session = this.createSession();
  #changeToken: string | null = null;
  #resetToken: string | null = null;
  #started = false;
  #focusPending = false;
  /** `open()` was called before the dialog was rendered. */
  #openPending = false;
  /** A request just failed: show the customer its message where they are looking. */
  #noticePending = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    // One message at a time (the last is the one that counts): a new submit, even one the
    // screen stops for a missing field, clears the old; editing a field clears its error.
    this.viewRoot.addEventListener('submit', () => {
      this.message = null;
    });
    this.viewRoot.addEventListener('input', (event) => {
      if (this.message?.field === (event.target as HTMLInputElement).name) this.message = null;
    });
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
    return this.#session.accessToken();
  }

  /** Opens the portal dialog (launcher mode); in inline mode, moves focus to the portal. */
  open(): void {
    this.ensureConfig();
    this.#openPending = this.mode === 'launcher';
    this.#focusPending = true;
    this.requestUpdate();
  }

  /** Closes the portal dialog (launcher mode). */
  close(): void {
    this.dialog?.close();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptViewStyles(this);
    if (this.viewRoot.parentNode !== this) this.append(this.viewRoot);
    window.addEventListener('hashchange', this.onHashChange);
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    if (!this.#started) {
      this.#started = true;
      this.useService(this.api);
      void this.start();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.#started && this.api !== this.#api.baseUrl) {
      this.useService(this.api);
      this.customer = null;
      this.show('login', null, { focus: false });
    }
  }

  /** Talks to the service at `baseUrl` from now on, with no session yet. */
  private useService(baseUrl: string): void {
    this.#session.end();
    this.#api = new PortalApi(baseUrl);
    this.#session = this.createSession();
  }

  // -------------------------------------------------------------------------------------
  // The flow. Each handler is one transition; `show` is the only way to change screens.

  private async start(): Promise<void> {
    const resetLink = takeResetLink();
    await switchLanguage(
      chooseFirstLanguage({
        stored: readStoredLanguage(),
        element: this.getAttribute('lang'),
        resetLink: resetLink?.language ?? null,
        browser: navigator.languages,
        page: document.documentElement.lang,
      }),
    );
    if (resetLink) {
      // Before the first paint, so the reset screen shows in no other language first.
      await this.openResetLink(resetLink);
      this.languageReady = true;
      return;
    }
    this.languageReady = true;
    if (this.mode === 'inline') this.ensureConfig();
    const resumed = await this.#session.resume();
    if (resumed) this.enterAccount(resumed, null, { focus: false });
    else this.show('login', null, { focus: false });
  }

  /**
   * Help text C.5: the reset link was opened on this page. It opens in the mail's language,
   * as if the customer had picked it: they have just read that mail.
   */
  private async openResetLink(link: ResetLink): Promise<void> {
    if (link.language) await this.onPickLanguage(link.language);
    this.#resetToken = link.token;
    this.linkInvalid = false;
    this.show('reset');
    if (this.mode === 'launcher') this.open();
    else this.ensureConfig();
  }

  private onLogin = (event: CustomEvent<LoginDetail>) =>
    this.run(async () => {
      const { customerNumber, password, remember } = event.detail;
      // Now, not after success: a customer who cannot log in writes to support with it.
      this.customerNumber = customerNumber;
      const response = await this.#api.login({ customerNumber, password });
      rememberCustomerNumber(remember ? customerNumber : null);
      this.remembered = remember;
      if (response.status === 'password_change_required') {
        this.#changeToken = response.changeToken;
        this.show('change-initial');
      } else {
        this.enterAccount(response);
      }
    });

  /** Help text A.4, then A.5: back to the login with the number filled in. */
  private onChangeInitialPassword = (event: CustomEvent<ChangePasswordDetail>) =>
    this.run(async () => {
      try {
        await this.#api.changePassword(this.#changeToken ?? '', event.detail);
      } catch (error) {
        // The change token is single-use and short-lived (S14): start again at the login.
        if (error instanceof PortalError && error.code === 'unauthorized') {
          this.show('login', errorMessage(error.body));
          return;
        }
        throw error;
      }
      this.show('login', {
        kind: 'success',
        text: () => msg('Your password has been changed. Please log in with your new password.'),
      });
    });

  private onForgotPassword = (event: CustomEvent<ForgotDetail>) => {
    if (event.detail.customerNumber) this.customerNumber = event.detail.customerNumber;
    this.show('forgot');
  };

  private onForgotSubmit = (event: CustomEvent<ForgotDetail>) =>
    this.run(async () => {
      this.customerNumber = event.detail.customerNumber;
      await this.#api.forgotPassword({
        customerNumber: event.detail.customerNumber,
        language: currentLanguage(),
      });
      this.show('forgot-sent');
    });

  private onReset = (event: CustomEvent<ResetDetail>) =>
    this.run(async () => {
      try {
        const response = await this.#api.resetPassword({
          token: this.#resetToken ?? '',
          newPassword: event.detail.newPassword,
        });
        this.enterAccount(response, {
          kind: 'success',
          text: () => msg('Your new password is set. You are now logged in.'),
        });
      } catch (error) {
        if (error instanceof PortalError && error.code === 'invalid_or_expired_link') {
          this.linkInvalid = true;
        }
        throw error;
      }
    });

  /** A change from the internal area opens a new session; all others are revoked (S13). */
  private onChangePassword = (event: CustomEvent<ChangePasswordDetail>) =>
    this.whileLoggedIn(async (accessToken) => {
      const response = await this.#api.changePassword(accessToken, event.detail);
      if (response) this.#session.start(response);
      this.show('account', {
        kind: 'success',
        text: () => msg('Your password has been changed.'),
      });
    });

  private onPreferredLanguage = (event: CustomEvent<LanguageDetail>) =>
    this.whileLoggedIn(async (accessToken) => {
      this.customer = await this.#api.updateMe(accessToken, { language: event.detail.language });
      this.message = {
        kind: 'success',
        text: () => msg('Your preferred language has been saved.'),
      };
      this.#noticePending = true;
    });

  private onLogout = () =>
    this.run(async () => {
      await this.logOut('logout');
      // A shared computer must not show the next person whose number was used.
      if (!this.remembered) this.customerNumber = '';
      this.show('login', { kind: 'success', text: () => msg('You have been logged out.') });
    });

  /** "Clear history": forget the language, the remembered number and the session (S25). */
  private onClearHistory = () =>
    this.run(async () => {
      await this.logOut('clear-history');
      clearStoredData();
      this.customerNumber = '';
      this.remembered = false;
      this.show('login', {
        kind: 'success',
        text: () =>
          msg('Done: the customer portal has forgotten everything it kept in this browser.'),
      });
    });

  private onPickLanguage = async (language: Language) => {
    storeLanguage(language);
    if (language === currentLanguage()) return;
    await switchLanguage(language);
    this.emitToPage<PortalLanguageChangeDetail>('portal-language-change', { language });
  };

  private onSessionEnded = () => {
    this.customer = null;
    this.show('login', errorMessage({ error: 'session_expired', message: '' }), {
      focus: false,
    });
    this.emitToPage<PortalLogoutDetail>('portal-logout', { reason: 'expired' });
  };

  private enterAccount(
    response: SessionResponse,
    message: Message | null = null,
    options?: { focus: boolean },
  ): void {
    this.#session.start(response);
    this.customer = response.customer;
    this.show('account', message, options);
    this.emitToPage<PortalLoginDetail>('portal-login', { customer: response.customer });
  }

  private async logOut(reason: PortalLogoutDetail['reason']): Promise<void> {
    const accessToken = this.#session.active ? await this.#session.accessToken() : null;
    this.#session.end();
    // Whatever the service answers, this page forgets the session now.
    if (accessToken) await this.#api.logout(accessToken).catch(() => null);
    if (this.customer) {
      this.customer = null;
      this.emitToPage<PortalLogoutDetail>('portal-logout', { reason });
    }
  }

  /** The one place that changes screens: a fresh screen, the message, focus on its heading. */
  private show(view: View, message: Message | null = null, options = { focus: true }): void {
    // A token belongs to its screen: leaving the screen forgets it.
    if (view !== 'reset') this.#resetToken = null;
    if (view !== 'change-initial') this.#changeToken = null;
    this.view = view;
    this.message = message;
    this.step += 1;
    this.#focusPending = options.focus;
  }

  /** Runs one request: busy meanwhile, no second submit, its error as a message. */
  private async run(task: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.message = null;
    try {
      await task();
    } catch (error) {
      if (!(error instanceof PortalError)) console.error(error);
      const body: PortalErrorBody =
        error instanceof PortalError ? error.body : { error: 'internal_error', message: '' };
      const field = fieldOfError(body);
      this.message = {
        ...errorMessage(body),
        // At the field it is about, where this screen has that field.
        field: field && this.viewRoot.querySelector(`[name="${field}"]`) ? field : undefined,
      };
      this.#noticePending = true;
    } finally {
      this.busy = false;
    }
  }

  /** Like `run`, with the access token; a session the service no longer knows ends here. */
  private whileLoggedIn(task: (accessToken: string) => Promise<void>): Promise<void> {
    return this.run(async () => {
      const accessToken = await this.#session.accessToken();
      try {
        if (!accessToken) throw new PortalError({ error: 'session_expired', message: '' });
        await task(accessToken);
      } catch (error) {
        if (
          error instanceof PortalError &&
          ['unauthorized', 'session_expired'].includes(error.code)
        ) {
          this.#session.end();
          this.customer = null;
          this.show('login', errorMessage({ error: 'session_expired', message: '' }));
          this.emitToPage<PortalLogoutDetail>('portal-logout', { reason: 'expired' });
          return;
        }
        throw error;
      }
    });
  }

  private createSession(): Session {
    return new Session(this.#api, {
      renewed: (customer) => {
        this.customer = customer;
      },
      ended: this.onSessionEnded,
    });
  }

  /** The support address, once, when the portal is first shown. */
  private ensureConfig(): void {
    if (this.config) return;
    this.#api.getConfig().then(
      (config) => {
        this.config = config;
      },
      () => null,
    );
  }

  private onHashChange = () => {
    const link = takeResetLink();
    if (link) void this.openResetLink(link);
  };

  private onVisibilityChange = () => {
    if (document.visibilityState === 'visible') this.#session.renewIfDue();
  };

  private emitToPage<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  // -------------------------------------------------------------------------------------
  // Rendering: the shell in the shadow root, the current screen in the light DOM.

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    // A new step is a fresh screen: clearing first makes Lit create new elements, empty fields.
    if (changed.has('step')) render(nothing, this.viewRoot, { host: this });
    render(this.renderView(), this.viewRoot, { host: this });
    this.viewRoot.lang = currentLanguage();
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
    if (this.#focusPending) {
      // A new screen's heading wins over a notice from before it.
      this.#focusPending = this.#noticePending = false;
      await screen.focusHeading();
      // The message sits above the heading: on a phone, scrolled to the heading, it was cut off.
      if (this.message) message?.scrollIntoView({ block: 'nearest' });
    } else if (this.#noticePending) {
      // On a phone the customer is at the button, far below the top: bring the answer there.
      this.#noticePending = false;
      const field = this.message?.field;
      if (field) await screen.focusField(field);
      else message?.focus();
    }
  }

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
            @cancel=${() => this.show('login')}
          ></customer-portal-change-initial>`;
      case 'forgot':
        return html`<customer-portal-forgot
            .serverError=${serverError}
            .customerNumber=${this.customerNumber}
            .busy=${busy}
            @forgot-submit=${this.onForgotSubmit}
            @cancel=${() => this.show('login')}
          ></customer-portal-forgot>`;
      case 'forgot-sent':
        return html`<customer-portal-forgot-sent
            @cancel=${() => this.show('login')}
          ></customer-portal-forgot-sent>`;
      case 'reset':
        return html`<customer-portal-reset
            .serverError=${serverError}
            .customerNumber=${this.remembered ? this.customerNumber : ''}
            .linkInvalid=${this.linkInvalid}
            .busy=${busy}
            @reset-submit=${this.onReset}
            @forgot-password=${() => this.show('forgot')}
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
    const panel = renderPanel(
      {
        mode: this.mode,
        view: this.view,
        // A field's error shows at the field only: one message, in one place.
        message: this.message?.field ? null : this.message,
        customerNumber: this.customer?.number ?? this.customerNumber,
        supportEmail: this.config?.supportEmail,
      },
      {
        pickLanguage: this.onPickLanguage,
        logOut: this.onLogout,
        clearHistory: this.onClearHistory,
        close: () => this.close(),
      },
    );
    if (this.mode === 'inline') return panel;
    return renderLauncher(panel, {
      open: () => this.open(),
      keydown: (event) => keepFocusInDialog(event, this.renderRoot, this.viewRoot),
    });
  }
}

customElements.define('customer-portal', CustomerPortal);

function errorMessage(error: PortalErrorBody): Message {
  return { kind: 'error', text: () => describeError(error) };
}

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
