/**
 * @module The one error sentence the first paint carries: the others (messages.ts) load
 * after it, and when they cannot be loaded, this device or the service is offline.
 */
import { msg } from '@lit/localize';

export function describeOffline(): string {
  return msg(
    'The customer portal cannot be reached right now. Please check your internet connection and try again.',
  );
}
