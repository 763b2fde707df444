/**
 * The customer help (locales/help/) says what the product shows: every label it quotes is
 * one the widget (locales/*.xlf) or a mail (locales/mail/) shows in that language, every
 * language has the same steps as the English, and the pictures of the steps are there,
 * small, and made from the current sources (`npm run help:pictures`).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { de } from '../../locales/help/de.ts';
import { en } from '../../locales/help/en.ts';
import { fr } from '../../locales/help/fr.ts';
import type { HelpText } from '../../locales/help/help-text.ts';
import { it } from '../../locales/help/it.ts';
import { de as deMail } from '../../locales/mail/de.ts';
import { en as enMail } from '../../locales/mail/en.ts';
import { fr as frMail } from '../../locales/mail/fr.ts';
import { it as itMail } from '../../locales/mail/it.ts';
import {
  hashPictureSources,
  PICTURES_DIRECTORY,
  PICTURES_MANIFEST,
  type PicturesManifest,
} from '../../scripts/help-pictures-sources.ts';
import { LANGUAGES, type Language, LIMITS } from '../../server/contract.ts';

const HELP: Record<Language, HelpText> = { de, fr, it, en };
const MAILS = { de: deMail, fr: frMail, it: itMail, en: enMail };
const PICTURES_BUDGET_BYTES = 2_000_000;

function decode(xml: string): string {
  return xml
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

/**
 * Every text the customer can read in the widget and the mails, in `language`; a
 * placeholder (`${LIMITS.passwordMinLength}`) filled as the widget fills it.
 */
function productTexts(language: Language): Set<string> {
  // English is the sources of any of the XLIFF files.
  const own = readFileSync(`locales/${language === 'en' ? 'de' : language}.xlf`, 'utf8');
  const element = language === 'en' ? 'source' : 'target';
  const texts = new Set<string>();
  for (const match of own.matchAll(new RegExp(`<${element}>([\\s\\S]*?)</${element}>`, 'g'))) {
    texts.add(
      decode(
        (match[1] ?? '').replace(
          /<x id="\d+" equiv-text="\$\{LIMITS\.(\w+)\}"\/>/g,
          (_, limit: keyof typeof LIMITS) => String(LIMITS[limit]),
        ),
      ),
    );
  }
  for (const kind of Object.values(MAILS[language])) {
    for (const words of Object.values(kind)) texts.add(words);
  }
  return texts;
}

for (const language of LANGUAGES) {
  test(`every label the ${language.toUpperCase()} help quotes is one the portal or its mails show in ${language.toUpperCase()}`, () => {
    const texts = productTexts(language);
    const help = HELP[language];
    const paragraphs = [
      help.intro,
      ...help.sections.flatMap((section) => [
        ...section.steps.flatMap((step) => step.paragraphs),
        ...(section.note ? [section.note] : []),
      ]),
      ...help.support.paragraphs,
    ];
    const labels = paragraphs.flatMap((paragraph) =>
      paragraph.flatMap((part) =>
        typeof part === 'object' && 'label' in part ? [part.label] : [],
      ),
    );
    assert.ok(labels.length > 40, `${labels.length} labels`);
    const unknown = labels.filter((label) => !texts.has(label));
    assert.deepEqual(unknown, [], 'labels the portal does not show in this language');
  });
}

test('every language has the steps of the English help, and a description of each picture', () => {
  const steps = (help: HelpText) =>
    help.sections.map((section) => [section.id, section.steps.map((step) => step.id)]);
  for (const language of LANGUAGES) {
    assert.equal(HELP[language].language, language);
    assert.deepEqual(steps(HELP[language]), steps(en), language);
    for (const step of HELP[language].sections.flatMap((section) => section.steps)) {
      assert.ok(step.picture.length > 10, `${language} ${step.id}: the picture's description`);
    }
  }
  assert.deepEqual(
    steps(en).map(([, ids]) => ids?.length),
    [6, 4, 6],
    'A.1–A.6, B.1–B.4, C.1–C.6 as customers know them',
  );
});

test('every step has its picture in every language, all of them together under 2 MB', () => {
  let total = 0;
  for (const language of LANGUAGES) {
    for (const step of HELP.en.sections.flatMap((section) => section.steps)) {
      const file = join(PICTURES_DIRECTORY, language, `${step.id}.png`);
      assert.ok(existsSync(file), `${file} is missing: run npm run help:pictures`);
      total += statSync(file).size;
    }
  }
  assert.ok(total < PICTURES_BUDGET_BYTES, `${total} bytes of pictures`);
});

test('the pictures of the help were made from the current widget, translations, mails and pages', () => {
  const manifest = JSON.parse(readFileSync(PICTURES_MANIFEST, 'utf8')) as PicturesManifest;
  assert.equal(
    manifest.sources,
    hashPictureSources(),
    'the widget, its translations, the mails or the demo page changed since the help pictures were made: run `npm run help:pictures` and commit docs/help/',
  );
});
