/**
 * The customer help at /help: in the reader's language, in all four, with sections A, B
 * and C and every step, the support address of the configuration, the language links,
 * the ☰ contents menu, the print button, each step's picture, and the pages' strict CSP.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { de } from '../../locales/help/de.ts';
import { en } from '../../locales/help/en.ts';
import { fr } from '../../locales/help/fr.ts';
import { type HelpText, stepNumber } from '../../locales/help/help-text.ts';
import { it } from '../../locales/help/it.ts';
import { LANGUAGES } from '../../server/contract.ts';
import { renderHelpPage } from '../../server/pages/help-page.ts';
import { useService } from '../support/service.ts';

const SUPPORT = 'hilfe@autohaus-beispiel.ch';
const WAPP = 'https://www.wapp.example/autohaus-kunden.html';
const service = useService({ env: { SUPPORT_EMAIL: SUPPORT, PORTAL_WAPP_URL: WAPP } });
const HELP: Record<string, HelpText> = { de, fr, it, en };

/** Undoes escapeHtml, so the page's text compares with the help's. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

test('/help opens in the language the browser asks for, and in English otherwise', async () => {
  for (const [accept, language] of [
    ['fr-CH,fr;q=0.9,en;q=0.8', 'fr'],
    ['nl-BE,nl;q=0.9,de;q=0.5,it;q=0.7', 'it'],
    ['de', 'de'],
    ['ja', 'en'],
    ['', 'en'],
  ] as const) {
    const answer = await fetch(`${service.url}/help`, {
      headers: { 'Accept-Language': accept },
      redirect: 'manual',
    });
    assert.equal(answer.status, 302, accept);
    assert.equal(answer.headers.get('Location'), `/help/${language}`, accept);
    assert.equal(answer.headers.get('Vary'), 'Accept-Language');
  }
});

test('/help/ and /help/fr/, as a customer may type them, lead to the help', async () => {
  for (const [path, target] of [
    ['/help/', '/help'],
    ['/help/fr/', '/help/fr'],
  ] as const) {
    const answer = await fetch(`${service.url}${path}`, { redirect: 'manual' });
    assert.equal(answer.status, 301, path);
    assert.equal(new URL(answer.headers.get('Location') ?? '', service.url).pathname, target, path);
  }
  const followed = await fetch(`${service.url}/help/fr/`);
  assert.equal(followed.status, 200);
  assert.match(await followed.text(), /<html lang="fr"/);
});

for (const language of LANGUAGES) {
  test(`/help/${language} holds sections A, B and C with every step, in ${language.toUpperCase()}`, async () => {
    const help = HELP[language];
    assert.ok(help);
    const answer = await fetch(`${service.url}/help/${language}`);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('Content-Type') ?? '', /^text\/html/);
    const html = await answer.text();
    const page = text(html);
    assert.match(html, new RegExp(`<html lang="${language}">`));
    assert.ok(page.includes(help.title), 'the title');
    for (const section of help.sections) {
      assert.match(html, new RegExp(`<section class="part" id="${section.id}"`));
      assert.ok(page.includes(`${section.id.toUpperCase()}. ${section.title}`), section.title);
      for (const step of section.steps) {
        assert.match(html, new RegExp(`<li class="step" id="${step.id}">`), step.id);
        assert.ok(page.includes(stepNumber(step.id)), stepNumber(step.id));
        for (const paragraph of step.paragraphs) {
          for (const part of paragraph) {
            const words = typeof part === 'string' ? part : 'label' in part ? part.label : null;
            if (words) assert.ok(page.includes(words), `${step.id}: ${words}`);
          }
        }
      }
    }
    assert.ok(page.includes(help.support.title), 'the support paragraph');
    assert.ok(
      html.includes(`<a href="mailto:${SUPPORT}">${SUPPORT}</a>`),
      'the support address of the configuration',
    );
    assert.ok(!page.includes('support@dealer.example'), 'no other address');
  });

  test(`/help/${language} has the language links, the contents menu and the print button`, async () => {
    const help = HELP[language];
    assert.ok(help);
    const html = await (await fetch(`${service.url}/help/${language}`)).text();
    for (const other of LANGUAGES) {
      const link = new RegExp(
        `<a href="/help/${other}" lang="${other}"[^>]*>${other.toUpperCase()}</a>`,
      );
      assert.match(html, link, `the link to ${other.toUpperCase()}`);
    }
    assert.match(html, new RegExp(`href="/help/${language}"[^>]*aria-current="page"`));
    // The menu is a <details>: it opens without JavaScript.
    const menu = /<details class="contents">([\s\S]*?)<\/details>/.exec(html)?.[1] ?? '';
    assert.ok(menu.includes(`☰</span> ${help.page.contents}</summary>`), 'the ☰ menu');
    for (const target of ['#a', '#b', '#c', '#support']) {
      assert.ok(menu.includes(`href="${target}"`), `the menu leads to ${target}`);
    }
    assert.match(html, /<button class="print" type="button" hidden>/);
    assert.match(html, /<script type="module" src="\/help\/help-print.js"><\/script>/);
  });
}

test('the help pages keep the strict CSP of the portal page: no inline script or style', async () => {
  const answer = await fetch(`${service.url}/help/de`);
  const policy = answer.headers.get('Content-Security-Policy') ?? '';
  assert.match(policy, /script-src 'self'(;|$)/);
  assert.match(policy, /style-src 'self'(;|$)/);
  assert.ok(!policy.includes('unsafe-inline'), policy);
  assert.equal(answer.headers.get('X-Content-Type-Options'), 'nosniff');
  const html = await answer.text();
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /<style|\sstyle=/, 'no inline style');

  const script = await fetch(`${service.url}/help/help-print.js`);
  assert.match(script.headers.get('Content-Type') ?? '', /javascript/);
  assert.ok((await script.text()).includes('window.print()'));
  const styles = await fetch(`${service.url}/help/help.css`);
  assert.match(styles.headers.get('Content-Type') ?? '', /text\/css/);
  assert.match(await styles.text(), /@media print/);
});

test('each step shows its picture, described in the language, and the picture answers', async () => {
  for (const language of LANGUAGES) {
    const help = HELP[language];
    assert.ok(help);
    const html = await (await fetch(`${service.url}/help/${language}`)).text();
    for (const step of help.sections.flatMap((section) => section.steps)) {
      const image = new RegExp(
        `<img src="(/help/pictures/${language}/${step.id}\\.png)"[^>]*>`,
      ).exec(html);
      assert.ok(image?.[1], `${language} ${step.id} has a picture (npm run help:pictures)`);
      assert.ok(image[0].includes(`loading="lazy"`));
      assert.ok(text(image[0].replace(/.*alt="([^"]*)".*/, '$1')) === step.picture, 'its alt');
    }
  }
  const picture = await fetch(`${service.url}/help/pictures/de/a-3.png`);
  assert.equal(picture.status, 200);
  assert.equal(picture.headers.get('Content-Type'), 'image/png');
  assert.equal(picture.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin');
  assert.equal((await fetch(`${service.url}/help/pictures/de/../../../package.json`)).status, 404);
  assert.equal((await fetch(`${service.url}/help/xx`)).status, 404);
});

