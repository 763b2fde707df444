/**
 * S13 under concurrency: a login with the old password that races a password change must
 * not end up with a session that outlives the change. Argon2 makes both requests take tens
 * of milliseconds, so the test starts the login at a range of offsets around the change.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SessionResponse } from '../../server/contract.ts';
import { Client } from '../support/client.ts';
import { activateCustomer, logIn, newPassword, provisionCustomer } from '../support/customers.ts';
import { useService } from '../support/service.ts';

const service = useService();

test('S13 a login racing a password change never keeps a session with the old password', async () => {
  const client = new Client(service.url);
  let password = newPassword();
  const customer = await activateCustomer(client, await provisionCustomer(client), password);
  let survivors = 0;
  for (let offset = 0; offset <= 60; offset += 3) {
    const owner = new Client(service.url);
    const racer = new Client(service.url);
    const token = await logIn(owner, { ...customer, password });
    const next = newPassword();
    const change = owner.post(
      '/api/password/change',
      { currentPassword: password, newPassword: next },
      token,
    );
    await new Promise((resolve) => setTimeout(resolve, offset));
    const login = await racer.post<SessionResponse>('/api/login', {
      customerNumber: customer.number,
      password,
    });
    assert.equal((await change).status, 200);
    if (login.status === 200) {
      const me = await racer.get('/api/me', login.body.accessToken);
      if (me.status === 200) survivors += 1;
    } else {
      assert.equal(login.status, 401);
    }
    password = next;
  }
  assert.equal(survivors, 0, 'no login with the old password outlived the change');
});
