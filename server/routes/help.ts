/**
 * @module The customer help as pages of the service: GET /help (the reader's language,
 * from Accept-Language), GET /help/{de,fr,it,en}, its stylesheet and print script, and
 * the pictures of each step (docs/help/{language}/{step}.png, made by
 * `npm run help:pictures`), which the widget's help view shows too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { trimTrailingSlash } from 'hono/trailing-slash';
import { de } from '../../locales/help/de.ts';
import { en } from '../../locales/help/en.ts';
import { fr } from '../../locales/help/fr.ts';
import type { HelpText } from '../../locales/help/help-text.ts';
import { it } from '../../locales/help/it.ts';
import { LANGUAGES, type Language } from '../contract.ts';
import { revalidation } from '../http/middleware/revalidation.ts';
import { type HelpPicture, renderHelpPage } from '../pages/help-page.ts';
import type { AppEnv, Services } from '../services.ts';
import { pageContentSecurityPolicy } from './pages.ts';

const HELP: Readonly<Record<Language, HelpText>> = { de, fr, it, en };
const HELP_STYLES = fileURLToPath(new URL('../pages/help.css', import.meta.url));
const HELP_SCRIPT = fileURLToPath(new URL('../pages/help-print.js', import.meta.url));
/** Beside the sources in docs/help/; the build copies it to dist/docs/help/. */
const PICTURES = fileURLToPath(new URL('../../docs/help/', import.meta.url));
const PICTURE_FILE = /^[abc]-\d+\.png$/;

export function helpRoutes(services: Services) {
  const { config } = services;
  const csp = pageContentSecurityPolicy(config);
  // Depends on configuration and files only: rendered once at start, not per request.
  const pictures = readPictures();
  const pages = new Map(
    LANGUAGES.map((language) => [
      language,
      renderHelpPage(HELP[language], {
        // The customer portal link page is the service's own; PORTAL_PUBLIC_URL may be the site owner's.
        portalUrl: new URL('/', config.serviceUrl).href,
        supportEmail: config.supportEmail,
        wappUrl: config.wappUrl,
        brandName: config.brandName,
        pictureOf: (step) => pictures.get(`${language}/${step}.png`)?.info,
      }),
    ]),
  );
  const styles = readFileSync(HELP_STYLES, 'utf8');
  const script = readFileSync(HELP_SCRIPT, 'utf8');

  return (
    new Hono<AppEnv>()
      // A link typed or pasted as /help/ or /help/fr/ finds the page too.
      .use(trimTrailingSlash())
      // The pages and pictures are no-cache: a browser that has them gets a 304.
      .use(revalidation())
      .get('/', (c) => {
        c.header('Vary', 'Accept-Language');
        c.header('Cache-Control', 'no-cache');
        return c.redirect(`/help/${preferredLanguage(c.req.header('Accept-Language'))}`, 302);
      })
      .get('/help.css', (c) => {
        c.header('Content-Type', 'text/css; charset=utf-8');
        c.header('Cache-Control', 'no-cache');
        return c.body(styles);
      })
      .get('/help-print.js', (c) => {
        c.header('Content-Type', 'text/javascript; charset=utf-8');
        c.header('Cache-Control', 'no-cache');
        return c.body(script);
      })
      .get('/pictures/:language/:file', (c) => {
        const picture = pictures.get(`${c.req.param('language')}/${c.req.param('file')}`);
        if (!picture) return c.notFound();
        c.header('Content-Type', 'image/png');
        c.header('Cache-Control', 'no-cache');
        // The widget's help view shows them on the site owner's page, another origin.
        c.header('Cross-Origin-Resource-Policy', 'cross-origin');
        return c.body(new Uint8Array(picture.bytes));
      })
      .get('/:language', (c) => {
        const page = pages.get(c.req.param('language') as Language);
        if (!page) return c.notFound();
        c.header('Content-Security-Policy', csp);
        c.header('Cache-Control', 'no-cache');
        return c.html(page);
      })
  );
}

/** The first supported language of an Accept-Language header, by its weights; else English. */
export function preferredLanguage(header: string | undefined): Language {
  const ranked = (header ?? '')
    .split(',')
    .map((item, index) => {
      const [tag = '', ...parameters] = item.trim().split(';');
      const weight = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase().split('-')[0], q: Number(weight ?? 1), index };
    })
    .filter((item) => item.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const found = ranked.find((item) => (LANGUAGES as readonly string[]).includes(item.tag ?? ''));
  return (found?.tag as Language | undefined) ?? 'en';
}

/** Every picture of docs/help/, by "de/a-3.png", with its size for the page's `<img>`. */
function readPictures(): Map<string, { bytes: Buffer; info: HelpPicture }> {
  const pictures = new Map<string, { bytes: Buffer; info: HelpPicture }>();
  for (const language of LANGUAGES) {
    const folder = join(PICTURES, language);
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((name) => PICTURE_FILE.test(name))) {
      const bytes = readFileSync(join(folder, file));
      // A PNG's IHDR chunk holds its width and height at bytes 16 and 20.
      const info = {
        url: `/help/pictures/${language}/${file}`,
        width: bytes.readUInt32BE(16),
        height: bytes.readUInt32BE(20),
      };
      pictures.set(`${language}/${file}`, { bytes, info });
    }
  }
  return pictures;
}
