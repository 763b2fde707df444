/**
 * Every view of both pages, checked by axe-core as a screen-reader user's first line of
 * defence: the portal link page (inline) and the WAPP page (dialog), on a phone and a desktop.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import {
  activeCustomerFor,
  expectInternalArea,
  logIn,
  openPortalFromWapp,
  provisionWithCli,
  readWelcomeMails,
  requestReset,
  resetLinkFor,
} from './support/customer-steps.ts';
import { labels } from './support/labels.ts';
import {
  DESKTOP,
  openContext,
  PHONE,
  scrollsSideways,
  usePortalInBrowser,
} from './support/portal.ts';

const t = labels('en');

const e2e = usePortalInBrowser();

async function expectNoViolations(page: Page, view: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe on ${view}`);
  assert.equal(await scrollsSideways(page), false, `no horizontal scroll on ${view}`);
}

for (const [where, viewport] of [
  ['portal link page on a desktop', DESKTOP],
  ['WAPP page on a phone', PHONE],
] as const) {
  test(`axe finds nothing on any view of the ${where}`, async () => {
    const wapp = where.startsWith('WAPP');
    // axe is injected as a script, which the portal page's strict CSP would rightly refuse.
    const context = await openContext(e2e.browser, viewport, { bypassCSP: true });
    const page = await context.newPage();
    const open = async (url: string) => {
      await page.goto(url);
      if (wapp) await openPortalFromWapp(page);
    };
    const url = wapp ? e2e.portal.wappUrl : e2e.portal.portalUrl;
    await open(url);
    await page.getByRole('button', { name: t('Log in'), exact: true }).waitFor();
    await expectNoViolations(page, 'login');

    // An error in the live region, too.
    await logIn(page, 'en', '123', 'Wrong-Password-1!');
    await page
      .getByText(
        t('The customer number or the password is not correct. Please check both and try again.'),
      )
      .waitFor();
    await expectNoViolations(page, 'login with an error');

    const email = `axe-${wapp ? 'wapp' : 'portal'}@example.com`;
    const number = provisionWithCli(e2e.portal, email, 'Axe Tester', 'en');
    const { initialPassword } = await readWelcomeMails(e2e.portal, email);
    await logIn(page, 'en', number, initialPassword);
    await page.getByLabel(t('Previous password'), { exact: true }).waitFor();
    await page.getByLabel(t('New password'), { exact: true }).fill('abc');
    await expectNoViolations(page, 'change initial password');

    await open(url);
    await requestReset(page, 'en', number);
    await expectNoViolations(page, 'forgot-sent');
    await page.getByRole('button', { name: t('Back to log in'), exact: true }).click();
    await page.getByRole('button', { name: t('Forgot your password?'), exact: true }).click();
    await expectNoViolations(page, 'forgot');

    const customer = await activeCustomerFor(e2e.portal);
    await open(url);
    await logIn(page, 'en', customer.number, customer.password);
    await expectInternalArea(page, 'en', customer.number);
    await expectNoViolations(page, 'internal area');
    await page.getByRole('button', { name: t('Log out'), exact: true }).click();

    await requestReset(page, 'en', customer.number);
    await page.goto(await resetLinkFor(e2e.portal, customer.email));
    await page.getByRole('button', { name: t('Set password'), exact: true }).waitFor();
    await expectNoViolations(page, 'reset');
    await context.close();
  });
}
