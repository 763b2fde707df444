/**
 * @module A real SMTP server on loopback for tests (smtp-server), keeping what it receives
 * and reading it with just enough MIME: headers, encoded words, quoted-printable, base64.
 */
import assert from 'node:assert/strict';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { freePort } from './free-port.ts';

export interface ReceivedMail {
  envelopeTo: string[];
  headers: Map<string, string>;
  subject: string;
  messageId: string;
  text: string;
  html: string;
}

export interface MailServer {
  port: number;
  received: ReceivedMail[];
  /** Message-IDs of every DATA the server read, also the ones it then turned away. */
  attempts: string[];
  close(): Promise<void>;
}

export interface MailServerOptions {
  port?: number;
  secure?: boolean;
  /** The only user and password the server accepts; without it, no login is asked for. */
  login?: { user: string; pass: string };
  /** Answers the first DATA this many times with "451 try again later". */
  refuseFirst?: number;
  /** Called when a message arrives, before it is accepted; the server waits for it. */
  beforeAccept?: () => Promise<void>;
}

export async function startMailServer(options: MailServerOptions = {}): Promise<MailServer> {
  const received: ReceivedMail[] = [];
  const attempts: string[] = [];
  let refusals = options.refuseFirst ?? 0;
  const login = options.login;
  const serverOptions: SMTPServerOptions = {
    secure: options.secure ?? false,
    // The built-in certificate is self-signed; plain smtp:// tests do without STARTTLS.
    disabledCommands: options.secure ? [] : ['STARTTLS'],
    authOptional: !login,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (login && auth.username === login.user && auth.password === login.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = parseMail(Buffer.concat(chunks).toString('latin1'));
        mail.envelopeTo = session.envelope.rcptTo.map((address) => address.address);
        attempts.push(mail.messageId);
        if (refusals > 0) {
          refusals -= 1;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        void (options.beforeAccept?.() ?? Promise.resolve()).then(() => {
          received.push(mail);
          callback();
        });
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  assert.ok(address && typeof address === 'object');
  return {
    port: address.port,
    received,
    attempts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with nothing listening on it: an SMTP server that is down. */
export const findFreePort = freePort;

// ---------------------------------------------------------------------------
// Just enough MIME to read what nodemailer sends: headers, encoded words, QP and base64

function parseMail(raw: string): ReceivedMail {
  const { headers, body } = splitHeaders(raw);
  const mail: ReceivedMail = {
    envelopeTo: [],
    headers,
    subject: decodeEncodedWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text: '',
    html: '',
  };
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const part of parts) {
    const section = splitHeaders(part.replace(/^\r\n/, ''));
    const content = decodeBody(section.body, section.headers.get('content-transfer-encoding'));
    const type = section.headers.get('content-type') ?? '';
    if (type.startsWith('text/plain')) mail.text = content;
    if (type.startsWith('text/html')) mail.html = content;
  }
  return mail;
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, end).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(end + 4) };
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable')
    return bytesOfQuoted(body.replace(/=\r\n/g, '')).toString('utf8');
  return Buffer.from(body, 'latin1').toString('utf8');
}

function bytesOfQuoted(text: string): Buffer {
  return Buffer.from(
    text.replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    ),
    'latin1',
  );
}

/** RFC 2047: `=?UTF-8?Q?...?=` words; the space between two of them is not text. */
function decodeEncodedWords(value: string): string {
  const word = /=\?utf-8\?([qb])\?([^?]*)\?=/gi;
  const bytes: Buffer[] = [];
  for (const piece of value.replace(/\?=\s+=\?/g, '?==?').split(/(=\?utf-8\?[qb]\?[^?]*\?=)/i)) {
    const match = word.exec(piece);
    word.lastIndex = 0;
    if (!match) bytes.push(Buffer.from(piece, 'latin1'));
    else if (match[1]?.toLowerCase() === 'b') bytes.push(Buffer.from(match[2] ?? '', 'base64'));
    else bytes.push(bytesOfQuoted((match[2] ?? '').replaceAll('_', ' ')));
  }
  return Buffer.concat(bytes).toString('utf8');
}
