/**
 * @module `revalidation()`: an ETag on the pages and files the service serves with
 * `Cache-Control: no-cache` (the portal link page, /help and its pictures, the widget's
 * files), so that a browser which has one asks again and gets a 304 instead of the whole
 * file: a customer on a phone does not load the widget or the help's pictures anew on
 * every view. Hono's etag middleware, keeping on the 304 the headers a page on another
 * site needs to use the file it has.
 */
import { etag, RETAINED_304_HEADERS } from 'hono/etag';

export function revalidation() {
  return etag({
    retainedHeaders: [
      ...RETAINED_304_HEADERS,
      'access-control-allow-origin',
      'cross-origin-resource-policy',
    ],
  });
}
