/**
 * @module The service under test: `npm run serve`'s `node dist/server/start.js --production` from the
 * snapshot of the build, with that script's node options and malloc settings
 * (serve-command.ts), as an operator runs it, on 127.0.0.1 and its own database.
 * Production demands an SMTP server: it gets a loopback port where none listens, since
 * the seeded customers need no mail and the outbox stays empty. The allowed origins are
 * production's own: the service's and the public URL's, which is the bench's page server.
 */
import { join } from 'node:path';
import { readServeCommand } from '../serve-command.ts';
import type { BuildSnapshot } from './build.ts';
import { type RunningProcess, startProcess } from './processes.ts';

export function startService(
  build: BuildSnapshot,
  options: {
    port: number;
    unusedPort: number;
    databasePath: string;
    /** A PostgreSQL database to use instead of the SQLite file. */
    databaseUrl?: string;
    /** The page that embeds the widget in the first-paint run: allowed, and the public URL. */
    pageOrigin: string;
    logFile: string;
    /** Options for the service's node, such as `--cpu-prof` (scripts/bench/focus.ts). */
    nodeOptions?: string[];
  },
): Promise<RunningProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const serve = readServeCommand(build.root);
  return startProcess({
    args: [
      ...serve.nodeOptions,
      ...(options.nodeOptions ?? []),
      join(build.root, serve.script),
      ...serve.args,
    ],
    cwd: build.root,
    env: {
      ...serve.env,
      PORT: String(options.port),
      PORTAL_HOST: '127.0.0.1',
      PORTAL_DB: options.databasePath,
      DATABASE_URL: options.databaseUrl ?? '',
      PORTAL_SERVICE_URL: url,
      PORTAL_PUBLIC_URL: `${options.pageOrigin}/`,
      // Behind a proxy, as in production: the loads give each login connection an address.
      PORTAL_TRUSTED_PROXY_HEADER: 'X-Forwarded-For',
      SMTP_URL: `smtp://127.0.0.1:${options.unusedPort}`,
      MAIL_FROM: 'Bench Portal <portal@dealer.example>',
      SUPPORT_EMAIL: 'help@dealer.example',
    },
    url,
    readyPath: '/healthz',
    logFile: options.logFile,
  });
}
