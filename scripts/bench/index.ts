/**
 * @module `npm run bench`: how fast the service is on this machine, each figure beside a
 * floor measured in the same run, written to bench/results.md and printed. Measures the
 * production build (the npm script runs `npm run build` first) and needs Chromium; takes 4 to 5 minutes on 2 cores, well
 * within 10. `npm run bench -- --store postgres` (or BENCH_STORE=postgres) runs the login
 * and token loads with the service on PostgreSQL instead, into bench/results-postgres.md.
 * `BENCH_QUICK=1` checks the bench itself in a minute or two (into test-results/bench/),
 * `BENCH_OUTPUT=FILE` writes elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '../../test/support/free-port.ts';
import { type PostgresCluster, startPostgres } from '../../test/support/postgres.ts';
import { snapshotBuild } from './build.ts';
import { measureFirstPaint } from './first-paint.ts';
import { measureLogins, measureMemory, measureTokenRoutes } from './measurements.ts';
import { copyToPostgres } from './postgres.ts';
import { type Results, renderReport, renderStoreReport } from './report.ts';
import { measureScale } from './scale.ts';
import { SEEDED_PASSWORD, seedDatabase } from './seed.ts';
import { PROJECT_ROOT, SETTINGS } from './settings.ts';
import { startSubjects } from './subjects.ts';

/**
 * Sessions whose refresh tokens are known: each refreshing connection of each load takes
 * one (16 for the refresh loads, 15 for the memory load).
 */
const KNOWN_SESSIONS = 64;

let cluster: PostgresCluster | null = null;
const startedAt = new Date();
const loadBefore = loadavg();
const folder = mkdtempSync(join(tmpdir(), 'portal-bench-'));
const step = (text: string) =>
  console.error(
    `[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(3)} s] ${text}`,
  );

try {
  const build = await snapshotBuild(join(folder, 'build'));
  if (build.newerSources.length > 0) {
    step(
      `warning: ${build.newerSources.length} source files are newer than the build; run npm run build to measure them`,
    );
  }
  const passwordHash = await build.modules.passwords.hashPassword(SEEDED_PASSWORD);
  const pagePort = await freePort();
  const pageOrigin = `http://localhost:${pagePort}`;

  step(`seeding ${SETTINGS.customers.toLocaleString('en')} customers and sessions`);
  const seeded = await seedDatabase(build.modules, join(folder, 'main.db'), {
    customers: SETTINGS.customers,
    knownRefreshTokens: KNOWN_SESSIONS,
    passwordHash,
  });
  // The floor's copy, taken before the service starts: the same rows, keys and tokens.
  const floorDatabase = join(folder, 'floor.db');
  copyFileSync(seeded.path, floorDatabase);
  let databaseUrl: string | undefined;
  if (SETTINGS.store === 'postgres') {
    step('copying them into PostgreSQL, on a cluster of its own');
    cluster = await startPostgres();
    databaseUrl = await copyToPostgres(build.modules, cluster, seeded.path);
  }

  const { subjects, idleMemory } = await startSubjects(build, {
    folder,
    seeded,
    floorDatabase,
    pageOrigin,
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  const { service, floor } = subjects;

  let logins: Results['logins'];
  let tokens: Results['tokens'];
  let rest: Pick<Results, 'memory' | 'firstPaint'> | null = null;
  try {
    step(`logins against argon2, /healthz beside them, on ${SETTINGS.store}`);
    logins = await measureLogins(subjects);
    step('GET /api/me and refresh against their floors');
    tokens = await measureTokenRoutes(subjects);
    // On PostgreSQL the bench compares the store: memory and first paint do not depend on it.
    if (SETTINGS.store === 'sqlite') {
      step('memory under 50 connections');
      const memory = await measureMemory(subjects, idleMemory);
      step(`first paint: ${SETTINGS.pageLoads} cold loads of each page in Chromium`);
      const firstPaint = await measureFirstPaint(service.url, pagePort);
      rest = { memory, firstPaint };
    }
  } finally {
    await Promise.all([service.stop(), floor.stop()]);
  }

  let report: string;
  if (rest === null) {
    report = renderStoreReport({
      store: 'PostgreSQL',
      logins,
      tokens,
      startedAt,
      seconds: (Date.now() - startedAt.getTime()) / 1000,
      commit: describeCommit(),
    });
  } else {
    step(
      `latency at ${SETTINGS.scaleSizes.map((size) => size.toLocaleString('en')).join(', ')} customers`,
    );
    const scale = await measureScale(build, { folder, passwordHash, pageOrigin });
    report = renderReport({
      logins,
      tokens,
      ...rest,
      scale,
      startedAt,
      seconds: (Date.now() - startedAt.getTime()) / 1000,
      loadBefore,
      loadAfter: loadavg(),
      build,
      commit: describeCommit(),
      autocannonVersion: packageVersion('autocannon'),
    });
  }
  mkdirSync(dirname(SETTINGS.output), { recursive: true });
  writeFileSync(SETTINGS.output, `${report}\n`);
  console.log(report);
  step(`written to ${SETTINGS.output}`);
} finally {
  await cluster?.stop();
  rmSync(folder, { recursive: true, force: true });
}

function describeCommit(): string {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).stdout.trim();
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown';
  return git('status', '--porcelain', '--untracked-files=no')
    ? `${commit} with uncommitted changes`
    : commit;
}

function packageVersion(name: string): string {
  const manifest = join(PROJECT_ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
