/**
 * @module The npm package of the widget as npm publishes it: `npm pack dist/npm` (built by
 * `npm run build`) into a temp folder, and the tarball unpacked into a `node_modules/`
 * there, as `npm install` would put it in a site owner's project.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROJECT = new URL('../..', import.meta.url).pathname;
export const PACKAGE_NAME = '@dealer/customer-portal';

export interface PackedWidget {
  /** The temp folder: the tarball, and `node_modules/@dealer/customer-portal/` unpacked. */
  folder: string;
  /** The tarball's file names, as `npm pack` lists them. */
  files: string[];
  /** Where the package is unpacked. */
  installed: string;
  read(file: string): string;
}

export function packWidget(): PackedWidget {
  const source = join(PROJECT, 'dist/npm');
  assert.ok(existsSync(join(source, 'package.json')), 'npm test builds the package first');
  const folder = mkdtempSync(join(tmpdir(), 'portal-package-'));
  const pack = spawnSync('npm', ['pack', source, '--pack-destination', folder, '--json'], {
    cwd: folder,
    encoding: 'utf8',
  });
  assert.equal(pack.status, 0, `npm pack failed:\n${pack.stderr}`);
  const [packed] = JSON.parse(pack.stdout) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  assert.ok(packed, `npm pack said: ${pack.stdout}`);

  const scope = join(folder, 'node_modules', '@dealer');
  mkdirSync(scope, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', join(folder, packed.filename), '-C', scope]);
  assert.equal(untar.status, 0, `tar failed: ${untar.stderr}`);
  // A tarball holds its files under package/.
  const installed = join(scope, 'customer-portal');
  renameSync(join(scope, 'package'), installed);
  return {
    folder,
    files: packed.files.map((file) => file.path).sort(),
    installed,
    read: (file) => readFileSync(join(installed, file), 'utf8'),
  };
}
