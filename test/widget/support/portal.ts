/**
 * @module Puts a `<customer-portal>` on the test page and acts on it the way a customer
 * does: reads what is shown, types into fields by their label, clicks buttons by their text.
 */
import type { Language } from '../../../server/contract.ts';
import '../../../widget/customer-portal.ts';
import type { CustomerPortal } from '../../../widget/customer-portal.ts';
import { switchLanguage } from '../../../widget/localization.ts';
import { assert, waitFor } from './assert.ts';

const mounted: HTMLElement[] = [];

export interface MountOptions {
  api: string;
  mode?: 'inline' | 'launcher';
  lang?: Language;
  /** Markup put inside the element, e.g. the site owner's `slot="account"` content. */
  content?: string;
  /** As after a reload: what the portal kept in this browser stays (else cleared, as in a new browser). */
  keepStorage?: boolean;
}

/** Adds the element to the page and waits for its first screen. */
export async function mountPortal(options: MountOptions): Promise<CustomerPortal> {
  if (!options.keepStorage) localStorage.clear();
  const element = document.createElement('customer-portal') as CustomerPortal;
  element.api = options.api;
  if (options.mode) element.mode = options.mode;
  if (options.lang) element.setAttribute('lang', options.lang);
  if (options.content) element.innerHTML = options.content;
  const main =
    document.querySelector('main') ?? document.body.appendChild(document.createElement('main'));
  main.append(element);
  mounted.push(element);
  if (options.mode !== 'launcher') await waitFor(() => currentView(element), 'the first screen');
  else await waitFor(() => element.shadowRoot?.querySelector('[part="launcher"]'), 'the launcher');
  return element;
}

/**
 * Removes every portal this file added, and what they left: a logged-in portal logs out
 * first, so the service clears its refresh cookie and the next test starts logged out.
 */
