/**
 * @module The portal's flow: the customer help text (A to C) as one state machine, the
 * base class of `<customer-portal>`. It holds the screen shown and what the screens show,
 * as Lit reactive state, and every transition between the screens; the element
 * (customer-portal.ts) adds its public surface and renders the state.
 */
import { msg } from '@lit/localize';
import { LitElement, type PropertyDeclarations } from 'lit';
import type { Customer, Language, PublicConfig, SessionResponse } from '../server/contract.ts';
import { PortalApi, PortalError, type PortalErrorBody } from './api.ts';
import {
  clearStoredData,
  readRememberedCustomerNumber,
  readStoredLanguage,
  rememberCustomerNumber,
  storeLanguage,
} from './browser-storage.ts';
import type {
  PortalLanguageChangeDetail,
  PortalLoginDetail,
  PortalLogoutDetail,
} from './customer-portal.ts';
import { chooseFirstLanguage, currentLanguage, switchLanguage } from './localization.ts';
import { describeError, fieldOfError } from './messages.ts';
import { type ResetLink, takeResetLink } from './reset-link.ts';
import { Session } from './session.ts';
import type { Message } from './shell.ts';
import type { LanguageDetail } from './views/account.ts';
import type { ForgotDetail } from './views/forgot.ts';
import type { LoginDetail } from './views/login.ts';
import type { ChangePasswordDetail } from './views/password-change-form.ts';
import type { ResetDetail } from './views/reset.ts';

/** The screens of the portal (STYLE.md 3); every change between them is in this file. */
export type View = 'login' | 'change-initial' | 'forgot' | 'forgot-sent' | 'reset' | 'account';

/** Where the service lives by default: where this module was loaded from. */
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

let screens: Promise<unknown> | null = null;
/** Every screen but the login (screens.ts): loaded once; a failed load is tried again. */
function loadScreens(): Promise<unknown> {
  screens ??= import('./screens.ts').catch((error: unknown) => {
    screens = null;
    throw error;
  });
  return screens;
}

/**
 * State and transitions only: the subclass renders (a change of state renders again, as
 * Lit's reactive state does) and moves focus after it, as `focusPending` and
 * `noticePending` ask.
 */
export abstract class PortalFlow extends LitElement {
  // Declared here rather than with decorators: see PortalView.
  static override properties: PropertyDeclarations = {
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

  /** The element's `api`: the auth service's address. */
  abstract api: string;
  /** The element's `mode`. */
  abstract mode: 'launcher' | 'inline';
  /** The element's `open()`: shows the portal and moves focus to it. */
  abstract open(): void;

  /** Nothing is painted before the first language is loaded: no flash of English. */
  protected languageReady = false;
  /** null while starting: session being resumed. */
  protected view: View | null = null;
  protected message: Message | null = null;
  protected busy = false;
  protected customer: Customer | null = null;
  protected config: PublicConfig | null = null;
  /** The number filled in on the login and forgot screens. */
  protected customerNumber = readRememberedCustomerNumber() ?? '';
  protected remembered = this.customerNumber !== '';
  protected linkInvalid = false;
  /** Counts screens shown: a new count is a fresh screen with empty fields. */
  protected step = 0;
  /** After the next render, the element moves focus to the new screen's heading. */
  protected focusPending = false;
  /** A request just failed: show the customer its message where they are looking. */
  protected noticePending = false;

  /** Where the screens render: in the light DOM, shown through the `view` slot. */
  protected readonly viewRoot = Object.assign(document.createElement('div'), {
    slot: 'view',
    className: 'cp-root',
  });
  // Replaced at the start, once the `api` attribute has been read.
  #api = new PortalApi(SCRIPT_ORIGIN);
  #session = this.#createSession();
  #changeToken: string | null = null;
  #resetToken: string | null = null;
  #countdown: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    // One message at a time (the last is the one that counts): a new submit, even one the
    // screen stops for a missing field, clears the old; editing a field clears its error.
    this.viewRoot.addEventListener('submit', () => {
      this.message = null;
    });
    this.viewRoot.addEventListener('input', (event) => {
      if (this.message?.field === (event.target as HTMLInputElement).name) this.message = null;
    });
  }

