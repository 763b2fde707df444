/**
 * @module Customers for tests, made the way operators and customers make them: created
 * through the admin API with a known initial password, then activated by the change window.
 */
import assert from 'node:assert/strict';
import type { CustomerRecord, SessionResponse } from '../../server/contract.ts';
import type { Client } from './client.ts';

let counter = 0;

/** Creates a customer whose initial password is `initialPassword`; returns the number. */
export async function provisionCustomer(
  client: Client,
  options: { initialPassword?: string; language?: string; name?: string; email?: string } = {},
): Promise<{ number: string; initialPassword: string; email: string }> {
  counter += 1;
  const initialPassword = options.initialPassword ?? 'Initial-Pass-2026!';
  const email = options.email ?? `customer${counter}.${Date.now()}@example.com`;
  const answer = await client.admin<{ customer: CustomerRecord }>('POST', '/admin/customers', {
    email,
    name: options.name ?? `Customer ${counter}`,
    language: options.language ?? 'en',
    password: initialPassword,
  });
  assert.equal(answer.status, 201, answer.text);
  return { number: answer.body.customer.number, initialPassword, email };
}

/** A customer who already changed the initial password to `password` (help text A.4). */
export async function activeCustomer(
  client: Client,
  password = 'Chosen-Secret-77!',
  options: { language?: string; name?: string; email?: string } = {},
): Promise<{ number: string; password: string; email: string }> {
  const { number, initialPassword, email } = await provisionCustomer(client, options);
  const login = await client.post<{ changeToken: string }>('/api/login', {
    customerNumber: number,
    password: initialPassword,
  });
  const changed = await client.post(
    '/api/password/change',
    { currentPassword: initialPassword, newPassword: password },
    login.body.changeToken,
  );
  assert.equal(changed.status, 204, changed.text);
  return { number, password, email };
}

/** Logs in and returns the session answer. */
export async function logIn(
  client: Client,
  number: string,
  password: string,
): Promise<SessionResponse> {
  const answer = await client.post<SessionResponse>('/api/login', {
    customerNumber: number,
    password,
  });
  assert.equal(answer.status, 200, answer.text);
  return answer.body;
}
