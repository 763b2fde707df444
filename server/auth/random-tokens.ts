/**
 * @module Opaque tokens: 256 random bits in base64url, stored only as their SHA-256
 * (refresh, change and reset tokens; S11, S17). A database leak yields no usable token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new token for the client; keep only `hashToken(token)`. */
export function createRandomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Compares two secrets in constant time, whatever their lengths (S27). */
export function secretsEqual(given: string, expected: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(given).digest(),
    createHash('sha256').update(expected).digest(),
  );
}
