/**
 * @module Customers for server tests, made the way operators and customers make them:
 * created through the admin API with a known initial password, then (optionally) given a
 * chosen password through login → change token → POST /api/password/change.
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import type { Client } from './client.ts';

export interface TestCustomer {
  /** The public id: the access token's `sub`. */
  id: string;
  number: string;
  /** The password that works now: the initial one, or the chosen one once activated. */
  password: string;
}

const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';

/** A fresh password that meets the policy, is on no blocklist and holds no digits run. */
export function newPassword(): string {
  let tail = '';
  for (let i = 0; i < 14; i++) tail += LETTERS[randomInt(LETTERS.length)];
  return `Pw7!${tail}`;
}

/** A fresh customer number, so tests never meet each other's throttle counters. */
export function newCustomerNumber(prefix = 'T'): string {
  return `${prefix}-${randomInt(1e9).toString(36).toUpperCase()}${randomInt(1e6)}`;
}

/** Creates a customer whose initial password (must change) is known to the test. */
export async function provisionCustomer(
  client: Client,
  options: { number?: string; password?: string; name?: string; language?: string } = {},
): Promise<TestCustomer> {
  const password = options.password ?? newPassword();
  const number = options.number ?? newCustomerNumber();
  const answer = await client.admin<{ customer: { id: string; number: string } }>(
    'POST',
    '/admin/customers',
    {
      number,
      email: `${number.toLowerCase()}@example.com`,
      name: options.name ?? 'Test Customer',
      language: options.language ?? 'en',
      password,
    },
  );
  assert.equal(answer.status, 201, answer.text);
  return { id: answer.body.customer.id, number: answer.body.customer.number, password };
}

/** Login with the initial password; returns the change token (S14). */
export async function requestChangeToken(client: Client, customer: TestCustomer): Promise<string> {
  const answer = await client.post<{ status: string; changeToken: string }>('/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(answer.status, 200, answer.text);
  assert.equal(answer.body.status, 'password_change_required');
  return answer.body.changeToken;
}

/** Gives a provisioned customer a password of their own, as in help text A.4. */
export async function activateCustomer(
  client: Client,
  customer: TestCustomer,
  chosenPassword = newPassword(),
): Promise<TestCustomer> {
  const changeToken = await requestChangeToken(client, customer);
  const answer = await client.post(
    '/api/password/change',
    { currentPassword: customer.password, newPassword: chosenPassword },
    changeToken,
  );
  assert.equal(answer.status, 204, answer.text);
  return { ...customer, password: chosenPassword };
}

/** A customer with a chosen password, ready to log in. */
export async function createActiveCustomer(
  client: Client,
  options: { number?: string; name?: string; language?: string } = {},
): Promise<TestCustomer> {
  return activateCustomer(client, await provisionCustomer(client, options));
}

/** Logs in (the refresh cookie lands in the client's jar) and returns the access token. */
export async function logIn(client: Client, customer: TestCustomer): Promise<string> {
  const answer = await client.post<{ status: string; accessToken: string }>('/api/login', {
    customerNumber: customer.number,
    password: customer.password,
  });
  assert.equal(answer.status, 200, answer.text);
  assert.equal(answer.body.status, 'ok');
  return answer.body.accessToken;
}
