/**
 * @module Where the project's files are, the same whether the service runs from its
 * sources (`server/`, through tsx) or from the build (`dist/server/`): found from the
 * folder that holds package.json, not from this file's depth.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('package.json not found above the service');
    folder = parent;
  }
  return folder;
}

export const PROJECT_ROOT = findProjectRoot();
/** The version package.json names: the one /api/config answers and the npm package carries. */
export const PROJECT_VERSION: string = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'),
).version;
/** The built widget (`npm run build`), served under /widget/. */
export const WIDGET_DIRECTORY = join(PROJECT_ROOT, 'dist', 'widget');
export const WIDGET_ENTRY = join(WIDGET_DIRECTORY, 'customer-portal.js');
/** The demo WAPP page; development only, and absent from a production image. */
export const DEMO_DIRECTORY = join(PROJECT_ROOT, 'demo');
