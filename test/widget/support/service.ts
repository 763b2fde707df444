/**
 * @module The real auth service for a widget test file, started by the test runner (see
 * web-test-runner.config.mjs), and the operator's and mailbox's side of it.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { CustomerRecord, Language } from '../../../server/contract.ts';

import type { DevMail } from '../../support/mailbox.ts';

export type { DevMail };

/**
 * Starts a fresh service (own database) that allows this test page's origin. With
 * `clock: 'manual'`, the service's time moves only through `advanceServiceClock`.
 */
export async function startTestService(
  options: { env?: Record<string, string>; clock?: 'system' | 'manual' } = {},
): Promise<string> {
  const { url } = await executeServerCommand<{ url: string }, typeof options>(
    'portal-start-service',
    options,
  );
  return url;
}

export function advanceServiceClock(url: string, milliseconds: number): Promise<unknown> {
  return executeServerCommand('portal-advance-clock', { url, milliseconds });
}

export function stopTestService(url: string): Promise<unknown> {
  return executeServerCommand('portal-stop-service', { url });
}

let counter = 0;
/** A customer number no other test uses, so throttle counters never meet. */
export function newCustomerNumber(): string {
  counter += 1;
  return `W-${Date.now().toString(36).toUpperCase()}${counter}`;
}

/** A password that meets the policy and is on no blocklist. */
export function newPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const tail = Array.from(
    crypto.getRandomValues(new Uint8Array(12)),
    (byte) => letters[byte % letters.length],
  ).join('');
  return `Qz7!${tail}`;
}

export interface TestCustomer {
  number: string;
  /** The password that works now (initial, must be changed, unless activated). */
  password: string;
  name: string;
}

/** Provisions a customer through the admin API, as an operator does (help text A.1, A.2). */
export async function createCustomer(
  url: string,
  options: { name?: string; language?: Language } = {},
): Promise<TestCustomer> {
  const number = newCustomerNumber();
  const password = newPassword();
  const name = options.name ?? 'Erika Muster';
  await executeServerCommand<CustomerRecord, unknown>('portal-create-customer', {
    url,
    customer: {
      number,
      password,
      name,
      email: `${number.toLowerCase()}@example.com`,
      language: options.language ?? 'en',
    },
  });
  return { number, password, name };
}

/** Creates a customer and chooses their own password through the API (A.4), ready to log in. */
export async function createActiveCustomer(
  url: string,
  options: { name?: string; language?: Language } = {},
): Promise<TestCustomer> {
  const customer = await createCustomer(url, options);
  const headers = { 'Content-Type': 'application/json' };
  const login = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers,
    credentials: 'include',
    body: JSON.stringify({ customerNumber: customer.number, password: customer.password }),
  });
  const { changeToken } = (await login.json()) as { changeToken: string };
  const password = newPassword();
  const change = await fetch(`${url}/api/password/change`, {
    method: 'POST',
    headers: { ...headers, Authorization: `Bearer ${changeToken}` },
    body: JSON.stringify({ currentPassword: customer.password, newPassword: password }),
  });
  if (change.status !== 204)
    throw new Error(`could not activate ${customer.number}: ${change.status}`);
  return { ...customer, password };
}

/** The dev mailbox, newest first. */
export function readMail(url: string): Promise<DevMail[]> {
  return executeServerCommand<DevMail[], { url: string }>('portal-mail', { url });
}

/**
 * The token of a real "Change password now" link (help text C.2–C.4): asks for a reset
 * for the customer (a new active one by default) and reads it from the mail.
 */
export async function requestResetToken(url: string, customer?: TestCustomer): Promise<string> {
  const owner = customer ?? (await createActiveCustomer(url));
  const response = await fetch(`${url}/api/password/forgot`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ customerNumber: owner.number }),
  });
  if (response.status !== 202) throw new Error(`forgot answered ${response.status}`);
  const to = `${owner.number.toLowerCase()}@example.com`;
  // The service queues the mail after its answer (S07): look until it is there.
  for (let tries = 0; tries < 100; tries++) {
    const mail = (await readMail(url)).find((m) => m.to === to && m.kind === 'password_reset');
    const token = mail && /#portal-reset=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (token) return token;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no reset mail to ${to}`);
}
