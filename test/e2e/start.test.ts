/**
 * `npm start` as a newcomer runs it: four lines to follow, the demo customer's two mails
 * waiting, Ctrl-C stops cleanly, a second start keeps the database, a busy port is one
 * clear line.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { collectOutput } from '../support/child-output.ts';
import { freePort } from '../support/free-port.ts';

let folder: string;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'portal-start-'));
});
after(() => rmSync(folder, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    env: { ...process.env, PORTAL_DB: join(folder, 'portal.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output, exited };
}

async function waitFor(started: Started, pattern: RegExp, milliseconds = 60_000): Promise<string> {
  const deadline = Date.now() + milliseconds;
  while (Date.now() < deadline) {
    if (pattern.test(started.output())) return started.output();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${pattern}; output so far:\n${started.output()}`);
}

test('npm start prints the WAPP page, the portal link, the dev mailbox and the demo customer; Ctrl-C stops it', async () => {
  const [port, demoPort] = [await freePort(), await freePort()];
  const first = start({ PORT: String(port), DEMO_PORT: String(demoPort) });
  const printed = await waitFor(first, /Demo customer:\s+\S+/);
  assert.match(printed, new RegExp(`Demo WAPP page:\\s+http://localhost:${demoPort}/`));
  assert.match(printed, new RegExp(`Customer portal link:\\s+http://127\\.0\\.0\\.1:${port}/`));
  assert.match(printed, new RegExp(`Dev mailbox:\\s+http://127\\.0\\.0\\.1:${port}/dev/mail`));
  const number = /Demo customer:\s+(\d+)/.exec(printed)?.[1];
  assert.ok(number, 'a demo customer number is printed');

  const mails = (await (await fetch(`http://127.0.0.1:${port}/dev/mail.json`)).json()) as Array<{
    kind: string;
  }>;
  assert.deepEqual(mails.map((mail) => mail.kind).sort(), ['customer_number', 'initial_password']);
  const wapp = await fetch(`http://localhost:${demoPort}/`);
  assert.match(
    await wapp.text(),
    new RegExp(`src="http://127\\.0\\.0\\.1:${port}/widget/customer-portal\\.js"`),
  );
  const widget = await fetch(`http://127.0.0.1:${port}/widget/customer-portal.js`);
  assert.equal(widget.status, 200, 'the widget is built and served');

  first.child.kill('SIGINT');
  assert.equal(await first.exited, 0);

  // A second start keeps the database: no second demo customer, no new mails.
  const second = start({ PORT: String(port), DEMO_PORT: String(demoPort) });
  assert.match(await waitFor(second, /Demo customer:.*\n/), /Demo customer:\s+already provisioned/);
  const again = (await (await fetch(`http://127.0.0.1:${port}/dev/mail.json`)).json()) as unknown[];
  assert.equal(again.length, 2);
  second.child.kill('SIGTERM');
  assert.equal(await second.exited, 0);
});

test('a port in use stops npm start with one clear line', async () => {
  const blocker = createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  try {
    const started = start({ PORT: String(port), DEMO_PORT: String(await freePort()) });
    assert.equal(await started.exited, 1);
    assert.match(
      started.output(),
      new RegExp(`error: port ${port} on 127\\.0\\.0\\.1 is already in use`),
    );
  } finally {
    blocker.close();
  }
});

test('a bad setting stops npm start with one line naming the variable', async () => {
  const started = start({ PORT: 'abc' });
  assert.equal(await started.exited, 1);
  assert.equal(
    started.output().trim(),
    'error: PORT must be a port number from 0 to 65535, not "abc"',
  );
});
