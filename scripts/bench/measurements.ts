/**
 * @module The measurements against the main database: logins beside raw argon2 verifies,
 * /healthz beside a login burst, GET /api/me and refresh beside their floors, and memory
 * under 50 connections. Each service figure is taken right after its floor's, so that a
 * change in the machine's load falls on both.
 */
import { measureArgon2Floor, type VerifyFloor } from './floors.ts';
import { type HealthProbe, probeHealth } from './health-probe.ts';
import {
  bearerRequest,
  clientAddress,
  type Load,
  type LoadResult,
  loginRequest,
  measureLoad,
  refreshRequest,
  runLoad,
} from './load.ts';
import { type RunningProcess, readMemory, waitForQuiet } from './processes.ts';
import { SEEDED_PASSWORD, type SeededDatabase } from './seed.ts';
import { SETTINGS } from './settings.ts';

export interface Subjects {
  service: RunningProcess;
  floor: RunningProcess;
  /** The page origin the service allows. */
  origin: string;
  seeded: SeededDatabase;
  /** An access token of the first seeded session. */
  accessToken: string;
  /** Refresh tokens of sessions no load has used yet, in the service's database… */
  serviceTokens: string[];
  /** …and in the floor's copy. */
  floorTokens: string[];
}

export type HealthFigures = Awaited<ReturnType<HealthProbe['stop']>>;

export interface Logins {
  rows: Array<{ connections: number; service: LoadResult; floor: VerifyFloor }>;
  healthIdle: HealthFigures;
  /** /healthz while the largest login load runs. */
  healthDuringLogins: HealthFigures;
}

export async function measureLogins(subjects: Subjects): Promise<Logins> {
  const { service, seeded } = subjects;
  const idleProbe = probeHealth(service.url, SETTINGS.healthProbesPerSecond);
  await sleep(SETTINGS.loadSeconds * 1000);
  const healthIdle = await idleProbe.stop();

  const rows: Logins['rows'] = [];
  let healthDuringLogins: HealthFigures | undefined;
  for (const connections of SETTINGS.loginConnections) {
    await settle(subjects);
    const floor = await measureArgon2Floor(seeded.passwordHash, SEEDED_PASSWORD, connections);
    const load: Load = {
      url: service.url,
      connections,
      requestFor: (index) =>
        loginRequest(
          subjects.origin,
          seeded.customerNumbers,
          SEEDED_PASSWORD,
          clientAddress(index),
        ),
    };
    await runLoad(load, SETTINGS.warmUpSeconds);
    await settle(subjects);
    const largest = connections === Math.max(...SETTINGS.loginConnections);
    const probe = largest ? probeHealth(service.url, SETTINGS.healthProbesPerSecond) : null;
    rows.push({ connections, service: await runLoad(load, SETTINGS.loadSeconds), floor });
    if (probe) healthDuringLogins = await probe.stop();
  }
  if (!healthDuringLogins) throw new Error('no login load ran');
  return { rows, healthIdle, healthDuringLogins };
}

export interface TokenRoutes {
  /** The floor process's constant JSON answer. */
  bare: LoadResult;
  /** The service's cheapest API answer, GET /api/config: its middleware and a JSON body. */
  config: LoadResult;
  meFloor: LoadResult;
  me: LoadResult;
  refreshFloor: LoadResult;
  refresh: LoadResult;
}

export async function measureTokenRoutes(subjects: Subjects): Promise<TokenRoutes> {
  const { service, floor, origin, accessToken } = subjects;
  const measure = async (url: string, requestFor: Load['requestFor']) => {
    await settle(subjects);
    return measureLoad({ url, connections: SETTINGS.tokenConnections, requestFor });
  };
  return {
    bare: await measure(floor.url, () => ({ method: 'GET', path: '/bare' })),
    config: await measure(service.url, () => ({ method: 'GET', path: '/api/config' })),
    meFloor: await measure(floor.url, () => bearerRequest('/me', accessToken)),
    me: await measure(service.url, () => bearerRequest('/api/me', accessToken)),
    refreshFloor: await measure(floor.url, () =>
      refreshRequest('/refresh', origin, subjects.floorTokens),
    ),
    refresh: await measure(service.url, () =>
      refreshRequest('/api/session/refresh', origin, subjects.serviceTokens),
    ),
  };
}

export interface Memory {
  /** MiB right after the start, before any request. */
  idle: number;
  /** MiB at the end of the 50-connection load (the last sample in it). */
  underLoad: number;
  /** The highest of the samples taken every 100 ms during that load. */
  peakDuringLoad: number;
  /** The kernel's high-water mark since the start (VmHWM), all earlier loads included. */
  peakSinceStart: number;
  connections: number;
  failed: number;
}

/**
 * 50 connections at once, mixed as a busy morning might be: logins, /api/me and refreshes
 * (each refreshing connection on a session of its own, unused by the earlier loads).
 */
export async function measureMemory(subjects: Subjects, idle: number): Promise<Memory> {
  const { service, origin, seeded } = subjects;
  const mix = SETTINGS.memoryConnections;
  await settle(subjects);
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(readMemory(service.pid).rss), 100);
  const results = await Promise.all([
    runLoad(
      {
        url: service.url,
        connections: mix.login,
        requestFor: (index) =>
          loginRequest(origin, seeded.customerNumbers, SEEDED_PASSWORD, clientAddress(index)),
      },
      SETTINGS.loadSeconds,
    ),
    runLoad(
      {
        url: service.url,
        connections: mix.me,
        requestFor: () => bearerRequest('/api/me', subjects.accessToken),
      },
      SETTINGS.loadSeconds,
    ),
    runLoad(
      {
        url: service.url,
        connections: mix.refresh,
        requestFor: () => refreshRequest('/api/session/refresh', origin, subjects.serviceTokens),
      },
      SETTINGS.loadSeconds,
    ),
  ]);
  clearInterval(sampler);
  return {
    idle,
    underLoad: samples.at(-1) ?? Number.NaN,
    peakDuringLoad: Math.max(...samples),
    peakSinceStart: readMemory(service.pid).peak,
    connections: mix.login + mix.me + mix.refresh,
    failed: results.reduce((sum, result) => sum + result.failed, 0),
  };
}

/** Waits until the work an earlier load left behind is done, in the service and the floor. */
function settle(subjects: Subjects): Promise<unknown> {
  return Promise.all([waitForQuiet(subjects.service.pid), waitForQuiet(subjects.floor.pid)]);
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
