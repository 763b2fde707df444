/**
 * @module What the help's pictures (docs/help/, `npm run help:pictures`) are made from,
 * and its hash, recorded in docs/help/pictures.json when they are made. A test compares
 * the recorded hash with the sources' current one: a change to the widget, its
 * translations, the mails or the demo page means the pictures may show the past. (Pixels
 * differ between machines and fonts; the sources do not.)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const PICTURES_DIRECTORY = 'docs/help';
export const PICTURES_MANIFEST = join(PICTURES_DIRECTORY, 'pictures.json');

/** What a picture shows: the widget and its words, the mails, the pages around it, and how they are taken. */
const SOURCES = [
  'widget',
  'locales/de.xlf',
  'locales/fr.xlf',
  'locales/it.xlf',
  'locales/mail',
  'server/mail/templates.ts',
  'server/pages/portal.html',
  'server/pages/portal.css',
  'demo',
  'scripts/help-pictures.ts',
];
/** Made from the sources above by the build: no news in them. */
const GENERATED = 'widget/generated';

export interface PicturesManifest {
  /** SHA-256 of the sources when the pictures were made. */
  sources: string;
  /** Each picture, "de/a-3.png", with its size in bytes. */
  pictures: Record<string, number>;
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative('.', join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(GENERATED));
}

/** The hash of every source file's path and content, in a stable order; run from the project root. */
export function hashPictureSources(): string {
  const hash = createHash('sha256');
  const files = SOURCES.flatMap(filesUnder).sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}
