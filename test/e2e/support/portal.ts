/**
 * @module The whole portal for an end-to-end test, as `npm start` runs it: the service and
 * the demo WAPP page on free ports of two different sites (127.0.0.1 and localhost), a temp
 * database, the dev mailbox; plus Debian's Chromium driven by playwright-core.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type Config, loadConfig } from '../../../server/config.ts';
import { createLogger } from '../../../server/log.ts';
import { type RunningPortal, startPortal } from '../../../server/portal.ts';
import { freePort } from '../../support/free-port.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The same token as the server tests', so their customer helpers work here too.
export { ADMIN_TOKEN } from '../../support/service.ts';

import { ADMIN_TOKEN } from '../../support/service.ts';

export interface E2ePortal {
  config: Readonly<Config>;
  serviceUrl: string;
  /** The customer portal link page. */
  portalUrl: string;
  /** The demo WAPP page. */
  wappUrl: string;
  logs: string[];
  running: RunningPortal;
  stop(): Promise<void>;
}

export interface E2eOptions {
  /** Where mail links lead: the portal link page (the default) or the WAPP page. */
  linksOpen?: 'portal' | 'wapp';
  env?: Record<string, string>;
}

export async function startE2ePortal(options: E2eOptions = {}): Promise<E2ePortal> {
  const folder = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  const [port, demoPort] = [await freePort(), await freePort()];
  const config = loadConfig({
    PORT: String(port),
    DEMO_PORT: String(demoPort),
    PORTAL_DB: join(folder, 'portal.db'),
    PORTAL_ADMIN_TOKEN: ADMIN_TOKEN,
    ...(options.linksOpen === 'wapp' ? { PORTAL_PUBLIC_URL: `http://localhost:${demoPort}/` } : {}),
    ...options.env,
  });
  const logs: string[] = [];
  const running = await startPortal(
    config,
    createLogger((line) => logs.push(line)),
  );
  // These tests run the development mode, which always serves the demo WAPP page.
  const demo = running.demo;
  if (!demo) throw new Error('the demo WAPP page did not start');
  return {
    config,
    serviceUrl: running.service.url,
    portalUrl: config.publicUrl,
    wappUrl: `http://localhost:${demo.port}/`,
    logs,
    running,
    async stop() {
      await running.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 375, height: 812 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/** A fresh browser profile at a viewport, its console errors collected. */
export async function openContext(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
  options: { bypassCSP?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  // Reduced motion: the WAPP arrow's nudge would otherwise keep a click waiting for it to settle.
  return browser.newContext({ viewport, locale: 'en-US', reducedMotion: 'reduce', ...options });
}

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots', 'e2e');

/** Saves a screenshot under test-results/ (gitignored) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** True when the page scrolls sideways: a broken phone layout. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/**
 * Starts the portal and Chromium before the file's tests and stops both after them:
 * `const e2e = usePortalInBrowser(); … e2e.portal, e2e.browser`.
 */
export function usePortalInBrowser(options: E2eOptions = {}): {
  readonly portal: E2ePortal;
  readonly browser: Browser;
} {
  let portal: E2ePortal | undefined;
  let browser: Browser | undefined;
  before(async () => {
    portal = await startE2ePortal(options);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await portal?.stop();
  });
  return {
    get portal() {
      if (!portal) throw new Error('the portal starts in before()');
      return portal;
    },
    get browser() {
      if (!browser) throw new Error('Chromium starts in before()');
      return browser;
    },
  };
}
