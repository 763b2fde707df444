/**
 * @module After `lit-localize build`: splits each translation (widget/generated/locales/
 * de.js, fr.js, it.js) in two, so the first paint loads only what it shows.
 * `<language>-first-paint.js` holds the texts of the modules the element imports
 * statically (the shell and the login); `<language>-later.js` the rest (the other screens,
 * the error sentences), which widget/localization.ts loads after the first paint.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { extractMessagesFromProgram } from '@lit/localize-tools/lib/program-analysis.js';

/** The element's module: what it imports statically is what the first paint loads. */
const ENTRY = resolve('widget/customer-portal.ts');

/**
 * The widget's modules the entry loads before its first paint: its static imports, and
 * theirs. `import type` loads nothing; a dynamic `import()` loads later.
 */
function firstPaintModules(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(
    /^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?'(\.[^']+\.ts)'/gm,
  )) {
    if (specifier) firstPaintModules(resolve(dirname(file), specifier), seen);
  }
  return seen;
}

const config = readConfigFileAndWriteSchema('lit-localize.json');
if (config.output.mode !== 'runtime') throw new Error('lit-localize.json: expected runtime mode');
/** lit-localize's own TypeScript program of the widget (protected in its class). */
class WidgetLocalizer extends RuntimeLitLocalizer {
  get widgetProgram() {
    return this.program;
  }
}
const localizer = new WidgetLocalizer({ ...config, output: config.output });
const firstPaint = firstPaintModules(ENTRY);
// File by file: lit-localize lists a text used in several modules once, under one of them
// ("Help" is in the footer and the help view), and the first paint needs it wherever it is.
const program = localizer.widgetProgram;
const firstPaintIds = new Set(
  program
    .getSourceFiles()
    .filter((file) => firstPaint.has(resolve(file.fileName)))
    .flatMap(
      (file) =>
        // The same program, seen as holding only this file.
        extractMessagesFromProgram(
          Object.assign(Object.create(program), { getSourceFiles: () => [file] }),
        ).messages,
    )
    .map((message) => message.name),
);

const outputDir = config.resolve(config.output.outputDir);
for (const language of config.targetLocales) {
  const file = join(outputDir, `${language}.js`);
  // lit-localize writes a header, then one `'id': text,` entry per line (a text may span
  // lines), then the closing brace.
  const [header, body = '', footer] = readFileSync(file, 'utf8').split(
    /(?<=export const templates = \{)|(?=\n\s*\};\s*$)/,
  );
  const entries = body.split(/\n(?=\s*'s[0-9a-f]+': )/).filter((entry) => entry.trim());
  const isFirstPaint = (entry: string) =>
    firstPaintIds.has(/'(s[0-9a-f]+)'/.exec(entry)?.[1] ?? '');
  const write = (part: string, selected: string[]) =>
    writeFileSync(
      join(outputDir, `${language}-${part}.js`),
      [header, ...selected, footer].join('\n'),
    );
  write('first-paint', entries.filter(isFirstPaint));
  write(
    'later',
    entries.filter((entry) => !isFirstPaint(entry)),
  );
  rmSync(file);
}
console.log(
  `Translations split: ${firstPaintIds.size} texts for the first paint (${[...firstPaint].length} modules), the rest later.`,
);
