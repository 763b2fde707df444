/**
 * The first paint is whole in the customer's language on its own: the login screen, the
 * header and the footer show no English even when the rest of the texts (the later
 * translation chunk, loaded when the browser is idle) never arrives. A text that the
 * first paint shares with a later screen ("Help", also the help view's heading) must
 * travel with the first paint.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labels } from './support/labels.ts';
import { DESKTOP, openContext, usePortalInBrowser } from './support/portal.ts';

const e2e = usePortalInBrowser();

for (const [language, locale] of [
  ['de', 'de-CH'],
  ['fr', 'fr-CH'],
  ['it', 'it-CH'],
] as const) {
  test(`in ${language.toUpperCase()}, the login, its header and its footer need nothing of the later texts`, async () => {
    const t = labels(language);
    const context = await openContext(e2e.browser, DESKTOP, { locale });
    const page = await context.newPage();
    const held: string[] = [];
    // The later texts never come, as on a connection that drops after the first paint.
    await page.route(/\/widget\/(de|fr|it)-later-[\w-]+\.js$/, (route) => {
      held.push(route.request().url());
      return route.abort();
    });
    await page.goto(e2e.portal.portalUrl);
    const portal = page.locator('customer-portal');
    await portal.getByLabel(t('Customer number'), { exact: true }).waitFor();
    for (const [role, name] of [
      ['button', t('Log in')],
      ['button', t('Clear history')],
      ['button', t('Forgot your password?')],
      ['link', t('Help')],
    ] as const) {
      assert.ok(
        await portal.getByRole(role, { name, exact: true }).first().isVisible(),
        `${role} "${name}" in ${language}`,
      );
    }
    // The idle preload asked for the later texts and was refused: the screen stays as it was.
    await page.waitForTimeout(2500);
    assert.ok(held.length > 0, 'the later texts were asked for, after the first paint');
    assert.ok(
      await portal.getByRole('link', { name: t('Help'), exact: true }).isVisible(),
      'the footer keeps its language',
    );
    await context.close();
  });
}
