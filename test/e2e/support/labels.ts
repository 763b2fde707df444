/**
 * @module The widget's words in each language, read from the XLIFF the widget is built
 * from, so a test in German asserts exactly what a German customer reads.
 */
import { readFileSync } from 'node:fs';
import type { Language } from '../../../server/contract.ts';

const cache = new Map<Language, Map<string, string>>();

function translations(language: Language): Map<string, string> {
  let table = cache.get(language);
  if (!table) {
    table = new Map();
    if (language !== 'en') {
      const xliff = readFileSync(
        new URL(`../../../locales/${language}.xlf`, import.meta.url),
        'utf8',
      );
      for (const unit of xliff.matchAll(/<source>([^<]*)<\/source>\s*<target>([^<]*)<\/target>/g)) {
        table.set(decode(unit[1] ?? ''), decode(unit[2] ?? ''));
      }
    }
    cache.set(language, table);
  }
  return table;
}

function decode(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/** `t('Log in')` in the language: the English source itself for English. */
export function labels(language: Language): (english: string) => string {
  const table = translations(language);
  return (english) => {
    if (language === 'en') return english;
    const translated = table.get(english);
    if (translated === undefined)
      throw new Error(`no ${language} translation of "${english}" in locales/${language}.xlf`);
    return translated;
  };
}

/** The language picker's buttons are named after the language in that language. */
export const LANGUAGE_BUTTON: Readonly<Record<Language, string>> = {
  de: 'Deutsch',
  fr: 'Français',
  it: 'Italiano',
  en: 'English',
};
