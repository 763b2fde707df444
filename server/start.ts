/**
 * @module The service's start, from its sources (`npm start`, through tsx) or from its
 * build (`npm run serve`, `node dist/server/start.js`): reads the configuration, starts the
 * portal in the mode it names, writes the start line, and stops cleanly on Ctrl-C or
 * SIGTERM (S32). `--production` means the same as `NODE_ENV=production`.
 */
import { existsSync } from 'node:fs';
import { hasDevMailbox } from './app.ts';
import { ConfigError, describeSmtpServer, loadConfig } from './config.ts';
import { createLogger, writeToStdout } from './log.ts';
import { startPortal, stopOnSignals } from './portal.ts';
import { DEMO_DIRECTORY, WIDGET_ENTRY } from './project-paths.ts';
import { databaseLocation, describeDatabaseLocation, isPrivateFile } from './store/database.ts';

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

const env = process.argv.includes('--production')
  ? { ...process.env, NODE_ENV: 'production' }
  : process.env;
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(env);
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
if (!existsSync(WIDGET_ENTRY)) fail('the widget is not built: run npm run build first');
// A production install ships no demo page: starting it without NODE_ENV=production would
// open the dev mailbox and a demo customer on a real server, so it refuses instead.
if (!config.production && !existsSync(DEMO_DIRECTORY)) {
  fail(
    'development mode needs the demo page (demo/); on a production install set NODE_ENV=production or pass --production',
  );
}

const logger = createLogger(writeToStdout, { level: config.logLevel });
const portal = await startPortal(config, logger).catch((error: Error) => fail(error.message));
const devMailbox = hasDevMailbox(config) ? `${portal.service.url}/dev/mail` : null;

logger.info('service_started', {
  mode: config.production ? 'production' : 'development',
  listening: portal.service.url,
  serviceUrl: config.serviceUrl,
  publicUrl: config.publicUrl,
  database: describeDatabaseLocation(databaseLocation(config)),
  mail: config.smtpUrl ? describeSmtpServer(config.smtpUrl) : `dev mailbox at ${devMailbox}`,
  demoPage: portal.demo ? `http://localhost:${portal.demo.port}/` : null,
  logLevel: config.logLevel,
});
// The file holds the token signing keys: say so when others may read it.
if (config.databaseUrl === null && !isPrivateFile(config.databasePath)) {
  logger.warn('database_readable_by_others', {
    database: config.databasePath,
    fix: `chmod 600 ${config.databasePath}`,
  });
}

// Production writes JSON lines only, for log collectors; a newcomer gets four lines to follow.
// Through the log's writer, so that it comes after the lines above, not before them.
if (!config.production && portal.demo) {
  writeToStdout(`
  Development mode: demo page, demo customer and dev mailbox (NODE_ENV=production turns them off)

  Demo WAPP page:        http://localhost:${portal.demo.port}/
  Customer portal link:  ${config.publicUrl}
  Dev mailbox:           ${devMailbox ?? `off (mail goes to ${config.smtpUrl ? describeSmtpServer(config.smtpUrl) : 'nowhere'})`}
  Demo customer:         ${portal.demoCustomer ?? 'already provisioned (see npm run portal -- customers list)'}
`);
}

stopOnSignals(portal);