  /** A valid access token, renewed first if needed; null when no customer is logged in. */
  protected accessToken(): Promise<string | null> {
    return this.#session.accessToken();
  }

  // -------------------------------------------------------------------------------------
  // The transitions. Each handler is one; `#show` is the only way to change screens.

  /** Once, when the element is first connected: the first screen, in the first language. */
  protected async start(): Promise<void> {
    this.#useService(this.api);
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
      await this.#openResetLink(resetLink);
      this.languageReady = true;
      return;
    }
    this.languageReady = true;
    if (this.mode === 'inline') this.prepareToShow();
    const resumed = await this.#session.resume();
    if (resumed) await this.#enterAccount(resumed, null, { focus: false });
    else await this.#show('login', null, { focus: false });
  }

  /** The `api` property changed after the start: the customer starts again there. */
  protected changeService(): void {
    if (this.api === this.#api.baseUrl) return;
    this.#useService(this.api);
    this.customer = null;
    this.#show('login', null, { focus: false });
  }

  /**
   * Help text C.5: the reset link was opened on this page. It opens in the mail's language,
   * as if the customer had picked it: they have just read that mail. A used, expired or
   * replaced link says so at once, not after the customer typed a new password twice.
   */
  async #openResetLink(link: ResetLink): Promise<void> {
    if (link.language) await this.onPickLanguage(link.language);
    let message: Message | null = null;
    const [checked] = await Promise.allSettled([
      this.#api.checkResetLink({ token: link.token }),
      loadScreens(),
    ]);
    const error = checked.status === 'rejected' ? checked.reason : null;
    this.linkInvalid = error instanceof PortalError && error.code === 'invalid_or_expired_link';
    // Any other failure (offline, throttled) is said; the link may still work later.
    if (error && !this.linkInvalid) message = errorMessage(toErrorBody(error));
    if (!(await this.#show('reset', message))) await this.#show('login', this.message);
    else this.#resetToken = link.token;
    if (this.mode === 'launcher') this.open();
    else this.prepareToShow();
  }

  protected onLogin = (event: CustomEvent<LoginDetail>) =>
    this.#run(async () => {
      const { customerNumber, password, remember } = event.detail;
      // Now, not after success: a customer who cannot log in writes to support with it.
      this.customerNumber = customerNumber;
      const response = await this.#api.login({ customerNumber, password });
      rememberCustomerNumber(remember ? customerNumber : null);
      this.remembered = remember;
      if (response.status === 'password_change_required') {
        await this.#show('change-initial');
        this.#changeToken = response.changeToken;
      } else {
        await this.#enterAccount(response);
      }
    });

  /** Help text A.4, then A.5: back to the login with the number filled in. */
  protected onChangeInitialPassword = (event: CustomEvent<ChangePasswordDetail>) =>
    this.#run(async () => {
      try {
        await this.#api.changePassword(this.#changeToken ?? '', event.detail);
      } catch (error) {
        // The change token is single-use and short-lived (S14): start again at the login.
        if (error instanceof PortalError && error.code === 'unauthorized') {
          this.#show('login', errorMessage(error.body));
          return;
        }
        throw error;
      }
      this.#show('login', {
        kind: 'success',
        text: () => msg('Your password has been changed. Please log in with your new password.'),
      });
    });

  protected onForgotPassword = (event: CustomEvent<ForgotDetail>) => {
    if (event.detail.customerNumber) this.customerNumber = event.detail.customerNumber;
    return this.#show('forgot');
  };

  protected onForgotSubmit = (event: CustomEvent<ForgotDetail>) =>
    this.#run(async () => {
      this.customerNumber = event.detail.customerNumber;
      await this.#api.forgotPassword({
        customerNumber: event.detail.customerNumber,
        language: currentLanguage(),
      });
      await this.#show('forgot-sent');
    });

  protected onBackToLogin = () => this.#show('login');

  /** "Forgot your password?" offered with a message, or a new link for one no longer valid. */
  protected onOpenForgot = () => this.#show('forgot');

  protected onReset = (event: CustomEvent<ResetDetail>) =>
    this.#run(async () => {
      try {
        const response = await this.#api.resetPassword({
          token: this.#resetToken ?? '',
          newPassword: event.detail.newPassword,
        });
        await this.#enterAccount(response, {
          kind: 'success',
          text: () => msg('Your new password is set. You are now logged in.'),
        });
      } catch (error) {
        // Used or replaced since it was opened: the screen now says so and offers a new one.
        if (error instanceof PortalError && error.code === 'invalid_or_expired_link') {
          this.linkInvalid = true;
          this.focusPending = true;
          return;
        }
        throw error;
      }
    });

  /** A change from the internal area opens a new session; all others are revoked (S13). */
  protected onChangePassword = (event: CustomEvent<ChangePasswordDetail>) =>
    this.#whileLoggedIn(async (accessToken) => {
      const response = await this.#api.changePassword(accessToken, event.detail);
      if (response) this.#session.start(response);
      await this.#show('account', {
        kind: 'success',
        text: () => msg('Your password has been changed.'),
      });
    });

  protected onPreferredLanguage = (event: CustomEvent<LanguageDetail>) =>
    this.#whileLoggedIn(async (accessToken) => {
      this.customer = await this.#api.updateMe(accessToken, { language: event.detail.language });
      this.message = {
        kind: 'success',
        text: () => msg('Your preferred language has been saved.'),
      };
      this.noticePending = true;
    });

  protected onLogout = () =>
    this.#run(async () => {
      await this.#logOut('logout');
      // A shared computer must not show the next person whose number was used.
      if (!this.remembered) this.customerNumber = '';
      this.#show('login', { kind: 'success', text: () => msg('You have been logged out.') });
    });

  /**
   * "Clear history" (help text B, note): the session ends on the service, also one this
   * page has not resumed; the language, the remembered number and any message are gone (S25).
   */
  protected onClearHistory = () =>
    this.#run(async () => {
      await this.#logOut('clear-history', { always: true });
      clearStoredData();
      this.customerNumber = '';
      this.remembered = false;
      this.#show('login', {
        kind: 'success',
        text: () =>
          msg('Done: the customer portal has forgotten everything it kept in this browser.'),
      });
    });

  protected onPickLanguage = async (language: Language) => {
    storeLanguage(language);
    if (language === currentLanguage()) return;
    await switchLanguage(language);
    this.#emitToPage<PortalLanguageChangeDetail>('portal-language-change', { language });
  };

  protected onHashChange = () => {
    const link = takeResetLink();
    if (link) void this.#openResetLink(link);
  };

  protected onVisibilityChange = () => {
    if (document.visibilityState === 'visible') this.#session.renewIfDue();
  };

  #sessionEnded(): void {
    this.customer = null;
    this.#show('login', errorMessage({ error: 'session_expired', message: '' }), {
      focus: false,
    });
    this.#emitToPage<PortalLogoutDetail>('portal-logout', { reason: 'expired' });
  }

  async #enterAccount(
    response: SessionResponse,
    message: Message | null = null,
    options?: { focus: boolean },
  ): Promise<void> {
    this.#session.start(response);
    this.customer = response.customer;
    await this.#show('account', message, options);
    this.#emitToPage<PortalLoginDetail>('portal-login', { customer: response.customer });
  }

  async #logOut(reason: PortalLogoutDetail['reason'], options = { always: false }): Promise<void> {
    const accessToken = this.#session.active ? await this.#session.accessToken() : null;
    this.#session.end();
    // Whatever the service answers, this page forgets the session now; without an access
    // token, the service still ends the session of the refresh cookie.
    if (accessToken || options.always) {
      await this.#api.logout(accessToken ?? undefined).catch(() => null);
    }
    if (this.customer) {
      this.customer = null;
      this.#emitToPage<PortalLogoutDetail>('portal-logout', { reason });
    }
  }

  /**
   * The one place that changes screens: a fresh screen, the message, focus on its heading.
   * Every screen but the login loads first (screens.ts); false when it could not.
   */
  async #show(
    view: View,
    message: Message | null = null,
    options = { focus: true },
  ): Promise<boolean> {
    if (view !== 'login') {
      try {
        await loadScreens();
      } catch {
        this.message = errorMessage({ error: 'network', message: '' });
        this.noticePending = true;
        return false;
      }
    }
    // A token belongs to its screen: leaving the screen forgets it.
    this.#resetToken = this.#changeToken = null;
    clearInterval(this.#countdown);
    this.view = view;
    this.message = message;
    this.step += 1;
    this.focusPending = options.focus;
    return true;
  }

  /** Runs one request: busy meanwhile, no second submit, its error as a message. */
  async #run(task: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.message = null;
    try {
      await task();
    } catch (error) {
      if (!(error instanceof PortalError)) console.error(error);
      const body = toErrorBody(error);
      const field = fieldOfError(body);
      const { retryAfter } = body;
      const message: Message = {
        ...errorMessage(body),
        // At the field it is about, where this screen has that field.
        field: field && this.viewRoot.querySelector(`[name="${field}"]`) ? field : undefined,
        until: retryAfter ? Date.now() + retryAfter * 1000 : undefined,
        // At the login, a wait or an expired initial password has a way out (help text C).
        offerReset:
          this.view === 'login' && (!!retryAfter || body.error === 'initial_password_expired'),
      };
      this.message = message;
      if (retryAfter) this.#countDown(message);
      this.noticePending = true;
    } finally {
      this.busy = false;
    }
  }

  /** Shows the wait of `message` ticking down; once it is over, says the customer may try again. */
  #countDown(message: Message): void {
    clearInterval(this.#countdown);
    this.#countdown = setInterval(() => {
      if (this.message !== message) {
        clearInterval(this.#countdown);
      } else if (Date.now() < (message.until ?? 0)) {
        this.requestUpdate();
      } else {
        clearInterval(this.#countdown);
        this.message = { kind: 'success', text: () => msg('You can try again now.') };
      }
    }, 1000);
  }

  /** Like `#run`, with the access token; a session the service no longer knows ends here. */
  #whileLoggedIn(task: (accessToken: string) => Promise<void>): Promise<void> {
    return this.#run(async () => {
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
          this.#show('login', errorMessage({ error: 'session_expired', message: '' }));
          this.#emitToPage<PortalLogoutDetail>('portal-logout', { reason: 'expired' });
          return;
        }
        throw error;
      }
    });
  }

  /** Talks to the service at `baseUrl` from now on, with no session yet. */
  #useService(baseUrl: string): void {
    this.#session.end();
    this.#api = new PortalApi(baseUrl);
    this.#session = this.#createSession();
  }

  #createSession(): Session {
    return new Session(this.#api, {
      renewed: (customer) => {
        this.customer = customer;
      },
      ended: () => this.#sessionEnded(),
    });
  }

  /**
   * When the portal is first shown: the support address, and the screens after the login,
   * in the background, so the next screen shows at once.
   */
  protected prepareToShow(): void {
    loadScreens().catch(() => null);
    if (this.config) return;
    this.#api.getConfig().then(
      (config) => {
        this.config = config;
      },
      () => null,
    );
  }

  #emitToPage<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}

function errorMessage(error: PortalErrorBody): Message {
  return { kind: 'error', text: () => describeError(error) };
}

/** A failure as the contract's error body; anything unexpected reads as our own failure. */
function toErrorBody(error: unknown): PortalErrorBody {
  return error instanceof PortalError ? error.body : { error: 'internal_error', message: '' };
}
