/**
 * Screenshots of every screen of the built widget, at desktop (1280×800) and phone
 * (375×812) size, one language each, and of the header in all four languages at 320, 375
 * and 1280 px, into test-results/screenshots/. Not a test: a way
 * to look at what customers see. Run `npm run build && npx tsx test/widget/screenshots.ts`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { freePort } from '../support/free-port.ts';
import { startService } from '../support/service.ts';

const OUT = 'test-results/screenshots';
mkdirSync(OUT, { recursive: true });

const pagePort = await freePort();
const pageOrigin = `http://localhost:${pagePort}`;
// A manual clock, so an initial password can expire for its screenshot.
const service = await startService({
  clock: 'manual',
  env: { PORTAL_ALLOWED_ORIGINS: pageOrigin, PORTAL_PUBLIC_URL: `${pageOrigin}/` },
});
/** A service that is down: nothing listens there. */
const downUrl = `http://127.0.0.1:${await freePort()}`;

/** A plain page that embeds the built widget by script tag, as a site owner does. */
function pageHtml(mode: 'inline' | 'launcher', lang: string, api = service.url): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer portal</title>
<script type="module" src="/widget/customer-portal.js"></script>
<style>body{margin:0;background:#f3f4f6;font-family:Georgia,serif}main{padding:2rem 1rem}
nav{display:grid;gap:.5rem;max-width:20rem;margin:3rem auto}nav>*{padding:.75rem 1rem;background:#fff;border-radius:.5rem}</style>
</head><body><main>
${
  mode === 'inline'
    ? `<customer-portal api="${api}" lang="${lang}"><p slot="account">Your contracts and documents are listed here by your dealer.</p></customer-portal>`
    : `<nav><span>Our products</span><customer-portal api="${api}" mode="launcher" lang="${lang}"></customer-portal><span>Contact</span></nav>`
}
</main></body></html>`;
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', pageOrigin);
  if (url.pathname.startsWith('/widget/')) {
    try {
      const file = readFileSync(join('dist', url.pathname));
      response.writeHead(200, {
        'Content-Type': extname(url.pathname) === '.js' ? 'text/javascript' : 'text/plain',
      });
      response.end(file);
    } catch {
      response.writeHead(404).end();
    }
    return;
  }
  const mode = url.searchParams.get('mode') === 'launcher' ? 'launcher' : 'inline';
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  const api = url.searchParams.get('down') === null ? service.url : downUrl;
  response.end(pageHtml(mode, url.searchParams.get('lang') ?? 'en', api));
});
await new Promise<void>((resolve) => server.listen(pagePort, 'localhost', resolve));

async function admin(path: string, body: object): Promise<void> {
  const response = await fetch(service.url + path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${service.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});

const sizes = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

let customerCount = 0;
async function newCustomer(language: string) {
  customerCount += 1;
  const number = `S-${Date.now().toString(36).toUpperCase()}${customerCount}`;
  const password = 'Start7!xyzABCdef';
  await admin('/admin/customers', {
    number,
    password,
    name: 'Erika Muster',
    email: `${number.toLowerCase()}@example.com`,
    language,
  });
  return { number, password };
}

/** The first change of password (A.4) through the API, as a customer who has done it. */
async function activate(customer: { number: string; password: string }, chosen: string) {
  const login = await fetch(`${service.url}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: pageOrigin },
    body: JSON.stringify({ customerNumber: customer.number, password: customer.password }),
  });
  const { changeToken } = (await login.json()) as { changeToken: string };
  await fetch(`${service.url}/api/password/change`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: pageOrigin,
      Authorization: `Bearer ${changeToken}`,
    },
    body: JSON.stringify({ currentPassword: customer.password, newPassword: chosen }),
  });
}

const portal = (page: Page) => page.locator('customer-portal');

