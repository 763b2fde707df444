/**
 * @module Password hashing and checking: argon2id in PHC form with OWASP's parameters
 * (S01), the server's half of the policy (S03: the blocklist), and initial passwords (S04).
 */
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hash, parseOptions, verify } from '@node-rs/argon2';
import {
  failedPasswordRules,
  LIMITS,
  normalizePassword,
  type PasswordRule,
  passwordLength,
} from '../contract.ts';
import { inHashingSlot } from './hashing-slots.ts';

/** OWASP Password Storage: argon2id, m=19 MiB, t=2, p=1. Raising these rehashes at login. */
export const HASH_PARAMETERS = {
  algorithm: 2, // Argon2id (a const enum in the typings, so spelled out here)
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes a password as typed, after NFC normalisation, never truncated. */
export function hashPassword(password: string): Promise<string> {
  return inHashingSlot(() => hash(normalizePassword(password), HASH_PARAMETERS));
}

// Unknown customer numbers verify against this, so they cost the same time (S06).
const DUMMY_HASH = hash('not a password of anybody', HASH_PARAMETERS);

let verificationsStarted = 0;

/**
 * How many password checks this process has started, the dummy ones included: tests
 * count them to prove that a throttled guess never reaches the hash (S08, S09).
 */
export function countPasswordVerifications(): number {
  return verificationsStarted;
}

/**
 * Checks `password` against `storedHash`, or against a dummy hash when there is no
 * customer, so both paths take the same time. `rehash` says the parameters were raised.
 */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<{ valid: boolean; rehash: boolean }> {
  verificationsStarted += 1;
  if (storedHash === null) {
    const dummy = await DUMMY_HASH;
    await inHashingSlot(() => verify(dummy, normalizePassword(password))).catch(() => false);
    return { valid: false, rehash: false };
  }
  const valid = await inHashingSlot(() => verify(storedHash, normalizePassword(password))).catch(
    () => false,
  );
  return { valid, rehash: valid && isWeakerThanPolicy(storedHash) };
}

function isWeakerThanPolicy(storedHash: string): boolean {
  const options = parseOptions(storedHash);
  return (
    options.algorithm !== HASH_PARAMETERS.algorithm ||
    options.memoryCost < HASH_PARAMETERS.memoryCost ||
    options.timeCost < HASH_PARAMETERS.timeCost
  );
}

// The 10 000 most common passwords (SecLists, MIT), lower-case, as NIST 800-63B asks.
const COMMON_PASSWORDS = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line.length >= 4),
);

/**
 * True for a listed password, also dressed up as the policy asks: "Password1!" is
 * "password" with a capital, a digit and a symbol, and just as easy to guess.
 */
export function isCommonPassword(password: string): boolean {
  const lower = normalizePassword(password).toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(core);
}

/** Every rule a new password fails, the blocklist included (S02, S03). */
export function checkPasswordPolicy(password: string, customerNumber: string): PasswordRule[] {
  const failed = failedPasswordRules(password, customerNumber);
  if (passwordLength(password) <= LIMITS.passwordMaxLength && isCommonPassword(password)) {
    failed.push('common');
  }
  return failed;
}

/**
 * Letters and digits only, so a double-click in a mail selects the whole password (a
 * symbol ends a word there: "URK72fTKJ75+wW" selected "URK72fTKJ75"); no 0/O/o, 1/l/I.
 */
export const INITIAL_PASSWORD_ALPHABETS = [
  'ABCDEFGHJKLMNPQRSTUVWXYZ',
  'abcdefghijkmnpqrstuvwxyz',
  '23456789',
] as const;
/** 16 of 56 characters: over 90 bits, more than the 80 an initial password needs. */
export const INITIAL_PASSWORD_LENGTH = 16;

/**
 * A readable random password from a CSPRNG (S04). It has upper and lower case and digits
 * but no symbol, which the customer's own password needs: it is changed at first login.
 */
export function generateInitialPassword(customerNumber: string): string {
  for (;;) {
    const all = INITIAL_PASSWORD_ALPHABETS.join('');
    // One of each kind first, the rest from all of them, then shuffled.
    const characters = INITIAL_PASSWORD_ALPHABETS.map(pick);
    while (characters.length < INITIAL_PASSWORD_LENGTH) characters.push(pick(all));
    for (let i = characters.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [characters[i], characters[j]] = [characters[j] as string, characters[i] as string];
    }
    const password = characters.join('');
    const failed = checkPasswordPolicy(password, customerNumber);
    if (failed.every((rule) => rule === 'symbol')) return password;
  }
}

/**
 * The password to check against a customer's hash. An initial password is copied from a
 * mail, and a space before or after it often comes along; as it never holds one, it is
 * checked without. A password the customer chose is checked exactly as typed (S03).
 */
export function passwordToCheck(password: string, initial: boolean): string {
  return initial ? password.trim() : password;
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)] as string;
}
