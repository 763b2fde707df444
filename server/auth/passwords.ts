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

/** OWASP Password Storage: argon2id, m=19 MiB, t=2, p=1. Raising these rehashes at login. */
export const HASH_PARAMETERS = {
  algorithm: 2, // Argon2id (a const enum in the typings, so spelled out here)
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes a password as typed, after NFC normalisation, never truncated. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), HASH_PARAMETERS);
}

// Unknown customer numbers verify against this, so they cost the same time (S06).
const DUMMY_HASH = hash('not a password of anybody', HASH_PARAMETERS);

/**
 * Checks `password` against `storedHash`, or against a dummy hash when there is no
 * customer, so both paths take the same time. `rehash` says the parameters were raised.
 */
export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<{ valid: boolean; rehash: boolean }> {
  if (storedHash === null) {
    await verify(await DUMMY_HASH, normalizePassword(password)).catch(() => false);
    return { valid: false, rehash: false };
  }
  const valid = await verify(storedHash, normalizePassword(password)).catch(() => false);
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

// No 0/O/o, 1/l/I, nor symbols that look alike or confuse mail clients (S04).
const INITIAL_PASSWORD_ALPHABETS = [
  'ABCDEFGHJKLMNPQRSTUVWXYZ',
  'abcdefghijkmnpqrstuvwxyz',
  '23456789',
  '!#%+=?@',
] as const;
const INITIAL_PASSWORD_LENGTH = 14;

/** A readable random password from a CSPRNG that meets the policy (S04). */
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
    if (checkPasswordPolicy(password, customerNumber).length === 0) return password;
  }
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)] as string;
}
