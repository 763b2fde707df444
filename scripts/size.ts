/**
 * @module The widget's weight budget: what a customer's browser downloads before the
 * portal's first paint — the entry module, every chunk it imports, and one translation
 * (the heaviest) — brotli-compressed, must stay at or under 20 KB. Prints the figure;
 * exits 1 above the budget. Run after `npm run build`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const DIRECTORY = 'dist/widget';
const ENTRY = 'customer-portal.js';
const BUDGET_BYTES = 20_000;
const LANGUAGE_CHUNK = /^(de|fr|it)-[\w-]+\.js$/;

function brotliSize(file: string): number {
  const source = readFileSync(join(DIRECTORY, file));
  return brotliCompressSync(source, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  }).length;
}

/** The entry and every chunk reachable from it by static import. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(DIRECTORY, file), 'utf8');
  for (const match of code.matchAll(
    /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']\.\/([^"']+)["']/g,
  )) {
    if (match[1]) staticGraph(match[1], seen);
  }
  return seen;
}

if (!existsSync(join(DIRECTORY, ENTRY))) {
  console.error(`${DIRECTORY}/${ENTRY} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const loaded = [...staticGraph(ENTRY)];
const languages = readdirSync(DIRECTORY).filter((file) => LANGUAGE_CHUNK.test(file));
if (languages.length !== 3) {
  console.error(
    `expected a chunk each for de, fr and it in ${DIRECTORY}, found: ${languages.join(', ')}`,
  );
  process.exit(1);
}
const heaviestLanguage = languages.reduce((heaviest, file) =>
  brotliSize(file) > brotliSize(heaviest) ? file : heaviest,
);
const parts = [...loaded, heaviestLanguage];
const total = parts.reduce((sum, file) => sum + brotliSize(file), 0);

for (const file of parts)
  console.log(`  ${file.padEnd(36)} ${brotliSize(file).toLocaleString('en')} B`);
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(
  `widget: ${(total / 1000).toFixed(1)} kB brotli (entry + chunks + one language), ${verdict} the budget of ${BUDGET_BYTES / 1000} kB`,
);
if (total > BUDGET_BYTES) process.exit(1);
