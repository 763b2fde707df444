/**
 * Help text A, as a customer lives it: the operator provisions with the CLI, the customer
 * reads two mails, opens the customer portal link, picks a language, logs in with the
 * initial password, changes it (A.4), logs in again (A.5), and logs out (A.6). Once in
 * English on a desktop and a phone, with screenshots, and once in each other language.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Language } from '../../server/contract.ts';
import {
  changeInitialPassword,
  expectInternalArea,
  logIn,
  pickLanguage,
  provisionWithCli,
  readWelcomeMails,
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

const RUNS: Array<{ language: Language; viewport: typeof DESKTOP | typeof PHONE; device: string }> =
  [
    { language: 'en', viewport: DESKTOP, device: 'desktop' },
    { language: 'en', viewport: PHONE, device: 'phone' },
    { language: 'de', viewport: PHONE, device: 'phone' },
    { language: 'fr', viewport: DESKTOP, device: 'desktop' },
    { language: 'it', viewport: PHONE, device: 'phone' },
  ];

for (const { language, viewport, device } of RUNS) {
  test(`A.1–A.6 in ${language.toUpperCase()} on a ${device}: provisioned, two mails, change the initial password, log in, log out`, async () => {
    const t = labels(language);
    const email = `a-${language}-${device}@example.com`;
    const number = provisionWithCli(e2e.portal, email, `Kunde ${language} ${device}`, language);
    const { numberMail, initialPassword } = await readWelcomeMails(e2e.portal, email);
    assert.ok(numberMail.text.includes(number), 'A.1 the first mail carries the customer number');

    const context = await openContext(e2e.browser, viewport);
    const page = await context.newPage();
    // The portal link page's CSP forbids inline script and style (S23): nothing may trip it.
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const shot = (step: string) => screenshot(page, `a-${language}-${device}-${step}`);
    await page.goto(e2e.portal.portalUrl);
    await pickLanguage(page, language);
    assert.equal(await scrollsSideways(page), false, 'no horizontal scroll');
    await shot('1-login');

    // A.3: customer number and the emailed password; a new window asks for a new password.
    await logIn(page, language, number, initialPassword);
    await page.getByLabel(t('Previous password'), { exact: true }).waitFor();
    await shot('2-change-window');

    // A.4: "Previous password", "New password", "Re-enter new password", "Change password".
    const chosen = `Mein-Eigenes-${language}-Passwort-7!`;
    await changeInitialPassword(page, language, initialPassword, chosen);
    // A.5: back at the login with the number filled in and a confirmation.
    await page
      .getByText(t('Your password has been changed. Please log in with your new password.'))
      .waitFor();
    assert.equal(await page.getByLabel(t('Customer number'), { exact: true }).inputValue(), number);
    await shot('3-changed');

    await page.getByLabel(t('Password'), { exact: true }).fill(chosen);
    await page.getByRole('button', { name: t('log in'), exact: true }).click();
    // A.6: the internal area, "Log out" in the top right-hand corner.
    const logout = await expectInternalArea(page, language, number);
    assert.equal(await scrollsSideways(page), false, 'no horizontal scroll in the internal area');
    await shot('4-internal-area');
    const box = await logout.boundingBox();
    assert.ok(box && box.x + box.width > viewport.width * 0.5, '"Log out" sits on the right');
    assert.ok(box && box.y < 200, '"Log out" sits at the top');

    await logout.click();
    await page.getByRole('button', { name: t('log in'), exact: true }).waitFor();
    await shot('5-logged-out');
    assert.deepEqual(violations, [], 'the widget keeps to the strict CSP');
    await context.close();
  });
}
