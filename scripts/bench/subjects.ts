/**
 * @module Starts what the measurements load: the service under test on the seeded
 * database (or PostgreSQL), its resident memory before any request, and the Hono floor on
 * the copy taken before the service started.
 */
import { join } from 'node:path';
import { freePort } from '../../test/support/free-port.ts';
import type { BuildSnapshot } from './build.ts';
import { startHonoFloor } from './floors.ts';
import type { Subjects } from './measurements.ts';
import { readMemory } from './processes.ts';
import { type SeededDatabase, signAccessToken } from './seed.ts';
import { startService } from './service.ts';

export async function startSubjects(
  build: BuildSnapshot,
  options: {
    folder: string;
    seeded: SeededDatabase;
    /** The floor's copy of the seeded database. */
    floorDatabase: string;
    pageOrigin: string;
    /** A PostgreSQL database holding the seeded rows, for the service instead of the file. */
    databaseUrl?: string;
    /** Options for the service's node (scripts/bench/focus.ts). */
    nodeOptions?: string[];
  },
): Promise<{ subjects: Subjects; idleMemory: number }> {
  const { folder, seeded, pageOrigin } = options;
  const service = await startService(build, {
    port: await freePort(),
    unusedPort: await freePort(),
    databasePath: seeded.path,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    pageOrigin,
    logFile: join(folder, 'service.log'),
    ...(options.nodeOptions ? { nodeOptions: options.nodeOptions } : {}),
  });
  const idleMemory = readMemory(service.pid).rss;
  const floor = await startHonoFloor({
    port: await freePort(),
    databasePath: options.floorDatabase,
    issuer: service.url,
    audience: build.modules.accessTokens.AUDIENCE,
    logFile: join(folder, 'floor.log'),
  });
  return {
    idleMemory,
    subjects: {
      service,
      floor,
      origin: pageOrigin,
      seeded,
      accessToken: await signAccessToken(build.modules, seeded, service.url),
      serviceTokens: [...seeded.refreshTokens],
      floorTokens: [...seeded.refreshTokens],
    },
  };
}
