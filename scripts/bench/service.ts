/**
 * @module The service under test: `npm run serve`'s `node dist/server/start.js --production` from the
 * snapshot of the build, as an operator runs it, on 127.0.0.1 and its own database.
 * Production demands an SMTP server: it gets a loopback port where none listens, since
 * the seeded customers need no mail and the outbox stays empty. The allowed origins are
 * production's own: the service's and the public URL's, which is the bench's page server.
 */
import { join } from 'node:path';
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
  return startProcess({
    args: [
      // As `npm run serve`, the Dockerfile and the README's systemd unit start it.
      '--max-semi-space-size=2',
      ...(options.nodeOptions ?? []),
      join(build.root, 'dist/server/start.js'),
      '--production',
    ],
    cwd: build.root,
    env: {
      // As `npm run serve`, the Dockerfile and the README's unit: glibc's malloc gives
      // argon2's 19 MiB buffers back to the system instead of keeping them per thread.
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '131072',
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
