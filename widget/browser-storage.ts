/**
 * @module What the portal keeps in this browser (S25): at most the language choice, if the
 * customer asked for it the customer number, and which services it last had a session with
 * (so a reload knows whether to wait for the session). Never a token or a password.
 */
import type { Language } from '../server/contract.ts';

const LANGUAGE_KEY = 'customer-portal:language';
const CUSTOMER_NUMBER_KEY = 'customer-portal:customer-number';
/** The addresses of the services this browser has a session with, space-separated. */
const SESSIONS_KEY = 'customer-portal:sessions';

/** Storage can be missing or throw (private windows, sandboxed frames): then we keep nothing. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function read(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) storage()?.removeItem(key);
    else storage()?.setItem(key, value);
  } catch {
    // A full or refused storage only means the choice is not remembered.
  }
}

export function readStoredLanguage(): Language | null {
  const value = read(LANGUAGE_KEY);
  return value === 'de' || value === 'fr' || value === 'it' || value === 'en' ? value : null;
}

export function storeLanguage(language: Language): void {
  write(LANGUAGE_KEY, language);
}

export function readRememberedCustomerNumber(): string | null {
  return read(CUSTOMER_NUMBER_KEY);
}

/** Remembers the number, or forgets it when the customer no longer wants it kept. */
export function rememberCustomerNumber(customerNumber: string | null): void {
  write(CUSTOMER_NUMBER_KEY, customerNumber);
}

function sessionServices(): string[] {
  return read(SESSIONS_KEY)?.split(' ').filter(Boolean) ?? [];
}

/**
 * Whether this browser had a session with the service at `service` when it last knew:
 * only a hint (the cookie may have expired, or outlived the storage), which decides
 * whether the first paint waits for the session to resume (portal-flow.ts).
 */
export function hadSession(service: string): boolean {
  return sessionServices().includes(service);
}

/** A session with `service` started (`open`), or ended: logged out, history cleared, expired. */
export function noteSession(service: string, open: boolean): void {
  const others = sessionServices().filter((known) => known !== service);
  const services = open ? [...others, service] : others;
  write(SESSIONS_KEY, services.length > 0 ? services.join(' ') : null);
}

/** "Clear history": forget everything the portal kept here. */
export function clearStoredData(): void {
  write(LANGUAGE_KEY, null);
  write(CUSTOMER_NUMBER_KEY, null);
  write(SESSIONS_KEY, null);
}
