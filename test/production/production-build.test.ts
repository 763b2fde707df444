/**
 * The production build as an operator installs it (and as the Dockerfile does): the built
 * `dist/` and the lock file in a folder of their own, `npm ci --omit=dev`, then
 * `node dist/server/start.js` in production mode with a real SMTP server on loopback. The
 * CLI of the build provisions a customer, who walks help text A over HTTP; the log of
 * that run holds the start line, the requests and the security events, and no secret.
 * Run `npm run build` first (`npm test` does).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readServeCommand } from '../../scripts/serve-command.ts';
import { collectOutput } from '../support/child-output.ts';
import { newPassword } from '../support/customers.ts';
import { freePort } from '../support/free-port.ts';
import { initialPasswordIn } from '../support/mailbox.ts';
import { PortalClient } from '../support/portal-client.ts';
import { PRODUCTION_ENV } from '../support/production-env.ts';
import { sleep } from '../support/service-process.ts';
import { type MailServer, startMailServer } from '../support/smtp-capture.ts';

const PROJECT = new URL('../..', import.meta.url).pathname;
const SMTP_LOGIN = { user: 'portal@dealer.example', pass: 'S3cret@pw:/x' };
const ADMIN_TOKEN = 'prod-admin-token-0123456789-abcdefghijklmnop';
const PAGE_ORIGIN = 'https://www.dealer.example';
/** `npm ci` compiles better-sqlite3 where no prebuilt binary can be fetched: minutes. */
const INSTALL_MILLISECONDS = 9 * 60_000;

let folder: string;
let mail: MailServer;
let env: Record<string, string>;

before(
  async () => {
    assert.ok(
      existsSync(join(PROJECT, 'dist/server/start.js')) &&
        existsSync(join(PROJECT, 'dist/widget/customer-portal.js')),
      'the build is missing: run npm run build first',
    );
    folder = mkdtempSync(join(tmpdir(), 'portal-production-'));
    for (const file of ['package.json', 'package-lock.json', 'dist']) {
      cpSync(join(PROJECT, file), join(folder, file), { recursive: true });
    }
    const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
      cwd: folder,
      encoding: 'utf8',
      timeout: INSTALL_MILLISECONDS,
    });
    assert.equal(
      install.status,
      0,
      `npm ci --omit=dev failed:\n${install.stdout}${install.stderr}`,
    );
    for (const tool of ['tsx', 'vite', '@web/test-runner', 'playwright-core']) {
      assert.ok(!existsSync(join(folder, 'node_modules', tool)), `${tool} is a devDependency`);
    }
    mail = await startMailServer({ login: SMTP_LOGIN });
    const encoded = `${encodeURIComponent(SMTP_LOGIN.user)}:${encodeURIComponent(SMTP_LOGIN.pass)}`;
    env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: folder,
      ...PRODUCTION_ENV,
      SMTP_URL: `smtp://${encoded}@127.0.0.1:${mail.port}`,
      PORTAL_DB: join(folder, 'data', 'portal.db'),
      PORTAL_ALLOWED_ORIGINS: PAGE_ORIGIN,
      PORTAL_ADMIN_TOKEN: ADMIN_TOKEN,
      PORTAL_TRUSTED_PROXY_HEADER: 'X-Forwarded-For',
    };
  },
  { timeout: INSTALL_MILLISECONDS + 30_000 },
);

after(async () => {
  await mail?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/**
 * Runs the build's CLI in the production folder; resolves to its exit code and output.
 * Asynchronous: the SMTP server it logs in to runs in this test's own event loop.
 */
function cli(
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/server/cli.js', ...args], {
      cwd: folder,
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    const output = collectOutput(child);
    child.once('close', (code) => resolve({ code, output: output() }));
  });
}

