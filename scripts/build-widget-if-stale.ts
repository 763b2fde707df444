/**
 * @module Before `npm start`: builds the widget when it is missing or older than one of
 * its sources or translations, e.g. after a `git pull`, so a newcomer never sees an old one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WIDGET_ENTRY } from '../server/project-paths.ts';

function widgetNeedsBuild(): boolean {
  if (!existsSync(WIDGET_ENTRY)) return true;
  const built = statSync(WIDGET_ENTRY).mtimeMs;
  const folders: Array<[string, RegExp]> = [
    ['widget', /\.ts$/],
    ['locales', /\.xlf$/],
  ];
  const sources = folders.flatMap(([folder, pattern]) =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && pattern.test(entry.name))
      .filter((entry) => !entry.parentPath.includes('generated'))
      .map((entry) => join(entry.parentPath, entry.name)),
  );
  return sources.some((file) => statSync(file).mtimeMs > built);
}

if (widgetNeedsBuild()) {
  console.log('Building the widget…');
  const build = spawnSync('npm', ['run', '--silent', 'build:widget'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('error: the widget did not build; see the output above');
    process.exit(1);
  }
}
