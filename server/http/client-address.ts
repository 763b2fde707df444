/**
 * @module The client's address, for throttling and the audit log (S09): the socket's,
 * or behind a proxy the last hop of the one header the configuration trusts.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export function clientAddress(c: Context, trustedHeader: string | null): string {
  if (trustedHeader) {
    // The proxy appends the address it saw; anything before it the client may have forged.
    const hops = (c.req.header(trustedHeader) ?? '').split(',').map((hop) => hop.trim());
    const last = hops.at(-1);
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