test('a browser that has the help page, the portal page or a picture gets a 304, not the file again', async () => {
  for (const path of [
    '/help/de',
    '/help/pictures/de/a-3.png',
    '/help/help.css',
    '/',
    '/portal.css',
  ]) {
    const first = await fetch(`${service.url}${path}`);
    assert.equal(first.status, 200, path);
    assert.equal(first.headers.get('Cache-Control'), 'no-cache', path);
    const validator = first.headers.get('ETag');
    assert.ok(validator, `${path} has an ETag`);
    const again = await fetch(`${service.url}${path}`, { headers: { 'If-None-Match': validator } });
    assert.equal(again.status, 304, path);
    assert.equal(await again.text(), '', path);
    assert.equal(again.headers.get('Cache-Control'), 'no-cache', path);
  }
  // The widget's help view shows the pictures on the site owner's page, another site.
  const picture = `${service.url}/help/pictures/de/a-3.png`;
  const validator = (await fetch(picture)).headers.get('ETag') ?? '';
  const again = await fetch(picture, { headers: { 'If-None-Match': validator } });
  assert.equal(again.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin');
});

test("B.1 links the dealer's WAPP page (PORTAL_WAPP_URL) in every language, and reads whole without one", async () => {
  for (const language of LANGUAGES) {
    const html = await (await fetch(`${service.url}/help/${language}`)).text();
    const b1 = /<li class="step" id="b-1">([\s\S]*?)<\/li>/.exec(html)?.[1] ?? '';
    assert.ok(b1.includes(` <a href="${WAPP}">${WAPP}</a> `), `${language}: ${text(b1)}`);

    const help = HELP[language];
    assert.ok(help);
    const without = renderHelpPage(help, {
      portalUrl: 'https://portal.example/',
      supportEmail: SUPPORT,
      wappUrl: null,
      brandName: null,
      pictureOf: () => undefined,
    });
    const step = text(/<li class="step" id="b-1">([\s\S]*?)<\/li>/.exec(without)?.[1] ?? '');
    const sentence = step.split('\n').find((line) => line.includes('WAPP')) ?? '';
    assert.ok(sentence, step);
    assert.doesNotMatch(sentence, /\s{2}|\s[.,]|https?:/, `${language}: no gap where the link was`);
  }
});