/** The token of the "Change password now" link that a reset request mails to the customer. */
async function resetToken(customer: { number: string }): Promise<string> {
  await fetch(`${service.url}/api/password/forgot`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: pageOrigin },
    body: JSON.stringify({ customerNumber: customer.number }),
  });
  // The service queues the mail after its answer: look until it is there.
  for (let tries = 0; tries < 100; tries++) {
    const mails = (await (await fetch(`${service.url}/dev/mail.json`)).json()) as Array<{
      kind: string;
      to: string;
      text: string;
    }>;
    const mail = mails.find(
      (item) => item.kind === 'password_reset' && item.to.startsWith(customer.number.toLowerCase()),
    );
    const token = mail && /#portal-reset=([\w-]+)/.exec(mail.text)?.[1];
    if (token) return token;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no reset mail for ${customer.number}`);
}

/** Logs in with a wrong password, in any language, and waits for the answer. */
async function failLogin(page: Page, number: string): Promise<void> {
  await page.locator('input[name="customer-number"]').fill(number);
  await page.locator('input[name="password"]').fill('Wrong7!password');
  await page.locator('customer-portal button[type=submit]').click();
  await page.locator('customer-portal button[type=submit][aria-disabled="false"]').waitFor();
  await page.waitForTimeout(100);
}

for (const size of sizes) {
  const shot = async (page: Page, name: string) => {
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${OUT}/${size.name}-${name}.png`, fullPage: true });
  };
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  // Its initial password expires at the end of this round (German).
  const expiring = await newCustomer('de');

  // Login (English), with an error after a wrong password.
  await page.goto(`${pageOrigin}/?lang=en`);
  await page.getByLabel('Customer number', { exact: true }).waitFor();
  await shot(page, 'login-en');
  await page.getByLabel('Customer number', { exact: true }).fill('NOPE-1');
  await page.getByLabel('Password', { exact: true }).fill('wrong');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('is not correct').waitFor();
  await shot(page, 'login-error-en');

  // Caps Lock on at the password (Italian).
  await page.goto(`${pageOrigin}/?lang=it`);
  await page.locator('input[name="password"]').focus();
  await page
    .locator('input[name="password"]')
    .evaluate((input) =>
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', modifierCapsLock: true })),
    );
  await page.locator('customer-portal .cp-caps:not(:empty)').waitFor();
  await shot(page, 'login-caps-lock-it');

  // A lockout coming (French): two tries left after three, then the wait counting down.
  const locked = `LOCK-${size.name}`.toUpperCase();
  await page.goto(`${pageOrigin}/?lang=fr`);
  for (let attempt = 1; attempt <= 3; attempt++) await failLogin(page, locked);
  await page.getByText('Après 2 autres tentatives').waitFor();
  await shot(page, 'login-warning-fr');
  for (let attempt = 4; attempt <= 5; attempt++) await failLogin(page, locked);
  await portal(page).locator('.countdown').waitFor();
  await shot(page, 'login-lockout-fr');

  // The service down behind a page that answers (German).
  await page.goto(`${pageOrigin}/?lang=de&down`);
  await failLogin(page, '10012345');
  await page.getByText('Ihre Internetverbindung funktioniert').waitFor();
  await shot(page, 'login-unavailable-de');

  // Change the initial password (German), with the checklist half met and a mismatch.
  const first = await newCustomer('de');
  await page.goto(`${pageOrigin}/?lang=de`);
  await page.getByLabel('Kundennummer', { exact: true }).fill(first.number);
  await page.getByLabel('Passwort', { exact: true }).fill(first.password);
  await page.locator('customer-portal button[type=submit]').click();
  await page.locator('customer-portal-change-initial').waitFor();
  await page.locator('input[name="current-password"]').fill(first.password);
  await page.locator('input[name="new-password"]').fill('Sommer2');
  await page.locator('input[name="repeat-password"]').fill('Winter');
  await page.locator('input[name="repeat-password"]').blur();
  await shot(page, 'change-initial-de');
  // A password the service refuses ("too common"), sent from the button: what the customer
  // sees without scrolling, where they are.
  await page.locator('input[name="new-password"]').fill('Password1!');
  await page.locator('input[name="repeat-password"]').fill('Password1!');
  await page.locator('customer-portal button[type=submit]').click();
  await page.locator('customer-portal .cp-field-error').first().waitFor();
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${OUT}/${size.name}-change-initial-too-common-de.png` });

  // Forgot (French) and its answer (Italian).
  await page.goto(`${pageOrigin}/?lang=fr`);
  await page.locator('customer-portal-login').waitFor();
  await portal(page).locator('.cp-link').first().click();
  await page.locator('customer-portal-forgot').waitFor();
  await shot(page, 'forgot-fr');
  await page.goto(`${pageOrigin}/?lang=it`);
  await page.locator('customer-portal-login').waitFor();
  await portal(page).locator('.cp-link').first().click();
  await page.locator('input[name="customer-number"]').fill(first.number);
  await page.locator('customer-portal button[type=submit]').click();
  await page.locator('customer-portal-forgot-sent').waitFor();
  await shot(page, 'forgot-sent-it');

  // The reset link (English) from a real mail; one no longer valid (German), said at once.
  const resetting = await newCustomer('en');
  await activate(resetting, 'Chosen7!passwordQ');
  await page.goto(`${pageOrigin}/?lang=en#portal-reset=${await resetToken(resetting)}`);
  await page.locator('customer-portal-reset input[name="new-password"]').waitFor();
  await shot(page, 'reset-en');
  await page.goto(`${pageOrigin}/?lang=de#portal-reset=ThisLinkWasReplacedAlready_0123456789`);
  await page.getByText('Dieser Link ist nicht mehr gültig').waitFor();
  await shot(page, 'reset-invalid-de');

  // The internal area (German): first change of password through the API, then log in.
  const second = await newCustomer('de');
  const chosen = 'Chosen7!passwordQ';
  await activate(second, chosen);
  await page.goto(`${pageOrigin}/?lang=de`);
  await page.getByLabel('Kundennummer', { exact: true }).fill(second.number);
  await page.getByLabel('Passwort', { exact: true }).fill(chosen);
  await page.locator('customer-portal button[type=submit]').click();
  await page.locator('customer-portal-account').waitFor();
  await shot(page, 'account-de');
  await page.locator('.cp-disclosure').click();
  await shot(page, 'account-change-password-de');
  await portal(page).locator('[part="logout"]').click();
  await page.locator('customer-portal-login').waitFor();

  // The launcher on a WAPP-like page (English), closed and open.
  await page.goto(`${pageOrigin}/?mode=launcher&lang=en`);
  await page.getByRole('button', { name: 'Customer portal' }).waitFor();
  await shot(page, 'launcher-en');
  await page.getByRole('button', { name: 'Customer portal' }).click();
  await page.locator('customer-portal-login').waitFor();
  await shot(page, 'launcher-open-en');

  // The initial password, typed right, two weeks too late (German).
  service.clock.advance?.(15 * 86_400_000);
  await page.goto(`${pageOrigin}/?lang=de`);
  await page.locator('input[name="customer-number"]').fill(expiring.number);
  await page.locator('input[name="password"]').fill(expiring.password);
  await page.locator('customer-portal button[type=submit]').click();
  await page.getByText('aber abgelaufen').waitFor();
  await shot(page, 'login-expired-de');

  await context.close();
}

