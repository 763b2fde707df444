/**
 * @module The dev mailbox (S28): GET /dev/mail (a page to read the outbox in a browser)
 * and GET /dev/mail.json. Mounted only without SMTP and outside production. It holds
 * initial passwords and reset links, so it answers only to a Host that cannot be an
 * attacker's DNS name rebound to this machine: loopback, an IP address, the service's own.
 */
import { isIP } from 'node:net';
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { Config } from '../config.ts';
import { ApiError } from '../http/api-error.ts';
import type { AppEnv, Services } from '../services.ts';
import { listMails, type OutboxMail } from '../store/outbox.ts';

export function devMailRoutes(services: Services) {
  const { db, config } = services;
  const isAllowedHost = allowedHostCheck(config);

  return new Hono<AppEnv>()
    .use(async (c, next) => {
      // A page on evil.example whose name now resolves to 127.0.0.1 sends Host: evil.example.
      if (!isAllowedHost(c.req.header('Host'))) {
        throw new ApiError(
          'not_found',
          `The dev mailbox answers on localhost, an IP address or ${new URL(config.serviceUrl).host} (PORTAL_SERVICE_URL) only.`,
        );
      }
      return next();
    })
    .get('/mail.json', async (c) =>
      c.json(
        (await listMails(db)).map((mail) => ({
          id: mail.id,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          kind: mail.kind,
          createdAt: new Date(mail.createdAt).toISOString(),
        })),
      ),
    )
    .get('/mail', async (c) => {
      c.header(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'",
      );
      return c.html(mailboxPage(await listMails(db)));
    })
    .get('/mail/:id', async (c) => {
      const mail = (await listMails(db)).find((item) => String(item.id) === c.req.param('id'));
      if (!mail) return c.notFound();
      // The mail's own HTML, sandboxed: no script runs, links open in a new tab.
      c.header(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; sandbox allow-popups allow-popups-to-escape-sandbox",
      );
      return c.html(mail.html.replace('<head>', '<head><base target="_blank">'));
    });
}

function mailboxPage(mails: OutboxMail[]) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dev mailbox</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; }
  details { border: 1px solid #ccc; border-radius: 8px; margin: 0.75rem 0; padding: 0.5rem 1rem; }
  summary { cursor: pointer; font-weight: 600; }
  .meta { color: #555; font-weight: 400; font-size: 0.9rem; }
  pre { white-space: pre-wrap; background: #f6f6f6; padding: 0.75rem; border-radius: 6px; }
  a { color: #0b57d0; }
</style>
</head>
<body>
<h1>Dev mailbox</h1>
<p>Every mail the portal would have sent, newest first. Without <code>SMTP_URL</code> nothing leaves this machine.</p>
${mails.length === 0 ? html`<p>No mail yet.</p>` : ''}
${mails.map(
  (mail, index) => html`<details ${index === 0 ? raw('open') : ''}>
  <summary>${mail.subject} <span class="meta">to ${mail.to}, ${new Date(mail.createdAt).toISOString()} (${mail.kind})</span></summary>
  <pre>${linkify(mail.text)}</pre>
  <p><a href="/dev/mail/${mail.id}" target="_blank">Open the HTML version</a></p>
</details>`,
)}
</body>
</html>`;
}

/**
 * Whether a Host header names this machine in a way DNS rebinding cannot fake: a loopback
 * name (`localhost`, `*.localhost`, which browsers never ask DNS for), an IP address, or
 * the host of PORTAL_SERVICE_URL, which the operator chose. The port does not matter.
 */
function allowedHostCheck(
  config: Pick<Config, 'serviceUrl'>,
): (host: string | undefined) => boolean {
  const ownHost = new URL(config.serviceUrl).hostname.toLowerCase();
  return (host) => {
    // A name or an [IPv6] address, and a port: nothing else is a Host a browser sends.
    const match = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::\d{1,5})?$/i.exec(host ?? '');
    if (!match) return false;
    const [, ipv6, name = ''] = match;
    if (ipv6 !== undefined) return isIP(ipv6) === 6;
    const hostname = name.toLowerCase();
    return (
      hostname === ownHost ||
      hostname === 'localhost' ||
      hostname.endsWith('.localhost') ||
      isIP(hostname) === 4
    );
  };
}

/** The text part with its URLs as links, everything else escaped. */
function linkify(text: string) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return parts.map((part, index) =>
    index % 2 === 1 ? html`<a href="${part}">${part}</a>` : html`${part}`,
  );
}