interface Started {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Starts the service as `npm run serve` does, with its node options and malloc settings
 * (which this Node must accept), and waits for /healthz.
 */
async function startService(extraEnv: Record<string, string> = {}): Promise<Started> {
  const port = await freePort();
  const serve = readServeCommand(folder);
  const child = spawn(process.execPath, [...serve.nodeOptions, serve.script], {
    cwd: folder,
    env: { ...serve.env, ...env, PORT: String(port), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const healthy = await fetch(`${url}/healthz`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (healthy) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the production service did not start:\n${output()}`);
    }
    await sleep(50);
  }
  return { child, url, output, exited };
}

async function stopService(started: Started): Promise<void> {
  started.child.kill('SIGTERM');
  assert.equal(await started.exited, 0, 'SIGTERM stops the service cleanly');
}

async function mailsTo(address: string, count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mails = mail.received.filter((item) => item.envelopeTo.includes(address));
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`${mails.length} of ${count} mails to ${address}`);
    await sleep(100);
  }
}

/**
 * The initial password from the mail that holds it, once it has arrived: mails may come
 * in any order, and a service started on a backup sends again what the backup had not
 * yet seen delivered (with the same Message-ID).
 */
async function initialPasswordMailedTo(address: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const item of mail.received.filter((received) => received.envelopeTo.includes(address))) {
      try {
        return initialPasswordIn(item.text);
      } catch {
        // Not the password mail: the customer number's, or a later one.
      }
    }
    if (Date.now() > deadline) throw new Error(`no initial password mailed to ${address}`);
    await sleep(100);
  }
}

function logLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`a log line that is not JSON: ${line}`);
      }
    });
}

test('the production build: check passes, the CLI provisions, help text A works over HTTP, and the log tells what happened without a secret', async () => {
  const check = await cli(['check']);
  assert.equal(check.code, 0, check.output);
  assert.match(check.output, /^ok {4}configuration: production/m);
  assert.match(
    check.output,
    new RegExp(`^ok {4}mail: smtp://127\\.0\\.0\\.1:${mail.port} accepted`, 'm'),
  );

  const demoPort = await freePort();
  const service = await startService({ DEMO_PORT: String(demoPort) });
  let stopped = false;
  try {
    const added = await cli([
      'customers',
      'add',
      '--email',
      'luca.rossi@example.ch',
      '--name',
      'Luca Rossi',
      '--language',
      'it',
    ]);
    assert.equal(added.code, 0, added.output);
    const number = /Created customer (\S+)/.exec(added.output)?.[1];
    assert.ok(number, added.output);
    await mailsTo('luca.rossi@example.ch', 2);
    const initialPassword = await initialPasswordMailedTo('luca.rossi@example.ch');
    const passwordMail = mail.received.find((item) => item.text.includes(initialPassword));
    assert.ok(
      passwordMail && !passwordMail.text.includes(number),
      'a mail of its own holds the initial password',
    );

    // Help text A: the initial password, the change, the login with the new password.
    const client = new PortalClient(service.url, { origin: PAGE_ORIGIN, address: '203.0.113.7' });
    const first = await client.post<{ status: string; changeToken: string }>('/api/login', {
      customerNumber: number,
      password: initialPassword,
    });
    assert.equal(first.body.status, 'password_change_required', first.text);
    const chosen = newPassword();
    const changed = await client.post(
      '/api/password/change',
      { currentPassword: initialPassword, newPassword: chosen },
      first.body.changeToken,
    );
    assert.equal(changed.status, 204, changed.text);
    const login = await client.post<{ status: string; accessToken: string }>('/api/login', {
      customerNumber: number,
      password: chosen,
    });
    assert.equal(login.body.status, 'ok', login.text);
    assert.ok(client.refreshCookie, 'the refresh cookie is set');
    const me = await client.get<{ number: string; name: string }>(
      '/api/me',
      login.body.accessToken,
    );
    assert.equal(me.body.number, number);
    const wrong = await client.post('/api/login', {
      customerNumber: number,
      password: 'Wr0ng!pass',
    });
    assert.equal(wrong.status, 401);
    assert.equal((await client.post('/api/logout', {}, login.body.accessToken)).status, 204);
    await mailsTo('luca.rossi@example.ch', 3); // "your password was changed"

    // Production has no demo page, no dev mailbox; the portal page and the widget stay.
    assert.equal((await fetch(`${service.url}/dev/mail`)).status, 404);
    assert.equal((await fetch(`${service.url}/dev/mail.json`)).status, 404);
    await assert.rejects(fetch(`http://127.0.0.1:${demoPort}/`), 'nothing listens on DEMO_PORT');
    assert.equal((await fetch(`${service.url}/`)).status, 200);
    assert.equal((await fetch(`${service.url}/widget/customer-portal.js`)).status, 200);
    // The help, its stylesheet and its pictures come with the build too.
    const help = await fetch(`${service.url}/help/de`);
    assert.equal(help.status, 200);
    assert.ok((await help.text()).includes(`mailto:${env.SUPPORT_EMAIL}`), 'the support address');
    assert.equal((await fetch(`${service.url}/help/help.css`)).status, 200);
    assert.equal((await fetch(`${service.url}/help/pictures/de/a-3.png`)).status, 200);
    const cookie = login.headers.get('set-cookie') ?? '';
    assert.match(cookie, /; Secure/i);
    assert.equal(statSync(env.PORTAL_DB ?? '').mode & 0o777, 0o600, 'the database is private');

    await stopService(service);
    stopped = true;

    const lines = logLines(service.output());
    const start = lines.find((line) => line.event === 'service_started');
    assert.ok(start, 'a start line');
    assert.equal(start.mode, 'production');
    assert.equal(start.mail, `smtp://127.0.0.1:${mail.port}`);
    assert.equal(start.database, env.PORTAL_DB);
    const requests = lines.filter((line) => line.event === 'request');
    const loginLine = requests.find((line) => line.path === '/api/login' && line.status === 401);
    assert.ok(loginLine, 'the failed login has its request line');
    assert.equal(loginLine.address, '203.0.113.7');
    assert.equal(typeof loginLine.requestId, 'string');
    assert.equal(typeof loginLine.durationMs, 'number');
    const actions = lines.filter((line) => line.event === 'security').map((line) => line.action);
    for (const action of [
      'login_initial_password',
      'password_changed',
      'login',
      'login_failed',
      'logout',
    ]) {
      assert.ok(actions.includes(action), `security event ${action} in ${actions.join(', ')}`);
    }
    const secrets = [
      SMTP_LOGIN.pass,
      encodeURIComponent(SMTP_LOGIN.pass),
      ADMIN_TOKEN,
      initialPassword,
      ...client.secrets,
    ];
    for (const secret of secrets) {
      assert.ok(!service.output().includes(secret), 'no secret in the log');
    }
  } finally {
    if (!stopped) service.child.kill('SIGKILL');
  }
});

test('a backup made while the service runs restores: a start on the copy logs the customer in', async () => {
  const service = await startService();
  const backup = join(folder, 'backups', 'portal-copy.db');
  let number: string | undefined;
  try {
    const added = await cli([
      'customers',
      'add',
      '--email',
      'eva@example.ch',
      '--name',
      'Eva',
      '--language',
      'de',
    ]);
    number = /Created customer (\S+)/.exec(added.output)?.[1];
    assert.ok(number, added.output);
    const made = await cli(['backup', backup]);
    assert.equal(made.code, 0, made.output);
    assert.equal(statSync(backup).mode & 0o777, 0o600, 'the backup is private too');
    const again = await cli(['backup', backup]);
    assert.equal(again.code, 1, 'an existing file is never overwritten');
    assert.match(again.output, /exists already/);
  } finally {
    await stopService(service);
  }
  const restored = await startService({ PORTAL_DB: backup });
  try {
    const initialPassword = await initialPasswordMailedTo('eva@example.ch');
    const client = new PortalClient(restored.url, { origin: PAGE_ORIGIN });
    const answer = await client.post<{ status: string }>('/api/login', {
      customerNumber: number,
      password: initialPassword,
    });
    assert.equal(answer.body.status, 'password_change_required', answer.text);
  } finally {
    await stopService(restored);
  }
});

test('each missing production setting stops the start with one line naming it, and exit 1', async () => {
  for (const name of [
    'SMTP_URL',
    'MAIL_FROM',
    'SUPPORT_EMAIL',
    'PORTAL_PUBLIC_URL',
    'PORTAL_SERVICE_URL',
  ]) {
    const { [name]: _left, ...rest } = env;
    const run = spawnSync(process.execPath, ['dist/server/start.js'], {
      cwd: folder,
      env: { ...rest, PORT: String(await freePort()) },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(run.status, 1, name);
    assert.equal(
      `${run.stdout}${run.stderr}`,
      `error: ${name} must be set in production (see README, "Running in production")\n`,
    );
  }
  // --production is the same as NODE_ENV=production.
  const { NODE_ENV: _mode, SMTP_URL: _smtp, ...development } = env;
  const flagged = spawnSync(process.execPath, ['dist/server/start.js', '--production'], {
    cwd: folder,
    env: development,
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(flagged.status, 1);
  assert.match(flagged.stderr, /^error: SMTP_URL must be set in production/);
});

test('check fails on a wrong SMTP password, naming the server and never the password', async () => {
  const wrong = 'N0t-the-right%40one';
  const run = await cli(['check'], {
    SMTP_URL: `smtp://${encodeURIComponent(SMTP_LOGIN.user)}:${wrong}@127.0.0.1:${mail.port}`,
  });
  assert.equal(run.code, 1, run.output);
  assert.match(
    run.output,
    new RegExp(`^FAIL {2}mail: smtp://127\\.0\\.0\\.1:${mail.port}: EAUTH 535`, 'm'),
  );
  assert.ok(!run.output.includes('N0t-the-right'), 'the password is never printed');
});
