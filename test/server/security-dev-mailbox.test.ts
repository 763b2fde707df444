/**
 * S28: the dev mailbox, which shows initial passwords and reset links, exists only
 * without SMTP and outside production, and answers only to a Host that DNS rebinding
 * cannot fake: a page on an attacker's domain, whose name was made to resolve to this
 * machine, reads nothing.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { hasDevMailbox } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { provisionCustomer } from '../support/customers.ts';
import { PortalClient } from '../support/portal-client.ts';
import { startService, useService } from '../support/service.ts';

const service = useService({ env: { PORTAL_SERVICE_URL: 'http://portal.dev.example:8787' } });

/** A GET with the Host header a browser would send for the name it was pointed at. */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(service.url);
  return new Promise((resolve, reject) => {
    const sent = request({ hostname, port, path, headers: { Host: host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

test('S28 the dev mailbox answers on localhost, a loopback or other IP address, and the host of PORTAL_SERVICE_URL', async () => {
  const { port } = new URL(service.url);
  await provisionCustomer(new PortalClient(service.url), { name: 'Mailbox Reader' });
  for (const host of [
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    'LOCALHOST',
    `portal.localhost:${port}`,
    `[::1]:${port}`,
    `192.168.1.20:${port}`,
    'portal.dev.example:8787',
  ]) {
    for (const path of ['/dev/mail', '/dev/mail.json']) {
      const answer = await getWithHost(path, host);
      assert.equal(answer.status, 200, `${path} with Host: ${host}`);
      assert.match(answer.body, /Mailbox Reader/, `${path} with Host: ${host}`);
    }
  }
});

test('S28 a page on a rebound DNS name cannot read the dev mailbox: any other Host gets no mail', async () => {
  await provisionCustomer(new PortalClient(service.url), { name: 'Rebinding Victim' });
  const mails = (await getWithHost('/dev/mail.json', '127.0.0.1')).body;
  const firstId = (JSON.parse(mails) as Array<{ id: number }>)[0]?.id;
  for (const host of [
    'evil.example',
    `evil.example:${new URL(service.url).port}`,
    'localhost.evil.example',
    '127.0.0.1.nip.io',
    'evil.example@127.0.0.1',
  ]) {
    for (const path of ['/dev/mail', '/dev/mail.json', `/dev/mail/${firstId}`]) {
      const answer = await getWithHost(path, host);
      assert.doesNotMatch(answer.body, /Rebinding Victim|portal-reset|password/i);
      // Node itself refuses a Host that is not a host name (400); the mailbox the rest.
      if (host.includes('@')) {
        assert.equal(answer.status, 400, `${path} with Host: ${host}`);
        continue;
      }
      assert.equal(answer.status, 404, `${path} with Host: ${host}`);
      assert.equal((JSON.parse(answer.body) as { error: string }).error, 'not_found');
    }
  }
  // The rest of the service does not care about the name it is reached by.
  assert.equal((await getWithHost('/healthz', 'evil.example')).status, 200);
});

test('S28 with SMTP configured there is no dev mailbox, and production never has one', async () => {
  const withSmtp = await startService({ env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
  try {
    for (const path of ['/dev/mail', '/dev/mail.json']) {
      assert.equal((await fetch(`${withSmtp.url}${path}`)).status, 404, path);
    }
  } finally {
    await withSmtp.stop();
  }
  assert.equal(hasDevMailbox(loadConfig({})), true);
  assert.equal(hasDevMailbox(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' })), false);
  // Production demands SMTP_URL; even a configuration without it would have no mailbox.
  assert.equal(hasDevMailbox({ ...loadConfig({}), production: true }), false);
});