// The header in every language at 320, 375 and 1280 px: the languages and "Log out" top
// right (help text A.3, A.6, B.2), the longest words ("Se déconnecter", "Portail client").
const headerCustomer = await newCustomer('en');
const headerPassword = 'Chosen7!passwordQ';
await activate(headerCustomer, headerPassword);
for (const width of [320, 375, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: 700 } });
  const page = await context.newPage();
  const header = async (name: string) => {
    await page.waitForTimeout(100);
    await page.screenshot({
      path: `${OUT}/header-${width}-${name}.png`,
      clip: { x: 0, y: 0, width, height: 260 },
    });
  };
  await page.goto(`${pageOrigin}/?lang=en`);
  await header('login-en');
  await page.getByLabel('Customer number', { exact: true }).fill(headerCustomer.number);
  await page.getByLabel('Password', { exact: true }).fill(headerPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('customer-portal-account').waitFor();
  for (const language of ['de', 'fr', 'it', 'en']) {
    await portal(page).locator(`[part~="language"][lang="${language}"]`).click();
    await page.locator(`customer-portal .cp-root[lang="${language}"]`).waitFor();
    await header(`account-${language}`);
  }
  await portal(page).locator('[part="logout"]').click();
  await page.locator('customer-portal-login').waitFor();
  await page.goto(`${pageOrigin}/?mode=launcher&lang=en`);
  await portal(page).locator('[part="launcher"]').click();
  await page.locator('customer-portal-login').waitFor();
  for (const language of ['de', 'fr', 'it', 'en']) {
    await portal(page).locator(`[part~="language"][lang="${language}"]`).click();
    await page.locator(`customer-portal .cp-root[lang="${language}"]`).waitFor();
    await header(`launcher-${language}`);
  }
  await context.close();
}

await browser.close();
server.close();
await service.stop();
console.log(`screenshots in ${OUT}/`);
