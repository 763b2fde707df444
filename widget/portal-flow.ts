/**
 * @module The portal's flow: the customer help text (A to C) as one state machine, the
 * base class of `<customer-portal>`. It holds the screen shown and what the screens show,
 * as Lit reactive state, and every transition between the screens: those of the first
 * paint (login, session, shell) here, in full; those of the screens after the login here
 * as one line each, whose body (later-transitions.ts) loads with those screens. The
 * element (customer-portal.ts) adds its public surface and renders the state.
 */
import { LitElement, type PropertyDeclarations } from 'lit';
import type { Customer, Language, PublicConfig, SessionResponse } from '../server/contract.ts';
import { PortalApi, PortalError, type PortalErrorBody } from './api.ts';
import {
  hadSession,
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
import {
  chooseFirstLanguage,
  currentLanguage,
  loadLaterTexts,
  switchLanguage,
  toLanguage,
} from './localization.ts';
import { describeOffline } from './offline-message.ts';
import { type ResetLink, takeResetLink } from './reset-link.ts';
import {
  type EndReason,
  leaveSession,
  Session,
  type SessionListener,
  sessionFor,
} from './session.ts';
import type { Message } from './shell.ts';
import type { LanguageDetail } from './views/account.ts';
import type { ForgotDetail } from './views/forgot.ts';
import type { LoginDetail } from './views/login.ts';
import type { ChangePasswordDetail } from './views/password-change-form.ts';
import type { ResetDetail } from './views/reset.ts';
import { warnOnce } from './warn-once.ts';

/** The screens of the portal (STYLE.md 3); every change between them goes through `#show` here. */
export type View = 'login' | 'change-initial' | 'forgot' | 'forgot-sent' | 'reset' | 'account';

/** Where the service lives by default: where this module was loaded from. */
export const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

export type LaterParts = typeof import('./screens.ts');
let later: Promise<LaterParts> | null = null;
/** Once loaded: the error sentences are among them (messages.ts). */
let laterParts: LaterParts | null = null;
/**
 * Everything but the login (screens.ts: the other screens, their transitions, the error
 * sentences) and the rest of the language's texts: loaded once; a failed load is tried again.
 */
export function loadLater(): Promise<LaterParts> {
  later ??= Promise.all([import('./screens.ts'), loadLaterTexts()]).then(
    ([parts]) => {
      laterParts = parts;
      // A launcher's dialog, say, is rendered only now.
      for (const portal of portals) {
        parts.adoptLaterStyles(portal);
        portal.requestUpdate();
      }
      return parts;
    },
    (error: unknown) => {
      later = null;
      throw error;
    },
  );
  return later;
}

/** After the first paint, when the browser has nothing else to do: the customer never waits for it. */
function preloadWhenIdle(): void {
  whenIdle(() => void loadLater().catch(() => null));
}

/** Once the browser has nothing else to do (2 s at the latest): after the login has painted. */
function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

/** What the screens show that a later transition may read and change (`Flow.setState`). */
export interface FlowState {
  customerNumber: string;
  remembered: boolean;
  customer: Customer | null;
  message: Message | null;
  linkInvalid: boolean;
  focusPending: boolean;
  noticePending: boolean;
}

/**
 * What a transition of the screens after the login (later-transitions.ts) may read and do,
 * lent by the flow for that one transition: screens still change only through `#show`.
 */
export interface Flow {
  /** This portal's session; its `api` is the client of the service. */
  readonly session: Session;
  /** The screen shown. */
  readonly view: View | null;
  /** The single-use token of the screen shown: change-initial's change token, reset's link token. */
  readonly screenToken: string | null;
  /** The logged-in customer, or null. */
  readonly customer: Customer | null;
  /** The customer number is kept in this browser ("remember me"). */
  readonly remembered: boolean;
  /** The message shown now: a countdown stops once another replaces it. */
  message(): Message | null;
  /** Whether the screen shown has a field of this `name`. */
  hasField(name: string): boolean;
  /** Renders again, for what changes with the clock (a countdown). */
  render(): void;
  /** Tells the page (`portal-login`, `portal-logout`, …). */
  emit<T>(type: string, detail: T): void;
  /** `#show`: a fresh screen with `message`; false when it could not load. */
  show(view: View, message?: Message | null): Promise<boolean>;
  /** A session the service has just opened (a reset): the account, and `portal-login`. */
  enterAccount(response: SessionResponse, message: Message): Promise<void>;
  /** Changes what the screens show; they render again, as for any change of state. */
  setState(state: Partial<FlowState>): void;
}

/** The portals in this page: one language for all, and one session per service. */
const portals = new Set<PortalFlow>();
/** The page's first language, chosen by the first portal that starts; the others follow it. */
let firstLanguage: Promise<void> | null = null;

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
  // A session of no one until connected; then the page's session with the service at `api`.
  #session = new Session(new PortalApi(SCRIPT_ORIGIN));
  /** How this portal follows the session it shares with the page's other portals. */
  readonly #listener: SessionListener = {
    opened: (customer) => this.#sessionOpened(customer),
    renewed: (customer) => {
      if (this.customer) this.customer = customer;
    },
    ended: (reason) => this.#sessionEnded(reason),
  };
  /** The token of the screen shown (a change token, a reset link's): it goes with the screen. */
  #screenToken: string | null = null;

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

  /** The parts after the login (screens.ts), once loaded: the element renders the dialog with them. */
  protected get later(): LaterParts | null {
    return laterParts;
  }

  /** A valid access token, renewed first if needed; null when no customer is logged in. */
  protected accessToken(): Promise<string | null> {
    return this.#session.accessToken();
  }

  // -------------------------------------------------------------------------------------
  // The transitions. Each handler is one; `#show` is the only way to change screens.
  // Those of the screens after the login run their body from later-transitions.ts.

  /** Connected: one of the page's portals, in its session with the service at `api`. */
  protected joinPage(): void {
    portals.add(this);
    this.#session = sessionFor(this.api);
    this.#session.subscribe(this.#listener);
    laterParts?.adoptLaterStyles(this);
    // Back in the page after a while away: the session may have moved on without it.
    if (this.languageReady) void this.#followSession();
  }

  /** Disconnected: no longer told of the session; the page forgets it once no portal uses it. */
  protected leavePage(): void {
    portals.delete(this);
    leaveSession(this.#session, this.#listener);
    // The next portal on the page chooses the language again, as on a new page.
    if (portals.size === 0) firstLanguage = null;
  }

  /**
   * Once, when the element is first connected: the first screen, in the first language.
   * The page has one language: the first portal to start chooses it, with its own `lang`;
   * portals that start while it shows follow it.
   */
  protected async start(): Promise<void> {
    const resetLink = takeResetLink();
    const element = this.getAttribute('lang');
    if (element !== null && !toLanguage(element)) warnUnsupportedLanguage(element);
    firstLanguage ??= switchLanguage(
      chooseFirstLanguage({
        stored: readStoredLanguage(),
        element,
        resetLink: resetLink?.language ?? null,
        browser: navigator.languages,
        page: document.documentElement.lang,
      }),
    );
    await firstLanguage;
    preloadWhenIdle();
    if (resetLink) {
      // Before the first paint, so the reset screen shows in no other language first.
      await this.#openResetLink(resetLink);
      this.languageReady = true;
      return;
    }
    this.languageReady = true;
    // The login first: the support address, and the screens after the login, once the
    // browser is idle (`preloadWhenIdle`).
    if (this.mode === 'inline') whenIdle(() => this.#loadConfig());
    // Resuming a session takes a round trip to the service (and a CORS preflight). A browser
    // that had no session with it the last time (browser-storage.ts) sees the login at once,
    // and the account only if the resume, once the login has painted, still finds a session
    // (the storage was cleared, the cookie lives); one that had waits for it, so it never
    // sees the login flash before its account.
    if (hadSession(this.#session.api.baseUrl)) {
      // The account is a screen after the login: loaded beside the resume, not after it.
      loadLater().catch(() => null);
      await this.#followSession();
    } else {
      await this.#show('login', null, { focus: false });
      whenIdle(() => void this.#followSession());
    }
  }

  /** The page's language from now on, set by the site owner (`setLanguage()`, `lang`). */
  protected async changeLanguage(value: string): Promise<void> {
    const language = toLanguage(value);
    if (language) await switchLanguage(language);
    else warnUnsupportedLanguage(value);
  }

  /** The `api` property changed after the start: the customer starts again there. */
  protected changeService(): void {
    if (this.#session === sessionFor(this.api)) return;
    leaveSession(this.#session, this.#listener);
    this.#session = sessionFor(this.api);
    this.#session.subscribe(this.#listener);
    this.customer = null;
    void this.#followSession();
  }

  /** Shows the account of the session the page has (or the cookie holds), else the login. */
  async #followSession(): Promise<void> {
    const customer = await this.#session.resume();
    if (customer) this.#sessionOpened(customer);
    else if (this.customer) this.#sessionEnded('expired');
    else if (this.view === null || this.view === 'account') {
      await this.#show('login', null, { focus: false });
    }
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
      loadLater(),
    ]);
    const error = checked.status === 'rejected' ? checked.reason : null;
    this.linkInvalid = error instanceof PortalError && error.code === 'invalid_or_expired_link';
    // Any other failure (offline, throttled) is said; the link may still work later.
    if (error && !this.linkInvalid) message = errorMessage(toErrorBody(error));
    if (!(await this.#show('reset', message))) await this.#show('login', this.message);
    else this.#screenToken = link.token;
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
        this.#screenToken = response.changeToken;
      } else {
        await this.#enterAccount(response);
      }
    });

  /** Help text A.4, then A.5: back to the login with the number filled in. */
  protected onChangeInitialPassword = (event: CustomEvent<ChangePasswordDetail>) =>
    this.#run(async () => (await loadLater()).changeInitialPassword(this.#flow, event.detail));

  protected onForgotPassword = (event: CustomEvent<ForgotDetail>) => {
    if (event.detail.customerNumber) this.customerNumber = event.detail.customerNumber;
    return this.#show('forgot');
  };

  /** Help text C: the reset link goes out by email. */
  protected onForgotSubmit = (event: CustomEvent<ForgotDetail>) =>
    this.#run(async () => (await loadLater()).requestResetLink(this.#flow, event.detail));

  protected onBackToLogin = () => this.#show('login');

  /** "Forgot your password?" offered with a message, or a new link for one no longer valid. */
  protected onOpenForgot = () => this.#show('forgot');

  /** Help text C.5, C.6: the new password, and the account. */
  protected onReset = (event: CustomEvent<ResetDetail>) =>
    this.#run(async () => (await loadLater()).setNewPassword(this.#flow, event.detail));

  /** A change from the internal area opens a new session; all others are revoked (S13). */
  protected onChangePassword = (event: CustomEvent<ChangePasswordDetail>) =>
    this.#run(async () => (await loadLater()).changeAccountPassword(this.#flow, event.detail));

  protected onPreferredLanguage = (event: CustomEvent<LanguageDetail>) =>
    this.#run(async () => (await loadLater()).savePreferredLanguage(this.#flow, event.detail));

  protected onLogout = () => this.#run(async () => (await loadLater()).logOut(this.#flow));

  /** "Clear history" (help text B, note): the customer portal forgets this browser (S25). */
  protected onClearHistory = () =>
    this.#run(async () => (await loadLater()).clearHistory(this.#flow));

  protected onPickLanguage = async (language: Language) => {
    storeLanguage(language);
    if (language === currentLanguage()) return;
    await switchLanguage(language);
    // The page has one language: every portal on it changed, and each says so.
    for (const portal of portals) {
      portal.#emitToPage<PortalLanguageChangeDetail>('portal-language-change', { language });
    }
  };

  protected onHashChange = () => {
    const link = takeResetLink();
    if (link) void this.#openResetLink(link);
  };

  protected onVisibilityChange = () => {
    if (document.visibilityState === 'visible') this.#session.renewIfDue();
  };

  /** The session's client: requests go to the service this portal shares a session with. */
  get #api(): PortalApi {
    return this.#session.api;
  }

  /** What a later screen's transition may use, as things are when it starts (see `Flow`). */
  get #flow(): Flow {
    return {
      session: this.#session,
      view: this.view,
      screenToken: this.#screenToken,
      customer: this.customer,
      remembered: this.remembered,
      message: () => this.message,
      hasField: (name) => !!this.viewRoot.querySelector(`[name="${name}"]`),
      render: () => this.requestUpdate(),
      emit: (type, detail) => this.#emitToPage(type, detail),
      show: (view, message) => this.#show(view, message),
      enterAccount: (response, message) => this.#enterAccount(response, message),
      setState: (state) => Object.assign(this, state),
    };
  }

  /** A customer logged in, here or in another portal of the page, or a session resumed. */
  #sessionOpened(customer: Customer): void {
    // This portal's own login has already shown the account.
    if (this.customer) {
      this.customer = customer;
      return;
    }
    this.customer = customer;
    void this.#show('account', null, { focus: false }).then(() =>
      this.#emitToPage<PortalLoginDetail>('portal-login', { customer }),
    );
  }

  /** The session ended, here or in another portal of the page, or the service ended it. */
  #sessionEnded(reason: EndReason): void {
    // "Clear history" in any portal: no portal keeps showing the number (S25).
    if (reason === 'clear-history') {
      this.customerNumber = '';
      this.remembered = false;
    }
    // This portal's own logout has already left the account.
    if (!this.customer) return;
    this.customer = null;
    // As its own "Log out" does: a shared computer must not show the next person the number.
    if (reason === 'logout' && !this.remembered) this.customerNumber = '';
    const message =
      reason === 'expired' ? errorMessage({ error: 'session_expired', message: '' }) : null;
    this.#show('login', message, { focus: false });
    this.#emitToPage<PortalLogoutDetail>('portal-logout', { reason });
  }

  async #enterAccount(
    response: SessionResponse,
    message: Message | null = null,
    options?: { focus: boolean },
  ): Promise<void> {
    // First, so this portal's own listener leaves the account to this method.
    this.customer = response.customer;
    this.#session.start(response);
    await this.#show('account', message, options);
    this.#emitToPage<PortalLoginDetail>('portal-login', { customer: response.customer });
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
        (await loadLater()).adoptLaterStyles(this);
      } catch {
        this.message = errorMessage();
        this.noticePending = true;
        return false;
      }
    }
    // A token belongs to its screen: leaving the screen forgets it.
    this.#screenToken = null;
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
      // The error sentences load after the first paint: at the latest, now.
      const parts = await loadLater().catch(() => null);
      this.message = parts?.failureMessage(this.#flow, toErrorBody(error)) ?? errorMessage();
      this.noticePending = true;
    } finally {
      this.busy = false;
    }
  }

  /**
   * When the portal is shown (opened, or put in place): the support address, and the screens
   * after the login in the background, so the next screen shows at once.
   */
  protected prepareToShow(): void {
    loadLater().catch(() => null);
    this.#loadConfig();
  }

  /** The support address of the footer, once. */
  #loadConfig(): void {
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

/**
 * The sentence for `error`; until the sentences have loaded (when they cannot be, the
 * device or the service is offline), the one saying the portal cannot be reached.
 */
function errorMessage(error: PortalErrorBody = { error: 'network', message: '' }): Message {
  return {
    kind: 'error',
    text: () => laterParts?.describeError(error) ?? describeOffline(),
  };
}

function warnUnsupportedLanguage(value: string): void {
  warnOnce(
    `"${value}" is not a language of the portal (de, fr, it, en); it is ignored, as if no lang were given.`,
  );
}

/** A failure as the contract's error body; anything unexpected reads as our own failure. */
function toErrorBody(error: unknown): PortalErrorBody {
  return error instanceof PortalError ? error.body : { error: 'internal_error', message: '' };
}
