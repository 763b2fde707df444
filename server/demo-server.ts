/**
 * @module The demo WAPP landing page (demo/), served on its own port from another site
 * than the service ("localhost" against "127.0.0.1"), so cross-site cookies, CORS and the
 * Origin check work exactly as on a dealer's real page. `{{SERVICE_URL}}` in the page
 * becomes the service's URL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { DEMO_DIRECTORY } from './project-paths.ts';

export function createDemoApp(serviceUrl: string) {
  const page = () =>
    readFileSync(join(DEMO_DIRECTORY, 'index.html'), 'utf8').replaceAll(
      '{{SERVICE_URL}}',
      serviceUrl,
    );
  return new Hono()
    .use(async (c, next) => {
      await next();
      c.res.headers.set('X-Content-Type-Options', 'nosniff');
      c.res.headers.set('Referrer-Policy', 'no-referrer');
    })
    .get('/', (c) => c.html(page()))
    .get('/index.html', (c) => c.html(page()))
    .use('/*', serveStatic({ root: DEMO_DIRECTORY }));
}
