/**
 * @module `npm start`: builds the widget if it is missing, starts the portal, prints where
 * to go, and stops cleanly on Ctrl-C or SIGTERM (S32).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasDevMailbox } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { startPortal, stopOnSignals } from './portal.ts';

const WIDGET_ENTRY = fileURLToPath(new URL('../dist/widget/customer-portal.js', import.meta.url));

/** Missing, or older than a widget source or translation: e.g. after a `git pull`. */
function widgetNeedsBuild(): boolean {
  if (!existsSync(WIDGET_ENTRY)) return true;
  const built = statSync(WIDGET_ENTRY).mtimeMs;
  const folders: Array<[string, RegExp]> = [
    ['../widget/', /\.ts$/],
    ['../locales/', /\.xlf$/],
  ];
  const sources = folders.flatMap(([folder, pattern]) => {
    const root = fileURLToPath(new URL(folder, import.meta.url));
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && pattern.test(entry.name))
      .filter((entry) => !entry.parentPath.includes('generated'))
      .map((entry) => join(entry.parentPath, entry.name));
  });
  return sources.some((file) => statSync(file).mtimeMs > built);
}

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

if (widgetNeedsBuild()) {
  console.log('Building the widget…');
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

stopOnSignals(portal);
