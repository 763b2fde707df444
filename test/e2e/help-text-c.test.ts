/**
 * Help text C, from the WAPP page and from the customer portal link: "Forgot your password",
 * the customer number, "reset password", the message, the mail's "Change password now"
 * link, two fields, "set password", the internal area; the old password no longer works.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Language } from '../../server/contract.ts';
import {
  activeCustomerFor,
  expectInternalArea,
  logIn,
  openPortalFromWapp,
  pickLanguage,
  requestReset,
  resetLinkFor,
  setNewPassword,
} from './support/customer-steps.ts';
import { labels } from './support/labels.ts';
import {
  DESKTOP,
  type E2ePortal,
  openContext,
  PHONE,
  screenshot,
  usePortalInBrowser,
} from './support/portal.ts';

/** C.4–C.6 from the mail link, then proof that the old password is gone. */
async function followResetLink(
  page: Page,
  portal: E2ePortal,
  customer: { number: string; password: string; email: string },
  language: Language,
  name: string,
) {
  const t = labels(language);
  const link = await resetLinkFor(portal, customer.email);
  await page.goto(link);
  await page.getByRole('button', { name: t('Set password'), exact: true }).waitFor();
  // S12: the token left the address bar before anything else could read it.
  assert.ok(!page.url().includes('portal-reset'), `the token is gone from ${page.url()}`);
  await screenshot(page, `${name}-3-reset-view`);
  await setNewPassword(page, language, 'Frisch-Gesetzt-2026!');
  await expectInternalArea(page, language, customer.number);
  await screenshot(page, `${name}-4-internal-area`);

  await page.getByRole('button', { name: t('Log out'), exact: true }).click();
  await logIn(page, language, customer.number, customer.password);
  await page
    .getByText(
      t('The customer number or the password is not correct. Please check both and try again.'),
    )
    .waitFor();
  await logIn(page, language, customer.number, 'Frisch-Gesetzt-2026!');
  await expectInternalArea(page, language, customer.number);
}

describe('from the customer portal link', () => {
  const e2e = usePortalInBrowser();
  test('C.1–C.6 on a phone, in German', async () => {
    const customer = await activeCustomerFor(e2e.portal, 'de');
    const context = await openContext(e2e.browser, PHONE);
    const page = await context.newPage();
    await page.goto(e2e.portal.portalUrl);
    await pickLanguage(page, 'de');
    await requestReset(page, 'de', customer.number);
    await screenshot(page, 'c-portal-de-phone-2-sent');
    await followResetLink(page, e2e.portal, customer, 'de', 'c-portal-de-phone');
    await context.close();
  });
});

describe('from the WAPP page, where the mail links lead too', () => {
  const e2e = usePortalInBrowser({ linksOpen: 'wapp' });
  test('C.1–C.6 on a desktop: the mail link opens the portal there, in the reset view', async () => {
    const customer = await activeCustomerFor(e2e.portal, 'en');
    const context = await openContext(e2e.browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(e2e.portal.wappUrl);
    await openPortalFromWapp(page);
    await requestReset(page, 'en', customer.number);
    await screenshot(page, 'c-wapp-en-desktop-2-sent');
    await followResetLink(page, e2e.portal, customer, 'en', 'c-wapp-en-desktop');
    await context.close();
  });
});
