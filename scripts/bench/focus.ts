/**
 * @module A quick look at one part of the bench while working on it, not a report: the
 * same service, floors and loads as `npm run bench`, repeated in rounds so the noise of
 * a shared machine shows, printed as ratios to the floor of the same round. Measures the
 * production build as it is (run `npm run build` first).
 *
 *   tsx scripts/bench/focus.ts tokens|cpu|logins|memory [ROUNDS]
 *
 * `tokens`: /api/config, /api/me and refresh beside their floors; `cpu`: the same, as
 * the CPU time of each answer, floor's over service's (steadier on a busy machine);
 * `logins`: logins beside argon2 verifies at 1, 8 and 32 connections; `memory`: RSS under
 * the 50-connection mix;
 * `config`, `me`, `refresh`, `login`: that route of the service alone, no floor, on
 * `FOCUS_CONNECTIONS` connections (default 8), for a profile.
 * `FOCUS_NODE_OPTIONS` passes options to the service's node, such as
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/support/free-port.ts';
import { snapshotBuild } from './build.ts';
import {
  bearerRequest,
  clientAddress,
  type Load,
  loginRequest,
  refreshRequest,
  runLoad,
} from './load.ts';
import { measureLogins, measureMemory, measureTokenRoutes, type Subjects } from './measurements.ts';
import { SEEDED_PASSWORD, seedDatabase } from './seed.ts';
import { SETTINGS } from './settings.ts';
import { startSubjects } from './subjects.ts';

const ONE_ROUTE = {
  config: (): Load['requestFor'] => () => ({ method: 'GET', path: '/api/config' }),
  me:
    (subjects: Subjects): Load['requestFor'] =>
    () =>
      bearerRequest('/api/me', subjects.accessToken),
  refresh:
    (subjects: Subjects): Load['requestFor'] =>
    () =>
      refreshRequest('/api/session/refresh', subjects.origin, subjects.serviceTokens),
  login:
    (subjects: Subjects): Load['requestFor'] =>
    (index) =>
      loginRequest(
        subjects.origin,
        subjects.seeded.customerNumbers,
        SEEDED_PASSWORD,
        clientAddress(index),
      ),
};

/** CPU time of a process's main thread and of its other threads, in clock ticks. */
function threadTimes(pid: number): Map<string, number> {
  const times = new Map<string, number>();
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
    const name = task === String(pid) ? 'main thread' : 'other threads';
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    times.set(name, (times.get(name) ?? 0) + Number(fields[11]) + Number(fields[12]));
  }
  return times;
}

