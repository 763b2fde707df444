/**
 * @module `npm run build:server`: compiles the service (server/, the mail texts in
 * locales/mail/ and the help in locales/help/) to JavaScript in dist/, file for file, with
 * tsc (tsconfig.server.json), and copies the files it reads at run time beside them (the
 * portal and help pages' files, the common passwords list, the help's pictures in
 * docs/help/). `node dist/server/start.js` then needs only the `dependencies`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const OUTPUT = 'dist';

for (const folder of ['server', 'locales', 'docs']) {
  rmSync(join(OUTPUT, folder), { recursive: true, force: true });
}
const compile = spawnSync('node_modules/.bin/tsc', ['-p', 'tsconfig.server.json'], {
  stdio: 'inherit',
});
if (compile.status !== 0) process.exit(compile.status ?? 1);

const assets = readdirSync('server', { recursive: true, withFileTypes: true }).filter(
  (entry) => entry.isFile() && !entry.name.endsWith('.ts'),
);
for (const entry of assets) {
  const source = join(entry.parentPath, entry.name);
  cpSync(source, join(OUTPUT, relative('.', source)));
}
// The help's pictures (npm run help:pictures), which /help and the widget's help view show.
if (existsSync(join('docs', 'help'))) {
  cpSync(join('docs', 'help'), join(OUTPUT, 'docs', 'help'), { recursive: true });
}
console.log(`The service is built in ${OUTPUT}/server/ (${assets.length} files copied beside it).`);
