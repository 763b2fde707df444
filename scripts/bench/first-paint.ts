/**
 * @module How soon a customer can type, in headless Chromium on loopback: from navigation
 * (and from inserting the script tag) to a focusable customer-number field, and from a
 * click on the launcher to the dialog's first field; beside a plain HTML form. Each load
 * is cold: a new browser context, so no cache, no connection, no storage.
 *
 * The service has no route for test pages (and the bench changes no service code), so
 * the plain form and the pages that insert the script tag come from a small server in
 * the bench's process on http://localhost, the script and the API from the service on
 * http://127.0.0.1, two sites as a dealer's page and the service are. The service's own
 * portal link page is measured too, as it serves it.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { launchChromium, openContext } from '../../test/e2e/support/portal.ts';
import { SETTINGS } from './settings.ts';
import { type Percentiles, percentiles } from './statistics.ts';

/** Times in milliseconds since navigation start, as the page's `performance.now()`. */
interface Marks {
  /** The customer-number field took focus: visible, enabled, not inert. */
  focusableAt: number;
  /** The frame after that one was rendered: the field is on screen. */
  paintedAt: number;
  /** The page's script inserted the widget's script tag. */
  insertedAt: number | null;
  /** The click on the launcher reached the page. */
  clickedAt: number | null;
}

declare global {
  interface Window {
    portalBench: Partial<Marks> & { done: Promise<Marks> };
  }
}

/** Runs in every page before its own scripts (as an init script, so the service's CSP allows it). */
const MEASURE = `(() => {
  let resolve;
  const bench = (window.portalBench = { done: new Promise((r) => (resolve = r)) });
  addEventListener('click', () => { bench.clickedAt ??= performance.now(); }, true);
  let checking = false;
  const check = () => {
    if (checking || bench.focusableAt !== undefined) return;
    const input = document.querySelector('input[autocomplete="username"]');
    if (!input || input.disabled) return;
    if (!input.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return;
    checking = true;
    input.focus({ preventScroll: true });
    checking = false;
    if (document.activeElement !== input) return;
    bench.focusableAt = performance.now();
    requestAnimationFrame(() => {
      // A task queued from the frame's callbacks runs once that frame is rendered.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        bench.paintedAt = performance.now();
        resolve({ insertedAt: null, clickedAt: null, ...bench, done: undefined });
      };
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  // Changes inside the element's shadow root (the dialog opening) show as focus moving, or in the next frame.
  addEventListener('focusin', check, true);
  const everyFrame = () => { check(); if (bench.focusableAt === undefined) requestAnimationFrame(everyFrame); };
  requestAnimationFrame(everyFrame);
})();`;

export interface FirstPaint {
  /** The browser's name and version. */
  browser: string;
  /** The plain HTML form: navigation to the field on screen. */
  plainForm: Percentiles;
  /** The page that inserts the script tag and the element: navigation to the field on screen. */
  insertedFromNavigation: Percentiles;
  /** The same loads: from inserting the script tag to the field taking focus. */
  insertedFromScriptTag: Percentiles;
  /** The service's portal link page (GET /): navigation to the field on screen. */
  portalPage: Percentiles;
  /** Launcher mode: from the click to the dialog's first field taking focus. */
  launcherClick: Percentiles;
}

export async function measureFirstPaint(serviceUrl: string, pagePort: number): Promise<FirstPaint> {
  const pages = await servePages(serviceUrl, pagePort);
  const chromium = await launchChromium();
  const browser = `Chromium ${chromium.version()}`;
  const pageUrl = `http://localhost:${pagePort}`;
  const samples = {
    plainForm: [] as number[],
    insertedFromNavigation: [] as number[],
    insertedFromScriptTag: [] as number[],
    portalPage: [] as number[],
    launcherClick: [] as number[],
  };
  try {
    // Round by round, so that a disturbance of the machine falls on every page alike; the
    // first round only warms the browser up (its first page takes twice as long).
    for (let round = -1; round < SETTINGS.pageLoads; round++) {
      const plain = await load(chromium, `${pageUrl}/plain`);
      const inserted = await load(chromium, `${pageUrl}/inserted`);
      const portal = await load(chromium, `${serviceUrl}/`);
      const launcher = await load(chromium, `${pageUrl}/launcher`, { clickLauncher: true });
      if (round < 0) continue;
      samples.plainForm.push(plain.paintedAt);
      samples.insertedFromNavigation.push(inserted.paintedAt);
      samples.insertedFromScriptTag.push(inserted.focusableAt - (inserted.insertedAt ?? 0));
      samples.portalPage.push(portal.paintedAt);
      samples.launcherClick.push(launcher.focusableAt - (launcher.clickedAt ?? 0));
    }
  } finally {
    await chromium.close();
    await Promise.all(pages.map((server) => new Promise((done) => server.close(done))));
  }
  return {
    browser,
    plainForm: percentiles(samples.plainForm),
    insertedFromNavigation: percentiles(samples.insertedFromNavigation),
    insertedFromScriptTag: percentiles(samples.insertedFromScriptTag),
    portalPage: percentiles(samples.portalPage),
    launcherClick: percentiles(samples.launcherClick),
  };
}

