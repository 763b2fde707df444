/**
 * @module The code under test: a copy of the production build (`npm run build`), so that
 * a build someone starts meanwhile (`npm test` builds) cannot change it midway. The bench
 * also seeds its databases and signs its tokens with this copy's modules, so the schema
 * and the keys are the ones the service under test knows, even when the sources have
 * moved on since the build.
 */
import { cpSync, existsSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from './settings.ts';

export interface BuildSnapshot {
  /** A folder holding a copy of dist/, package.json and a link to node_modules. */
  root: string;
  builtAt: Date;
  /** Sources changed since the build: the figures are then those of the older code. */
  newerSources: string[];
  /** The build's own modules, typed as their sources. */
  modules: BuildModules;
}

export interface BuildModules {
  database: typeof import('../../server/store/database.ts');
  accessTokens: typeof import('../../server/auth/access-tokens.ts');
  randomTokens: typeof import('../../server/auth/random-tokens.ts');
  passwords: typeof import('../../server/auth/passwords.ts');
  config: typeof import('../../server/config.ts');
}

export async function snapshotBuild(folder: string): Promise<BuildSnapshot> {
  const entry = join(PROJECT_ROOT, 'dist/server/start.js');
  if (!existsSync(entry) || !existsSync(join(PROJECT_ROOT, 'dist/widget/customer-portal.js'))) {
    throw new Error('the production build is missing: run npm run build first');
  }
  cpSync(join(PROJECT_ROOT, 'dist'), join(folder, 'dist'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'package.json'), join(folder, 'package.json'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(folder, 'node_modules'), 'dir');
  const builtAt = statSync(entry).mtime;
  const load = (path: string) => import(pathToFileURL(join(folder, 'dist/server', path)).href);
  return {
    root: folder,
    builtAt,
    newerSources: sourcesNewerThan(builtAt.getTime()),
    modules: {
      database: await load('store/database.js'),
      accessTokens: await load('auth/access-tokens.js'),
      randomTokens: await load('auth/random-tokens.js'),
      passwords: await load('auth/passwords.js'),
      config: await load('config.js'),
    },
  };
}

function sourcesNewerThan(time: number): string[] {
  return ['server', 'widget'].flatMap((folder) =>
    readdirSync(join(PROJECT_ROOT, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.parentPath.includes('generated'))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => statSync(file).mtimeMs > time)
      .map((file) => relative(PROJECT_ROOT, file)),
  );
}