export async function unmountAll(): Promise<void> {
  for (const element of mounted.splice(0)) {
    const portal = element as CustomerPortal;
    const token = await portal.getAccessToken();
    if (token) {
      await fetch(`${portal.api}/api/logout`, {
        method: 'POST',
        credentials: 'include',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
    }
    element.remove();
  }
  localStorage.clear();
  await switchLanguage('en');
}

/** The screen's element in the light DOM: `customer-portal-login`, `customer-portal-account`, … */
export function currentView(portal: HTMLElement): HTMLElement | null {
  return portal.querySelector<HTMLElement>('.cp-root > *');
}

export function viewName(portal: HTMLElement): string | undefined {
  return currentView(portal)?.localName.replace('customer-portal-', '');
}

export async function waitForView(portal: HTMLElement, name: string): Promise<HTMLElement> {
  return waitFor(
    () => viewName(portal) === name && currentView(portal),
    `the "${name}" screen (now "${viewName(portal)}", message "${messageText(portal)}")`,
  );
}

/** The text of the live message region, errors and confirmations alike. */
export function messageText(portal: HTMLElement): string {
  return portal.shadowRoot?.querySelector('[part="message"]')?.textContent?.trim() ?? '';
}

export function waitForMessage(portal: HTMLElement, part: string): Promise<string> {
  return waitFor(
    () => {
      const text = messageText(portal);
      return text.includes(part) && text;
    },
    `the message "${part}" (now "${messageText(portal)}")`,
  );
}

/** The input whose label reads `label`, found the way a customer finds it. */
export function field(portal: HTMLElement, label: string): HTMLInputElement {
  const labels = [...portal.querySelectorAll('label')];
  const match = labels.find((element) => element.textContent?.trim() === label);
  const input = match?.control;
  assert(
    input instanceof HTMLInputElement || input instanceof HTMLSelectElement,
    `a field labelled "${label}"; labels: ${labels.map((l) => l.textContent?.trim()).join(' | ')}`,
  );
  return input as HTMLInputElement;
}

/**
 * What the page says about a field, as a screen reader reads it: the error texts its
 * `aria-describedby` points to, when the field is marked invalid; '' when it is not.
 */
export function fieldErrorText(portal: HTMLElement, label: string): string {
  const input = field(portal, label);
  if (input.getAttribute('aria-invalid') !== 'true') return '';
  const ids = input.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids
    .map((id) => portal.querySelector(`[id="${id}"].cp-field-error`)?.textContent?.trim())
    .filter(Boolean)
    .join(' ');
}

export function waitForFieldError(portal: HTMLElement, label: string, part: string) {
  return waitFor(
    () => fieldErrorText(portal, label).includes(part),
    `"${part}" at the field "${label}" (now "${fieldErrorText(portal, label)}", message "${messageText(portal)}")`,
  );
}

/** The focused element, looking into the portal's shadow root. */
export function focusedIn(portal: HTMLElement): Element | null {
  const active = document.activeElement;
  return active === portal ? (portal.shadowRoot?.activeElement ?? portal) : active;
}

/** Types a value as the browser reports typing: value, then an input event. */
export function type(portal: HTMLElement, label: string, value: string): HTMLInputElement {
  const input = field(portal, label);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  return input;
}

/** A button of the screen or the shell by its visible text. */
export function button(portal: HTMLElement, text: string): HTMLButtonElement {
  const candidates = [
    ...portal.querySelectorAll('button'),
    ...(portal.shadowRoot?.querySelectorAll('button') ?? []),
  ];
  const found = candidates.find(
    (candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === text,
  );
  assert(
    found,
    `a button "${text}"; buttons: ${candidates.map((c) => c.textContent?.trim()).join(' | ')}`,
  );
  return found;
}

export function click(portal: HTMLElement, text: string): void {
  button(portal, text).click();
}

/** Everything the screen and the shell say, as a customer reads it, with accessible names. */
export function visibleTexts(portal: HTMLElement): string[] {
  const texts = new Set<string>();
  const collect = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Text) {
        const text = node.textContent?.replace(/\s+/g, ' ').trim();
        // Words only: punctuation and numbers read the same in every language.
        if (text && /\p{L}/u.test(text)) texts.add(text);
      } else if (node instanceof Element) {
        for (const attribute of ['aria-label', 'placeholder', 'title']) {
          const value = node.getAttribute(attribute)?.trim();
          if (value) texts.add(value);
        }
      }
    }
  };
  if (portal.shadowRoot) collect(portal.shadowRoot);
  collect(portal);
  return [...texts];
}

/**
 * Fills in the login and presses "Log in", as help text A.5 says, in whatever language
 * the portal shows (the fields by their names). Does not wait: the next screen depends on
 * the customer (change-initial, account) or the error.
 */
export function submitLogin(
  portal: HTMLElement,
  customerNumber: string,
  password: string,
  options: { remember?: boolean } = {},
): void {
  const login = portal.querySelector('customer-portal-login');
  assert(login, 'the login screen');
  for (const [name, value] of [
    ['customer-number', customerNumber],
    ['password', password],
  ] as const) {
    const input = login.querySelector<HTMLInputElement>(`input[name="${name}"]`);
    assert(input, `the ${name} field`);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  if (options.remember) login.querySelector<HTMLInputElement>('input[name="remember"]')?.click();
  login.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
}

export async function pickLanguage(portal: HTMLElement, language: Language): Promise<void> {
  button(portal, language.toUpperCase()).click();
  await waitFor(
    () => currentView(portal)?.closest('[lang]')?.getAttribute('lang') === language,
    `language ${language}`,
  );
  await settle(portal);
}

/** Waits until the portal and every screen part inside it have rendered. */
export async function settle(portal: HTMLElement): Promise<void> {
  const elements = [portal, ...portal.querySelectorAll('*')];
  for (const element of elements) {
    if ('updateComplete' in element) await (element as CustomerPortal).updateComplete;
  }
}
