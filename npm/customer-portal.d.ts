/**
 * The types of `<customer-portal>` for site owners' code and editors: the element's public
 * surface, its events and the customer they carry. Written by hand for the element in
 * widget/customer-portal.ts (the reference is its JSDoc block and custom-elements.json);
 * test/server/package-types.test.ts checks that the two agree.
 *
 * `import '@dealer/customer-portal'` (or the script tag) defines the element; then
 * `document.querySelector('customer-portal')` is a `CustomerPortal`, and
 * `addEventListener('portal-login', …)` gives the event its `detail` type.
 */

/** A language of the portal. */
export type Language = 'de' | 'fr' | 'it' | 'en';

/** The logged-in customer, as `portal-login` and `currentCustomer` give it. */
export interface Customer {
  /**
   * The access token's `sub`: random, the same for as long as the customer exists and never
   * given to another customer. Key your data on it.
   */
  id: string;
  /** The customer number, upper-case without spaces; after a delete it may be given again. */
  number: string;
  /** The customer's name. */
  name: string;
  /** The customer's preferred language (for mails). */
  language: Language;
}

/** The `detail` of `portal-login`. */
export interface PortalLoginDetail {
  customer: Customer;
}

/** The `detail` of `portal-logout`. */
export interface PortalLogoutDetail {
  /** `logout`: the customer logged out; `clear-history`: "Clear history"; `expired`: the session ended. */
  reason: 'logout' | 'expired' | 'clear-history';
}

/** The `detail` of `portal-language-change`. */
export interface PortalLanguageChangeDetail {
  /** The language the customer picked. */
  language: Language;
}

/**
 * The customer portal: log in, change the initial password, reset a forgotten one, and the
 * customer's internal area, in German, French, Italian and English.
 *
 * The portals of one page share one session per service: a login, logout or expiry in one is
 * one in all, and each emits its events.
 *
 * @event portal-login - A customer is logged in (by login, reset link, or a session resumed on load), in this portal or another of the page.
 * @event portal-logout - The customer logged out, cleared the history, or the session ended.
 * @event portal-language-change - The customer picked another language.
 */
export declare class CustomerPortal extends HTMLElement {
  /** The auth service's URL, e.g. `https://portal.dealer.example`; by default where the script was loaded from. */
  api: string;
  /**
   * `launcher`: a "Customer portal" button that opens the portal in a dialog; `inline` (default):
   * the portal in place. May change at any time; another value warns once and shows inline.
   */
  mode: 'launcher' | 'inline';
  /**
   * The `lang` attribute: `de`, `fr`, `it` or `en` for the first paint, until the customer picks
   * a language. A page has one language for all its portals: the first portal to start chooses
   * it; a later change of any portal's `lang` changes it in all. Another value warns once and is
   * ignored.
   */
  lang: string;
  /**
   * The page is the portal's own (the customer portal link page): its `<html lang>` and title
   * follow the portal's language, and the portal's title is the page's `h1`.
   */
  standalone: boolean;
  /** The logged-in customer, or null. */
  readonly currentCustomer: Customer | null;
  /**
   * A valid access token for your own backend (verify it there against the service's
   * `/.well-known/jwks.json`), renewed first if needed; null when no customer is logged in.
   * Ask before each call instead of keeping it: it lives minutes.
   */
  getAccessToken(): Promise<string | null>;
  /** Opens the portal dialog (launcher mode); in inline mode, moves focus to the portal. */
  open(): void;
  /** Closes the portal dialog (launcher mode). */
  close(): void;
  /**
   * Shows every portal of the page in `language`, as a changed `lang` does; resolves once they
   * do. Another value is ignored, with a warning in the console.
   */
  setLanguage(language: Language): Promise<void>;
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
