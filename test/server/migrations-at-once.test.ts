/**
 * Several instances on one SQLite file start at once (README, several instances): each
 * opens the new file and migrates it, and none applies a migration the other has just
 * applied (which failed with "duplicate column name" before each migration read the
 * version inside its own write transaction).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openSqliteFile } from '../../server/store/database.ts';
import { MIGRATIONS } from '../../server/store/migrations.ts';

const folder = mkdtempSync(join(tmpdir(), 'portal-migrations-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const DATABASE_MODULE = new URL('../../server/store/database.ts', import.meta.url).href;

/** A process that loads the store, then opens `file` (migrating it) at the moment `at`. */
function opener(file: string, at: number): Promise<{ code: number | null; output: string }> {
  const script = `
    const { openSqliteFile } = await import(${JSON.stringify(DATABASE_MODULE)});
    while (Date.now() < ${at}) {} // every process starts its migration in the same millisecond
    openSqliteFile(${JSON.stringify(file)}).close();`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

test('four services opening one new SQLite file at once all start, and it is migrated once', async () => {
  for (let round = 0; round < 3; round += 1) {
    const file = join(folder, `portal-${round}.db`);
    const at = Date.now() + 3000;
    const results = await Promise.all([1, 2, 3, 4].map(() => opener(file, at)));
    for (const result of results) assert.equal(result.code, 0, result.output);
    const db = openSqliteFile(file);
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
    db.close();
  }
});
