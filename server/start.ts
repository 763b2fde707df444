/**
 * @module `npm start`: builds the widget if it is missing, starts the portal, prints where
 * to go, and stops cleanly on Ctrl-C or SIGTERM (S32).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasDevMailbox } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { startPortal } from './portal.ts';

const WIDGET_ENTRY = fileURLToPath(new URL('../dist/widget/customer-portal.js', import.meta.url));

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}

if (!existsSync(WIDGET_ENTRY)) {
  console.log('Building the widget (first start)…');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) fail('the widget did not build; see the output above');
}

const portal = await startPortal(config, createLogger()).catch((error: Error) =>
  fail(error.message),
);
const demoUrl = `http://localhost:${portal.demo.port}/`;
console.log(`
  Demo WAPP page:        ${demoUrl}
  Customer portal link:  ${config.publicUrl}
  Dev mailbox:           ${hasDevMailbox(config) ? `${portal.service.url}/dev/mail` : `off (mail goes to ${config.smtpUrl?.replace(/\/\/[^@]*@/, '//')})`}
  Demo customer:         ${portal.demoCustomer ?? 'already provisioned (see npm run portal -- customers list)'}
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await portal.stop();
    process.exit(0);
  });
}
