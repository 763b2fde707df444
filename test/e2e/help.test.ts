/**
 * The customer help in Chromium: the /help page in each language, checked by axe, with
 * its ☰ menu, and printed (print media: every section, no menu or buttons; `page.pdf()`:
 * a PDF with a page or more per section); and the widget's help view, opened by the
 * footer's "Help" in the portal's language, loaded only then, axe-clean, and "Back" to the
 * screen as it was.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { de } from '../../locales/help/de.ts';
import { en } from '../../locales/help/en.ts';
import { fr } from '../../locales/help/fr.ts';
import type { HelpText } from '../../locales/help/help-text.ts';
import { it } from '../../locales/help/it.ts';
import { LANGUAGES, type Language } from '../../server/contract.ts';
import { axeViolations } from './support/axe.ts';
import { pickLanguage } from './support/customer-steps.ts';
import { labels } from './support/labels.ts';
import {
  DESKTOP,
  openContext,
  PHONE,
  scrollsSideways,
  usePortalInBrowser,
} from './support/portal.ts';

const HELP: Record<Language, HelpText> = { de, fr, it, en };
const e2e = usePortalInBrowser();

for (const language of LANGUAGES) {
  test(`/help/${language}: axe finds nothing, the ☰ menu leads to each section, and it prints every section to PDF`, async () => {
    const help = HELP[language];
    // axe is injected as a script, which the page's strict CSP would rightly refuse.
    const context = await openContext(e2e.browser, PHONE, { bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${e2e.portal.serviceUrl}/help/${language}`);
    await page.getByRole('heading', { level: 1, name: help.title }).waitFor();
    const print = page.getByRole('button', { name: help.page.print });
    assert.ok(await print.isVisible(), 'the print button shows once its script runs');
    assert.equal(await scrollsSideways(page), false, 'no horizontal scroll on a phone');
    assert.deepEqual(await axeViolations(page), [], 'axe on the page');

    // ☰: a <details>, so it opens without script; its links lead to the sections.
    await page.locator('details.contents > summary', { hasText: help.page.contents }).click();
    const menu = page.getByRole('navigation', { name: help.page.contents });
    assert.deepEqual(await axeViolations(page), [], 'axe with the menu open');
    const [, second] = help.sections;
    await menu.getByRole('link', { name: `B. ${second.title}` }).click();
    assert.ok(page.url().endsWith('#b'));
    assert.ok(
      await page.getByRole('heading', { level: 2, name: `B. ${second.title}` }).isVisible(),
    );

    // On paper: every section and step, no menu, no buttons, no language links.
    await page.emulateMedia({ media: 'print' });
    for (const section of [...help.sections.map((part) => part.id), 'support']) {
      assert.ok(await page.locator(`section#${section}`).isVisible(), `section ${section} prints`);
    }
    for (const step of help.sections.flatMap((section) => section.steps)) {
      assert.ok(await page.locator(`li#${step.id}`).isVisible(), `step ${step.id} prints`);
    }
    for (const hidden of ['.languages', '.contents', 'button.print']) {
      assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} does not print`);
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    assert.ok(pages >= help.sections.length + 1, `${pages} pages: each section starts a page`);
    // Pictures below the fold, lazy on screen, are on paper too.
    const missing = await page.evaluate(
      () =>
        [...document.images].filter((image) => !image.complete || image.naturalWidth === 0).length,
    );
    assert.equal(missing, 0, 'every picture is loaded for the PDF');
    await context.close();
  });
}

for (const language of LANGUAGES) {
  test(`the footer's "Help" opens the help view in ${language.toUpperCase()}, loaded only then; "Back" returns to the screen as it was`, async () => {
    const t = labels(language);
    const help = HELP[language];
    const context = await openContext(e2e.browser, DESKTOP, { bypassCSP: true });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(e2e.portal.portalUrl);
    await pickLanguage(page, language);
    await page.getByLabel(t('Customer number'), { exact: true }).fill('10012345');
    // The portal's own: the page around it links to the help in each language too.
    const helpLink = page
      .locator('customer-portal')
      .getByRole('link', { name: t('Help'), exact: true });
    await helpLink.waitFor();
    assert.deepEqual(
      requested.filter((path) => /\/help[-/]/.test(path)),
      [],
      'nothing of the help before the click',
    );

    await helpLink.click();
    const heading = page.getByRole('heading', { level: 2, name: help.title });
    await heading.waitFor();
    const focused = await page.evaluate(
      () =>
        document
          .querySelector('customer-portal')
          ?.shadowRoot?.querySelector('customer-portal-help')
          ?.shadowRoot?.activeElement?.textContent?.trim() ?? '',
    );
    assert.equal(focused, help.title, 'focus is on the help heading');
    // The help view itself comes with the screens after the login, preloaded when idle; its
    // text loads at the click.
    assert.deepEqual(
      requested
        .filter((path) => /\/widget\/help-(de|fr|it|en)-/.test(path))
        .map((path) => path.replace(/^.*\/help-(\w\w)-.*$/, '$1')),
      [language],
      "only this language's help",
    );
    for (const section of help.sections) {
      await page
        .getByRole('heading', { level: 3, name: `${section.id.toUpperCase()}. ${section.title}` })
        .waitFor();
    }
    const firstPicture = page.getByRole('img', { name: help.sections[0].steps[2]?.picture ?? '' });
    assert.equal(await firstPicture.getAttribute('loading'), 'lazy');
    assert.ok(
      await page.getByRole('link', { name: e2e.portal.config.supportEmail }).first().isVisible(),
      'the support address',
    );
    // Development's WAPP page is the demo page, which B.1 then links.
    assert.equal(e2e.portal.config.wappUrl, e2e.portal.wappUrl);
    const wappLink = page.getByRole('link', { name: e2e.portal.wappUrl, exact: true });
    assert.equal(await wappLink.getAttribute('href'), e2e.portal.wappUrl, "B.1's WAPP link");
    assert.equal(
      await page.getByLabel(t('Customer number'), { exact: true }).isVisible(),
      false,
      'the screen is hidden',
    );
    assert.deepEqual(await axeViolations(page), [], 'axe on the help view');

    await page
      .getByRole('button', { name: t('Back'), exact: true })
      .first()
      .click();
    assert.equal(
      await page.getByLabel(t('Customer number'), { exact: true }).inputValue(),
      '10012345',
      'the screen as it was',
    );
    const focusedLink = await page.evaluate(
      () =>
        document
          .querySelector('customer-portal')
          ?.shadowRoot?.activeElement?.getAttribute('part') ?? '',
    );
    assert.equal(focusedLink, 'help', 'focus is back on "Help"');
    await context.close();
  });
}
