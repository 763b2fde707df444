/**
 * Help text A, as a customer lives it: the operator provisions with the CLI, the customer
 * reads two mails, opens the customer portal link, picks a language, logs in with the
 * initial password, changes it (A.4), logs in again (A.5), and logs out (A.6). Once in
 * English on a desktop and a phone, with screenshots, and once in each other language;
 * and the initial password copied from the mail as a customer copies it.
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

/** The dealer's name, from the configuration: the page's title and the mails' signature. */
const BRAND = 'DGM Vertrieb';
const e2e = usePortalInBrowser({ env: { PORTAL_BRAND_NAME: BRAND } });

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
    const { numberMail, passwordMail, initialPassword } = await readWelcomeMails(e2e.portal, email);
    assert.ok(numberMail.text.includes(number), 'A.1 the first mail carries the customer number');
    for (const mail of [numberMail, passwordMail]) {
      assert.ok(mail.text.trimEnd().endsWith(`\n${BRAND}`), "signed with the dealer's name");
    }

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
    // The page around the portal follows the language too: read aloud and titled in it.
    assert.equal(await page.getAttribute('html', 'lang'), language, '<html lang>');
    assert.equal(await page.title(), `${t('Customer portal')} – ${BRAND}`, 'the title');
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
    await page.getByRole('button', { name: t('Log in'), exact: true }).click();
    // A.6: the internal area, "Log out" in the top right-hand corner.
    const logout = await expectInternalArea(page, language, number);
    assert.equal(await scrollsSideways(page), false, 'no horizontal scroll in the internal area');
    await shot('4-internal-area');
    const box = await logout.boundingBox();
    assert.ok(box && box.x + box.width > viewport.width * 0.5, '"Log out" sits on the right');
    assert.ok(box && box.y < 200, '"Log out" sits at the top');

    await logout.click();
    await page.getByRole('button', { name: t('Log in'), exact: true }).waitFor();
    await shot('5-logged-out');
    assert.deepEqual(violations, [], 'the widget keeps to the strict CSP');
    await context.close();
  });
}

test('A.2–A.4 in German: a double-click in the mail selects the whole initial password, and copied with a space, it still works', async () => {
  const t = labels('de');
  const email = 'a-de-copy@example.com';
  const number = provisionWithCli(e2e.portal, email, 'Kundin Kopie', 'de');
  const { passwordMail, initialPassword } = await readWelcomeMails(e2e.portal, email);
  const context = await openContext(e2e.browser, DESKTOP);
  const page = await context.newPage();

  // The mail as a mail program shows it, once with its styles and once with them stripped.
  await page.setContent(passwordMail.html);
  const box = page.locator('code', { hasText: initialPassword });
  assert.match(
    await box.evaluate((element) => getComputedStyle(element).fontFamily),
    /monospace/,
    'in a monospace box',
  );
  const selectedByDoubleClick = async () => {
    await box.dblclick();
    return page.evaluate(() => window.getSelection()?.toString() ?? '');
  };
  assert.equal(await selectedByDoubleClick(), initialPassword, 'selected whole');
  await box.evaluate((element) => element.removeAttribute('style'));
  assert.equal(await selectedByDoubleClick(), initialPassword, 'also in a mail without styles');

  // Pasted with the space that often comes along, at the login and in "Previous password".
  await page.goto(e2e.portal.portalUrl);
  await pickLanguage(page, 'de');
  await logIn(page, 'de', number, `${initialPassword} `);
  await page.getByLabel(t('Previous password'), { exact: true }).waitFor();
  await changeInitialPassword(page, 'de', ` ${initialPassword}`, 'Mein-Eigenes-de-Passwort-8!');
  await page
    .getByText(t('Your password has been changed. Please log in with your new password.'))
    .waitFor();
  await context.close();
});