const part = process.argv[2] ?? 'tokens';
const rounds = Number(process.argv[3] ?? 3);
const folder = mkdtempSync(join(tmpdir(), 'portal-focus-'));
const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)} %`;

try {
  const build = await snapshotBuild(join(folder, 'build'));
  const passwordHash = await build.modules.passwords.hashPassword(SEEDED_PASSWORD);
  const pageOrigin = `http://localhost:${await freePort()}`;
  const seeded = await seedDatabase(build.modules, join(folder, 'main.db'), {
    customers: SETTINGS.customers,
    knownRefreshTokens: 64 * rounds,
    passwordHash,
  });
  const floorDatabase = join(folder, 'floor.db');
  copyFileSync(seeded.path, floorDatabase);
  const { subjects, idleMemory: idle } = await startSubjects(build, {
    folder,
    seeded,
    floorDatabase,
    pageOrigin,
    nodeOptions: (process.env.FOCUS_NODE_OPTIONS ?? '').split(' ').filter(Boolean),
  });
  const { service, floor } = subjects;
  try {
    for (let round = 1; round <= rounds; round++) {
      if (part === 'tokens') {
        const t = await measureTokenRoutes(subjects);
        console.log(
          `round ${round}: bare ${t.bare.perSecond.toFixed(0)}/s, config ${t.config.perSecond.toFixed(0)}/s (${percent(t.config.perSecond, t.bare.perSecond)} of bare), ` +
            `me ${t.me.perSecond.toFixed(0)}/s of floor ${t.meFloor.perSecond.toFixed(0)}/s (${percent(t.me.perSecond, t.meFloor.perSecond)}), ` +
            `refresh ${t.refresh.perSecond.toFixed(0)}/s of floor ${t.refreshFloor.perSecond.toFixed(0)}/s (${percent(t.refresh.perSecond, t.refreshFloor.perSecond)}); ` +
            `failed ${t.me.failed + t.refresh.failed + t.config.failed}`,
        );
      } else if (part === 'cpu') {
        // CPU time per answer, all threads: steadier than answers a second on a busy machine.
        const { origin, accessToken } = subjects;
        const cpu = async (pid: number, url: string, requestFor: Load['requestFor']) => {
          const load = { url, connections: SETTINGS.tokenConnections, requestFor };
          await runLoad(load, SETTINGS.warmUpSeconds);
          const before = threadTimes(pid);
          const result = await runLoad(load, SETTINGS.loadSeconds);
          const after = threadTimes(pid);
          let ticks = 0;
          for (const [name, value] of after) ticks += value - (before.get(name) ?? 0);
          return (ticks * 10) / (result.perSecond * SETTINGS.loadSeconds);
        };
        const bare = await cpu(floor.pid, floor.url, () => ({ method: 'GET', path: '/bare' }));
        const config = await cpu(service.pid, service.url, () => ({
          method: 'GET',
          path: '/api/config',
        }));
        const meFloor = await cpu(floor.pid, floor.url, () => bearerRequest('/me', accessToken));
        const me = await cpu(service.pid, service.url, () => bearerRequest('/api/me', accessToken));
        const refreshFloor = await cpu(floor.pid, floor.url, () =>
          refreshRequest('/refresh', origin, subjects.floorTokens),
        );
        const refresh = await cpu(service.pid, service.url, () =>
          refreshRequest('/api/session/refresh', origin, subjects.serviceTokens),
        );
        console.log(
          `round ${round}: CPU ms per answer: bare ${bare.toFixed(3)}, config ${config.toFixed(3)} (bare/config ${percent(bare, config)}); ` +
            `me ${me.toFixed(3)} vs floor ${meFloor.toFixed(3)} (${percent(meFloor, me)}); ` +
            `refresh ${refresh.toFixed(3)} vs floor ${refreshFloor.toFixed(3)} (${percent(refreshFloor, refresh)})`,
        );
      } else if (part === 'logins') {
        const l = await measureLogins(subjects);
        console.log(
          `round ${round}: ${l.rows
            .map(
              (row) =>
                `${row.connections} conn ${row.service.perSecond.toFixed(1)}/s of ${row.floor.perSecond.toFixed(1)}/s (${percent(row.service.perSecond, row.floor.perSecond)}, p50 ${row.service.p50.toFixed(0)} vs ${row.floor.p50.toFixed(0)} ms, failed ${row.service.failed})`,
            )
            .join('; ')}; healthz p99 ${l.healthDuringLogins.p99?.toFixed(1)} ms`,
        );
      } else if (part === 'memory') {
        const m = await measureMemory(subjects, idle);
        console.log(
          `round ${round}: idle ${idle.toFixed(0)} MiB, end ${m.underLoad.toFixed(0)}, peak ${m.peakDuringLoad.toFixed(0)}, VmHWM ${m.peakSinceStart.toFixed(0)} MiB, failed ${m.failed}`,
        );
      } else if (part in ONE_ROUTE) {
        // One route of the service alone, for a profile of it (FOCUS_NODE_OPTIONS).
        const load = {
          url: service.url,
          connections: Number(process.env.FOCUS_CONNECTIONS ?? SETTINGS.tokenConnections),
          requestFor: ONE_ROUTE[part as keyof typeof ONE_ROUTE](subjects),
        };
        await runLoad(load, SETTINGS.warmUpSeconds);
        const before = threadTimes(service.pid);
        const result = await runLoad(load, SETTINGS.loadSeconds);
        const after = threadTimes(service.pid);
        const answers = result.perSecond * SETTINGS.loadSeconds;
        const perAnswer = (name: string) =>
          (((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 10) / answers;
        console.log(
          `  CPU ms per answer: ${[...after.keys()].map((name) => `${name} ${perAnswer(name).toFixed(2)}`).join(', ')}`,
        );
        console.log(
          `round ${round}: ${part} ${result.perSecond.toFixed(0)}/s, p50 ${result.p50.toFixed(2)} ms, failed ${result.failed}`,
        );
      } else {
        throw new Error(`no part "${part}": tokens, logins, memory, config, me or refresh`);
      }
    }
  } finally {
    await Promise.all([service.stop(), floor.stop()]);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
