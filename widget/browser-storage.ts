/**
 * @module What the portal keeps in this browser (S25): at most the language choice and,
 * if the customer asked for it, the customer number. Never a token or a password.
 */
import type { Language } from '../server/contract.ts';

const LANGUAGE_KEY = 'customer-portal:language';
const CUSTOMER_NUMBER_KEY = 'customer-portal:customer-number';

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

/** "Clear history": forget everything the portal kept here. */
export function clearStoredData(): void {
  write(LANGUAGE_KEY, null);
  write(CUSTOMER_NUMBER_KEY, null);
}
