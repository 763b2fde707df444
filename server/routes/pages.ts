/**
 * @module The customer portal link page (GET /) and the built widget under /widget/.
 * The page holds the widget inline, with a strict CSP and no inline script (S23).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import { revalidation } from '../http/middleware/revalidation.ts';
import { WIDGET_DIRECTORY } from '../project-paths.ts';
import type { AppEnv, Services } from '../services.ts';

const PORTAL_PAGE = fileURLToPath(new URL('../pages/portal.html', import.meta.url));
const PORTAL_STYLES = fileURLToPath(new URL('../pages/portal.css', import.meta.url));

/** The CSP of the service's own pages (the portal link page, /help): no inline script or style. */
export function pageContentSecurityPolicy(config: Readonly<Config>): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // No inline style either: the widget's styles are constructed stylesheets
    // (adoptedStyleSheets), which CSP does not count as inline.
    "style-src 'self'",
    `connect-src 'self'`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors ${config.frameAncestors.join(' ')}`,
  ].join('; ');
}

export function pageRoutes(services: Services) {
  const { config } = services;
  const csp = pageContentSecurityPolicy(config);

  // Part of the service like its code: read once at start, not per request.
  const page = readFileSync(PORTAL_PAGE, 'utf8');
  const styles = readFileSync(PORTAL_STYLES, 'utf8');

  // Each is revalidated on every view (the widget's entry, with the first paint, too).
  const revalidated = revalidation();
  return new Hono<AppEnv>()
    .get('/', revalidated, (c) => {
      c.header('Content-Security-Policy', csp);
      c.header('Cache-Control', 'no-cache');
      return c.html(page);
    })
    .get('/portal.css', revalidated, (c) => {
      c.header('Content-Type', 'text/css; charset=utf-8');
      c.header('Cache-Control', 'no-cache');
      return c.body(styles);
    })
    .use('/widget/*', revalidated, async (c, next) => {
      // Not built yet (a test of the API alone): answer 404 instead of failing at start.
      if (!existsSync(WIDGET_DIRECTORY)) return c.notFound();
      widgetFiles ??= serveWidgetFiles();
      return widgetFiles(c, next);
    });
}

let widgetFiles: MiddlewareHandler | undefined;

const serveWidgetFiles = () =>
  serveStatic({
    root: WIDGET_DIRECTORY,
    // The build writes .br and .gz beside each file: 17 KB on the wire instead of 61 KB.
    precompressed: true,
    rewriteRequestPath: (path) => path.replace(/^\/widget/, ''),
    onFound: (path, c) => {
      // Hashed chunks (`[name]-[hash].js`, vite.config.ts) never change. The other files keep
      // their names from version to version (the entry, its typings, custom-elements.json,
      // the VS Code data), so they are revalidated.
      const immutable = /-[\w-]{8}\.js(\.br|\.gz)?$/.test(path);
      c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      // Hono's table says .ts is an MPEG transport stream; this one is a TypeScript declaration.
      if (path.endsWith('.d.ts')) c.header('Content-Type', 'application/typescript; charset=utf-8');
      // Any site owner's page may load the script; the API itself keeps its allow-list.
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    },
  });
