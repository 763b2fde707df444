/**
 * @module Login and refresh latency as the tables grow: for each size, a fresh database
 * with that many customers and as many sessions, and a service of its own on it; one
 * connection at a time, so the figures are latencies, not queueing. The sizes take turns,
 * a second each, so that a change in the machine's load falls on all of them alike.
 */
import { join } from 'node:path';
import { freePort } from '../../test/support/free-port.ts';
import type { BuildSnapshot } from './build.ts';
import {
  clientAddress,
  type Load,
  type LoadResult,
  type LoadSample,
  loginRequest,
  refreshRequest,
  runLoad,
  sampleLoad,
  summarize,
} from './load.ts';
import type { RunningProcess } from './processes.ts';
import { SEEDED_PASSWORD, seedDatabase } from './seed.ts';
import { startService } from './service.ts';
import { SETTINGS } from './settings.ts';

export interface ScaleRow {
  customers: number;
  login: LoadResult;
  refresh: LoadResult;
}

interface Size {
  customers: number;
  service: RunningProcess;
  login: Load;
  refresh: Load;
  samples: { login: LoadSample[]; refresh: LoadSample[] };
}

export async function measureScale(
  build: BuildSnapshot,
  options: { folder: string; passwordHash: string; pageOrigin: string },
): Promise<ScaleRow[]> {
  const sizes: Size[] = [];
  try {
    for (const customers of SETTINGS.scaleSizes) {
      sizes.push(await startSize(build, customers, options));
    }
    for (const size of sizes) {
      await runLoad(size.login, SETTINGS.warmUpSeconds);
      await runLoad(size.refresh, SETTINGS.warmUpSeconds);
    }
    for (let turn = 0; turn < SETTINGS.loadSeconds; turn++) {
      for (const size of sizes) {
        size.samples.login.push(await sampleLoad(size.login, 1));
        size.samples.refresh.push(await sampleLoad(size.refresh, 1));
      }
    }
  } finally {
    await Promise.all(sizes.map((size) => size.service.stop()));
  }
  return sizes.map((size) => ({
    customers: size.customers,
    login: summarize(size.samples.login),
    refresh: summarize(size.samples.refresh),
  }));
}

async function startSize(
  build: BuildSnapshot,
  customers: number,
  options: { folder: string; passwordHash: string; pageOrigin: string },
): Promise<Size> {
  const seeded = await seedDatabase(build.modules, join(options.folder, `scale-${customers}.db`), {
    customers,
    // A fresh session for each load: the warm-up and every turn.
    knownRefreshTokens: 1 + SETTINGS.loadSeconds,
    passwordHash: options.passwordHash,
  });
  const service = await startService(build, {
    port: await freePort(),
    unusedPort: await freePort(),
    databasePath: seeded.path,
    pageOrigin: options.pageOrigin,
    logFile: join(options.folder, `scale-${customers}.log`),
  });
  const unusedTokens = [...seeded.refreshTokens];
  return {
    customers,
    service,
    login: {
      url: service.url,
      connections: 1,
      requestFor: (index) =>
        loginRequest(
          options.pageOrigin,
          seeded.customerNumbers,
          SEEDED_PASSWORD,
          clientAddress(index),
        ),
    },
    refresh: {
      url: service.url,
      connections: 1,
      requestFor: () => refreshRequest('/api/session/refresh', options.pageOrigin, unusedTokens),
    },
    samples: { login: [], refresh: [] },
  };
}
