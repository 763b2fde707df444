/**
 * @module `npm run help:pictures`: the pictures of the customer help, taken from the real
 * widget. For each language it starts the service on loopback (with the demo WAPP page)
 * and a real SMTP server, and walks a customer through help text A, B and C in headless
 * Chromium on a phone-sized screen, with the e2e tests' own steps and labels, writing
 * docs/help/{language}/{step}.png (1×, cropped to the portal) and docs/help/pictures.json
 * (the hash of the sources, for the freshness test). Needs the built widget: the npm
 * script builds it first. Commit what it writes.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LANGUAGES, type Language } from '../server/contract.ts';
import {
  changeInitialPassword,
  expectInternalArea,
  fillLogin,
  fillNewPassword,
  fillPasswordChange,
  openPortalFromWapp,
  pickLanguage,
  setNewPassword,
} from '../test/e2e/support/customer-steps.ts';
import { labels } from '../test/e2e/support/labels.ts';
import { launchChromium, PHONE, startE2ePortal } from '../test/e2e/support/portal.ts';
import { Client } from '../test/support/client.ts';
import { provisionCustomer } from '../test/support/customers.ts';
import {
  type MailServer,
  type ReceivedMail,
  startMailServer,
} from '../test/support/smtp-capture.ts';
import {
  hashPictureSources,
  PICTURES_DIRECTORY,
  PICTURES_MANIFEST,
  type PicturesManifest,
} from './help-pictures-sources.ts';
import { toPalettePng } from './png-palette.ts';

/** The customer in the pictures: a number like the demo customer's, a name of the language. */
const CUSTOMER = { number: '10024680' } as const;
const NAMES: Readonly<Record<Language, string>> = {
  de: 'Anna Muster',
  fr: 'Claire Dubois',
  it: 'Giulia Rossi',
  en: 'Jane Smith',
};
/** So the first paint, the WAPP menu's "Customer portal" included, is in the language. */
const BROWSER_LOCALES: Readonly<Record<Language, string>> = {
  de: 'de-CH',
  fr: 'fr-CH',
  it: 'it-CH',
  en: 'en-GB',
};
/** A mail is shown from its top: the subject line, the greeting, the button. */
const MAIL_HEIGHT = 640;

