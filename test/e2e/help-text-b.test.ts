/**
 * Help text B, on the demo WAPP page (another site than the service): the arrow, the
 * second line "Customer portal", the language, log in, the internal area, "Log out";
 * the session surviving a reload through the partitioned refresh cookie; "Clear history".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  activeCustomerFor,
  expectInternalArea,
  logIn,
  openPortalFromWapp,
  pickLanguage,
} from './support/customer-steps.ts';
import { labels } from './support/labels.ts';
import {
  DESKTOP,
  openContext,
  PHONE,
  screenshot,
  scrollsSideways,
  usePortalInBrowser,
} from './support/portal.ts';

const e2e = usePortalInBrowser();

for (const [device, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  test(`B.1–B.4 on a ${device}: arrow, "Customer portal", language, log in, internal area, "Log out"`, async () => {
    const customer = await activeCustomerFor(e2e.portal);
    const context = await openContext(e2e.browser, viewport);
    const page = await context.newPage();
    await page.goto(e2e.portal.wappUrl);
    await screenshot(page, `b-${device}-1-wapp`);
    await openPortalFromWapp(page);
    await pickLanguage(page, 'it');
    const t = labels('it');
    assert.equal(await scrollsSideways(page), false);
    await screenshot(page, `b-${device}-2-dialog`);
    if (device === 'phone') {
      const dialog = await page.getByRole('dialog').boundingBox();
      assert.ok(
        dialog && dialog.width >= viewport.width - 1 && dialog.height >= viewport.height - 1,
        'full screen on a phone',
      );
    }

    await logIn(page, 'it', customer.number, customer.password);
    const logout = await expectInternalArea(page, 'it', customer.number);
    await screenshot(page, `b-${device}-3-internal-area`);
    // The note: "Clear History" in the top right-hand corner, beside "Log out", phones too.
    const clear = await page
      .getByRole('button', { name: t('Clear history'), exact: true })
      .boundingBox();
    const out = await logout.boundingBox();
    assert.ok(clear && out, 'both buttons shown');
    assert.ok(clear.x + clear.width > viewport.width * 0.5, '"Clear history" sits on the right');
    assert.ok(clear.y < 200, '"Clear history" sits at the top');
    assert.ok(
      Math.abs(clear.y - out.y) <= 1 || clear.y >= out.y + out.height - 1,
      'beside or under "Log out"',
    );

    // The session survives a reload: the refresh cookie is partitioned, so the browser
    // keeps it for the WAPP page even though the service is another site.
    await page.reload();
    await openPortalFromWapp(page, 'it');
    await expectInternalArea(page, 'it', customer.number);

    await page.getByRole('button', { name: t('Log out'), exact: true }).click();
    await page.getByRole('button', { name: t('Log in'), exact: true }).waitFor();
    await page.reload();
    await openPortalFromWapp(page, 'it');
    await page.getByRole('button', { name: t('Log in'), exact: true }).waitFor();
    assert.equal(await logout.isVisible(), false, 'after "Log out" a reload shows the login');
    await context.close();
  });
}

test('B note: "Clear history" forgets the language, the remembered customer number and the session', async () => {
  const customer = await activeCustomerFor(e2e.portal);
  const context = await openContext(e2e.browser);
  const page = await context.newPage();
  await page.goto(e2e.portal.wappUrl);
  await openPortalFromWapp(page);
  await pickLanguage(page, 'fr');
  const t = labels('fr');
  await page.getByLabel(t('Remember my customer number on this device')).check();
  await logIn(page, 'fr', customer.number, customer.password);
  await expectInternalArea(page, 'fr', customer.number);
  // A session cookie: closing the browser on a shared computer ends the session there.
  const refresh = (await context.cookies()).find((cookie) => cookie.name === 'portal_refresh');
  assert.ok(refresh, 'the refresh cookie');
  assert.equal(refresh.expires, -1, 'no expiry date: gone when the browser closes');

  // Before: a reload keeps the language and the number.
  await page.reload();
  await openPortalFromWapp(page, 'fr');
  await expectInternalArea(page, 'fr', customer.number);
  await page.getByRole('button', { name: t('Clear history'), exact: true }).click();
  await page.getByRole('button', { name: t('Log in'), exact: true }).waitFor();
  await screenshot(page, 'b-clear-history');

  await page.reload();
  await openPortalFromWapp(page, 'en');
  const en = labels('en');
  await page.getByRole('button', { name: en('Log in'), exact: true }).waitFor();
  assert.equal(
    await page.getByLabel(en('Customer number'), { exact: true }).inputValue(),
    '',
    'the number is forgotten',
  );
  const stored = await page.evaluate(
    () => Object.keys(localStorage).length + Object.keys(sessionStorage).length,
  );
  assert.equal(stored, 0, 'nothing left in the browser storage');
  await context.close();
});
