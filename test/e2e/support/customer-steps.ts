/**
 * @module What a customer does in the widget, step by step, with the help text's labels in
 * the chosen language. Role and label locators reach into the widget's shadow root.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import type { Language } from '../../../server/contract.ts';
import { Client } from '../../support/client.ts';
import { activateCustomer, provisionCustomer } from '../../support/customers.ts';
import { initialPasswordIn, latestMail, resetTokenIn } from '../../support/mailbox.ts';
import { LANGUAGE_BUTTON, labels } from './labels.ts';
import type { E2ePortal } from './portal.ts';

/** Help text A.1, A.2: the operator provisions; the customer reads the two mails. */
export function provisionWithCli(
  portal: E2ePortal,
  email: string,
  name: string,
  language: Language,
): string {
  const run = spawnSync(
    'npm',
    [
      'run',
      '--silent',
      'portal',
      '--',
      'customers',
      'add',
      '--email',
      email,
      '--name',
      name,
      '--language',
      language,
    ],
    {
      // The CLI reads the service's configuration: the same database, the same signature.
      env: {
        ...process.env,
        PORTAL_DB: portal.config.databasePath,
        PORTAL_BRAND_NAME: portal.config.brandName ?? '',
      },
      encoding: 'utf8',
    },
  );
  assert.equal(run.status, 0, run.stderr);
  const number = /Created customer (\S+)/.exec(run.stdout)?.[1];
  assert.ok(number, run.stdout);
  return number;
}

export async function readWelcomeMails(portal: E2ePortal, email: string) {
  const numberMail = await latestMail(portal.serviceUrl, email, 'customer_number');
  const passwordMail = await latestMail(portal.serviceUrl, email, 'initial_password');
  return { numberMail, passwordMail, initialPassword: initialPasswordIn(passwordMail.text) };
}

/** The "Change password now" link of the newest reset mail, with the mail's language. */
export async function resetLinkFor(portal: E2ePortal, email: string): Promise<string> {
  const mail = await latestMail(portal.serviceUrl, email, 'password_reset');
  const token = resetTokenIn(mail.text);
  const link = /(https?:\/\/\S+#portal-reset=[A-Za-z0-9_-]+&lang=[a-z]{2})/.exec(mail.text)?.[1];
  if (!link?.includes(`=${token}&`))
    throw new Error('the mail holds no "Change password now" link');
  return link;
}

/** "In the top right-hand corner, select the language of your choice." */
export async function pickLanguage(page: Page, language: Language): Promise<void> {
  // Named "DE – Deutsch": the visible code and the language's own name.
  const button = page.getByRole('button', {
    name: new RegExp(`^${language.toUpperCase()} – ${LANGUAGE_BUTTON[language]}$`),
  });
  await button.click();
  await page.waitForFunction(
    (code) =>
      document
        .querySelector('customer-portal')
        ?.shadowRoot?.querySelector('[part~="language-current"]')
        ?.getAttribute('lang') === code,
    language,
  );
}

export async function logIn(
  page: Page,
  language: Language,
  number: string,
  password: string,
): Promise<void> {
  await fillLogin(page, language, number, password);
  await page.getByRole('button', { name: labels(language)('Log in'), exact: true }).click();
}

/** The login form filled in, not sent (the help pictures take it so). */
export async function fillLogin(
  page: Page,
  language: Language,
  number: string,
  password: string,
): Promise<void> {
  const t = labels(language);
  await page.getByLabel(t('Customer number'), { exact: true }).fill(number);
  await page.getByLabel(t('Password'), { exact: true }).fill(password);
}

/** Help text A.4. */
export async function changeInitialPassword(
  page: Page,
  language: Language,
  previous: string,
  chosen: string,
) {
  await fillPasswordChange(page, language, previous, chosen);
  await page
    .getByRole('button', { name: labels(language)('Change password'), exact: true })
    .click();
}

/** A.4 before "Change password": the three fields filled in. */
export async function fillPasswordChange(
  page: Page,
  language: Language,
  previous: string,
  chosen: string,
) {
  const t = labels(language);
  await page.getByLabel(t('Previous password'), { exact: true }).fill(previous);
  await fillNewPassword(page, language, chosen);
}

/** The internal area: the customer's name and number, and "Log out" top right. */
export async function expectInternalArea(page: Page, language: Language, number: string) {
  const t = labels(language);
  const logout = page.getByRole('button', { name: t('Log out'), exact: true });
  await logout.waitFor();
  await page.getByText(number, { exact: true }).first().waitFor();
  return logout;
}

/** Help text C.1–C.3. */
export async function requestReset(page: Page, language: Language, number: string) {
  const t = labels(language);
  await page.getByRole('button', { name: t('Forgot your password?'), exact: true }).click();
  await page.getByLabel(t('Customer number'), { exact: true }).fill(number);
  await page.getByRole('button', { name: t('Reset password'), exact: true }).click();
  await page
    .getByText(
      t(
        'An email containing a confirmation link has been sent to the email address registered in our system.',
      ),
    )
    .waitFor();
}

/** Help text C.5. */
export async function setNewPassword(page: Page, language: Language, chosen: string) {
  await fillNewPassword(page, language, chosen);
  await page.getByRole('button', { name: labels(language)('Set password'), exact: true }).click();
}

/** "New password" and "Re-enter new password" filled in (C.5, and A.4's last two). */
export async function fillNewPassword(page: Page, language: Language, chosen: string) {
  const t = labels(language);
  await page.getByLabel(t('New password'), { exact: true }).fill(chosen);
  await page.getByLabel(t('Re-enter new password'), { exact: true }).fill(chosen);
}

/** A customer who already chose a password (A.4 done), made over HTTP as a CRM would. */
export async function activeCustomerFor(portal: E2ePortal, language: Language = 'en') {
  const client = new Client(portal.serviceUrl, new URL(portal.serviceUrl).origin);
  const customer = await activateCustomer(client, await provisionCustomer(client, { language }));
  return { ...customer, email: `${customer.number.toLowerCase()}@example.com` };
}

/** Help text B.1, B.2: the arrow in the middle, then the second line "Customer portal". */
export async function openPortalFromWapp(page: Page, language: Language = 'en'): Promise<void> {
  await page.getByRole('button', { name: 'Open the menu' }).click();
  const lines = page.locator('#menu li');
  const second = lines.nth(1);
  await second
    .getByRole('button', { name: labels(language)('Customer portal'), exact: true })
    .click();
  await page.getByRole('dialog').waitFor();
}