async function main(): Promise<void> {
  const sources = hashPictureSources();
  const browser = await launchChromium();
  const pictures: Record<string, number> = {};
  try {
    for (const language of LANGUAGES) {
      const folder = join(PICTURES_DIRECTORY, language);
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      for (const file of await takePictures(browser, language, folder)) {
        pictures[`${language}/${file}`] = statSync(join(folder, file)).size;
      }
    }
  } finally {
    await browser.close();
  }
  const manifest: PicturesManifest = { sources, pictures };
  writeFileSync(PICTURES_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  const total = Object.values(pictures).reduce((sum, size) => sum + size, 0);
  console.log(
    `${Object.keys(pictures).length} pictures in ${PICTURES_DIRECTORY}/, ${(total / 1000).toFixed(0)} kB; commit them with ${PICTURES_MANIFEST}.`,
  );
}

/** A through C in one language, on a service of its own; the names of the files written. */
async function takePictures(browser: Browser, language: Language, folder: string) {
  const t = labels(language);
  const mail = await startMailServer();
  const portal = await startE2ePortal({ env: { SMTP_URL: `smtp://127.0.0.1:${mail.port}` } });
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 1,
    locale: BROWSER_LOCALES[language],
    reducedMotion: 'reduce',
  });
  const written: string[] = [];
  const page = await context.newPage();
  // The mail program: a tab of its own, so the portal's tab keeps its page.
  const mailPage = await context.newPage();
  /** The portal alone (the link page's widget), the whole screen (the WAPP page), or a mail. */
  const take = async (step: string, what: 'portal' | 'screen' | 'mail') => {
    let picture: Buffer;
    if (what === 'mail') {
      const height = await mailPage.evaluate(() => document.documentElement.scrollHeight);
      picture = await mailPage.screenshot({
        clip: { x: 0, y: 0, width: PHONE.width, height: Math.min(height, MAIL_HEIGHT) },
      });
    } else {
      // No caret, no focus ring: the picture shows the screen, not where the script typed.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      picture =
        what === 'portal'
          ? await page.locator('customer-portal').screenshot()
          : await page.screenshot();
    }
    writeFileSync(join(folder, `${step}.png`), toPalettePng(picture));
    written.push(`${step}.png`);
  };
  try {
    // A.1, A.2: the operator provisions; two mails arrive.
    const client = new Client(portal.serviceUrl, new URL(portal.serviceUrl).origin);
    const { password: initialPassword } = await provisionCustomer(client, {
      number: CUSTOMER.number,
      name: NAMES[language],
      language,
    });
    const email = `${CUSTOMER.number}@example.com`;
    const numberMail = await mailTo(mail, email, (item) => item.text.includes(CUSTOMER.number), 0);
    await showMail(mailPage, numberMail);
    await take('a-1', 'mail');
    const passwordMail = await mailTo(
      mail,
      email,
      (item) => item.text.includes(initialPassword),
      0,
    );
    await showMail(mailPage, passwordMail);
    await take('a-2', 'mail');

    // A.3–A.6 on the customer portal link.
    await page.goto(portal.portalUrl);
    await pickLanguage(page, language);
    await fillLogin(page, language, CUSTOMER.number, initialPassword);
    await take('a-3', 'portal');
    await page.getByRole('button', { name: t('Log in'), exact: true }).click();
    await page.getByLabel(t('Previous password'), { exact: true }).waitFor();
    const chosen = 'Mein-Eigenes-Passwort-7!';
    await fillPasswordChange(page, language, initialPassword, chosen);
    await take('a-4', 'portal');
    await changeInitialPassword(page, language, initialPassword, chosen);
    await page
      .getByText(t('Your password has been changed. Please log in with your new password.'))
      .waitFor();
    await page.getByLabel(t('Password'), { exact: true }).fill(chosen);
    await take('a-5', 'portal');
    await page.getByRole('button', { name: t('Log in'), exact: true }).click();
    const logout = await expectInternalArea(page, language, CUSTOMER.number);
    await take('a-6', 'portal');
    await logout.click();
    await page.getByRole('button', { name: t('Log in'), exact: true }).waitFor();

    // B.1–B.4 on the demo WAPP page.
    await page.goto(portal.wappUrl);
    await take('b-1', 'screen');
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page.locator('#menu').waitFor();
    await take('b-2', 'screen');
    await page.getByRole('button', { name: 'Close the menu' }).click();
    await openPortalFromWapp(page, language);
    await fillLogin(page, language, CUSTOMER.number, chosen);
    await take('b-3', 'screen');
    await page.getByRole('button', { name: t('Log in'), exact: true }).click();
    const logoutInDialog = await expectInternalArea(page, language, CUSTOMER.number);
    await take('b-4', 'screen');
    await logoutInDialog.click();

    // C.1–C.6 on the customer portal link.
    await page.goto(portal.portalUrl);
    await page.getByRole('button', { name: t('Forgot your password?'), exact: true }).waitFor();
    await take('c-1', 'portal');
    await page.getByRole('button', { name: t('Forgot your password?'), exact: true }).click();
    await page.getByLabel(t('Customer number'), { exact: true }).fill(CUSTOMER.number);
    await take('c-2', 'portal');
    const mailsBefore = mail.received.length;
    await page.getByRole('button', { name: t('Reset password'), exact: true }).click();
    await page
      .getByText(
        t(
          'An email containing a confirmation link has been sent to the email address registered in our system.',
        ),
      )
      .waitFor();
    await take('c-3', 'portal');
    const resetMail = await mailTo(
      mail,
      email,
      (item) => /#portal-reset=/.test(item.text),
      mailsBefore,
    );
    const link = /(https?:\/\/\S+#portal-reset=[\w-]+&lang=[a-z]{2})/.exec(resetMail.text)?.[1];
    if (!link) throw new Error('the reset mail holds no "Change password now" link');
    await showMail(mailPage, resetMail);
    await take('c-4', 'mail');
    await page.goto(link);
    await page.getByRole('button', { name: t('Set password'), exact: true }).waitFor();
    await fillNewPassword(page, language, 'Frisch-Gesetzt-2026!');
    await take('c-5', 'portal');
    await setNewPassword(page, language, 'Frisch-Gesetzt-2026!');
    await page.getByText(t('Your new password is set. You are now logged in.')).waitFor();
    await take('c-6', 'portal');
  } finally {
    await context.close();
    await portal.stop();
    await mail.close();
  }
  console.log(`${language}: ${written.length} pictures`);
  return written;
}

/** The first mail to `address` after the first `skip` received that `matches`, once it has arrived. */
async function mailTo(
  mail: MailServer,
  address: string,
  matches: (mail: ReceivedMail) => boolean,
  skip: number,
): Promise<ReceivedMail> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = mail.received
      .slice(skip)
      .find((item) => item.envelopeTo.includes(address) && matches(item));
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no such mail to ${address} among ${mail.received.length} received`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A mail as a phone's mail program shows it: its HTML, the subject above it. */
async function showMail(page: Page, mail: ReceivedMail): Promise<void> {
  await page.setContent(mail.html);
  await page.evaluate((subject) => {
    const line = document.createElement('p');
    line.textContent = subject;
    line.style.cssText =
      'margin:0;padding:12px 16px;font:600 17px system-ui,sans-serif;border-bottom:1px solid #d1d5db;background:#f3f5f8;color:#1f2937';
    document.body.prepend(line);
    document.body.style.margin = '0';
  }, mail.subject);
}

await main();