async function load(
  browser: Browser,
  url: string,
  options: { clickLauncher?: boolean } = {},
): Promise<Marks> {
  const context = await openContext(browser);
  let timer: NodeJS.Timeout | undefined;
  try {
    await context.addInitScript(MEASURE);
    const page = await context.newPage();
    await page.goto(url);
    // Playwright's CSS selectors pierce the element's shadow root.
    if (options.clickLauncher) await page.locator('[part="launcher"]').click({ timeout: 20_000 });
    return await Promise.race([
      page.evaluate(() => window.portalBench.done),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${url}: no login form in 20 s`)), 20_000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

/** The test pages, on localhost (both loopback addresses, as Chromium may try either). */
async function servePages(serviceUrl: string, port: number): Promise<Server[]> {
  const pages: Record<string, string> = {
    '/plain': PLAIN_FORM,
    '/inserted': insertingPage(serviceUrl, 'inline'),
    '/launcher': insertingPage(serviceUrl, 'launcher'),
  };
  return Promise.all(
    ['127.0.0.1', '::1'].map(
      (host) =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer((request, response) => {
            const page = pages[request.url ?? ''];
            response.writeHead(page ? 200 : 404, {
              'content-type': 'text/html; charset=utf-8',
              'cache-control': 'no-store',
            });
            response.end(page ?? 'not found');
          });
          server.once('error', reject);
          server.listen(port, host, () => resolve(server));
        }),
    ),
  );
}

/**
 * The page around the plain form and around the widget alike, its font included, so that
 * the two differ only in the form: the page that inserts the widget used to keep the
 * browser's default font, while the plain form's page set system-ui.
 */
const HEAD = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer portal</title>
<link rel="icon" href="data:,">
<style>
  body { font: 16px system-ui, sans-serif; margin: 2rem; }
</style>`;

/** The login screen's fields as a page without the widget: the floor of the first paint. */
const PLAIN_FORM = `${HEAD}
<style>
  form { display: grid; gap: 0.5rem; max-width: 24rem; }
  input { font: inherit; padding: 0.5rem; }
</style>
</head>
<body>
<main>
<h1>Customer portal</h1>
<h2>Log in</h2>
<form method="post" action="/login">
  <label for="number">Customer number</label>
  <input id="number" name="customer-number" type="text" autocomplete="username">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password">
  <label><input type="checkbox" name="remember"> Remember my customer number on this device</label>
  <button type="submit">log in</button>
</form>
<p><a href="#forgot">Forgot your password</a></p>
</main>
</body>
</html>`;

/** A page whose script inserts the widget's script tag and element, as a site owner's may. */
function insertingPage(serviceUrl: string, mode: 'inline' | 'launcher'): string {
  return `${HEAD}
</head>
<body>
<main>
<h1>Customer portal</h1>
</main>
<script>
  window.portalBench.insertedAt = performance.now();
  const script = document.createElement('script');
  script.type = 'module';
  script.src = ${JSON.stringify(`${serviceUrl}/widget/customer-portal.js`)};
  document.head.append(script);
  const portal = document.createElement('customer-portal');
  portal.setAttribute('api', ${JSON.stringify(serviceUrl)});
  portal.setAttribute('mode', ${JSON.stringify(mode)});
  document.querySelector('main').append(portal);
</script>
</body>
</html>`;
}
