/**
 * @module A throwaway PostgreSQL cluster for the tests: `initdb` into a temp folder, then
 * `pg_ctl start` on 127.0.0.1 and a free port, its socket in that folder too; no system
 * service. Run as root (CI), the cluster belongs to the `postgres` user, as PostgreSQL
 * refuses to run as root. fsync is off: the data is thrown away at the end anyway.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

export interface PostgresCluster {
  /** A superuser's URL for the `postgres` database: tests create their own beside it. */
  url: string;
  stop(): Promise<void>;
}

/** The newest installed PostgreSQL's programs (Debian: /usr/lib/postgresql/N/bin). */
export function findPostgresPrograms(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export async function startPostgres(): Promise<PostgresCluster> {
  const programs = findPostgresPrograms();
  if (!programs) {
    throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run does)');
  }
  const folder = mkdtempSync(join(tmpdir(), 'portal-postgres-'));
  const data = join(folder, 'data');
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const owner = await run('id', ['-u', 'postgres']);
    const group = await run('id', ['-g', 'postgres']);
    chownSync(folder, Number(owner.stdout), Number(group.stdout));
  }
  // As root, every program runs as the postgres user, which owns the folder.
  const pg = (program: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(programs, program), ...args])
      : run(join(programs, program), args);
  await pg('initdb', ['-D', data, '-U', 'portal', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${folder}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=400',
  ].join(' ');
  await pg('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'server.log'), '-w', 'start']);
  return {
    url: `postgres://portal@127.0.0.1:${port}/postgres`,
    async stop() {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
