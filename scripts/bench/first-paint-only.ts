/**
 * @module `npm run bench:first-paint`: only the time to a login form (first-paint.ts), the
 * same cold loads as in the full bench, printed and not written to bench/results.md. For
 * a change to the widget, in a minute or two rather than the full bench's five.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/support/free-port.ts';
import { snapshotBuild } from './build.ts';
import { measureFirstPaint } from './first-paint.ts';
import { renderFirstPaint } from './report.ts';
import { SEEDED_PASSWORD, seedDatabase } from './seed.ts';
import { startService } from './service.ts';

const folder = mkdtempSync(join(tmpdir(), 'portal-bench-'));
try {
  const build = await snapshotBuild(join(folder, 'build'));
  if (build.newerSources.length > 0) {
    console.error(`warning: ${build.newerSources.length} source files are newer than the build`);
  }
  const seeded = await seedDatabase(build.modules, join(folder, 'main.db'), {
    customers: 1,
    knownRefreshTokens: 1,
    passwordHash: await build.modules.passwords.hashPassword(SEEDED_PASSWORD),
  });
  const pagePort = await freePort();
  const service = await startService(build, {
    port: await freePort(),
    unusedPort: await freePort(),
    databasePath: seeded.path,
    pageOrigin: `http://localhost:${pagePort}`,
    logFile: join(folder, 'service.log'),
  });
  const loadBefore = loadavg()[0]?.toFixed(2);
  try {
    console.log(renderFirstPaint(await measureFirstPaint(service.url, pagePort)));
  } finally {
    await service.stop();
  }
  console.log(`\nLoad average (1 min): before ${loadBefore}, after ${loadavg()[0]?.toFixed(2)}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
