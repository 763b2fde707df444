/**
 * @module Serves a Hono app over HTTP on Node, and stops it gracefully (S32): no new
 * connections, requests in flight finish, keep-alive connections close as they go idle,
 * and a client that never finishes its request cannot hold the stop past a deadline.
 * What Node refuses before the app sees it (headers too large, no HTTP, too slow) gets
 * a contract error code too (S26).
 */
import { type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from './contract.ts';

/**
 * How long a stop waits for the requests in flight: far longer than any answer takes
 * (argon2 is tens of milliseconds), shorter than a service manager waits before SIGKILL.
 */
export const STOP_DEADLINE_MILLISECONDS = 10_000;

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type Fetch = Parameters<typeof serve>[0]['fetch'];

/** The configuration variables behind a server's address, for its error messages. */
export interface AddressVariables {
  host: string;
  port: string;
}

/**
 * Listens on `host:port` (port 0 picks a free one). A port in use, a privileged port or
 * an address this machine does not have rejects with one line naming the variable to change.
 */
export function listen(
  fetch: Fetch,
  host: string,
  port: number,
  variables: AddressVariables = { host: 'PORTAL_HOST', port: 'PORT' },
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port }) as Server;
    server.on('clientError', answerClientError);
    // Node leaves a connection open for keep-alive after its answer even once the server
    // is closing, and serves whatever comes next on it: a client (or a proxy's pool) that
    // keeps sending would keep the process alive for good. So once stopping, every answer
    // still to be written says `Connection: close`, and Node ends its connection after it.
    let stopping = false;
    const unanswered = new Set<ServerResponse>();
    server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => {
      if (stopping) response.setHeader('Connection', 'close');
      unanswered.add(response);
      response.once('close', () => unanswered.delete(response));
    });
    const closeAfterAnswers = () => {
      stopping = true;
      for (const response of unanswered) {
        if (!response.headersSent) response.setHeader('Connection', 'close');
        // Headers already out (a streamed answer): close the connection once it is done.
        else response.once('finish', () => server.closeIdleConnections());
      }
    };
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(describeListenError(error, host, port, variables));
    });
    server.once('listening', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}`,
        port: actualPort,
        close: () =>
          new Promise<void>((done) => {
            closeAfterAnswers();
            // Node stops timing requests out once the server closes, so a client that never
            // finishes sending one would hold the stop for good: past the deadline it goes.
            const deadline = setTimeout(
              () => server.closeAllConnections(),
              STOP_DEADLINE_MILLISECONDS,
            );
            deadline.unref();
            server.close(() => {
              clearTimeout(deadline);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}

/** Node's codes for a request it cannot read, and what we answer; anything else is a 400. */
const CLIENT_ERRORS: Partial<Record<string, { code: ErrorCode; message: string }>> = {
  HPE_HEADER_OVERFLOW: {
    code: 'headers_too_large',
    message: 'The request headers are too large.',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    code: 'payload_too_large',
    message: 'The request body is too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    code: 'request_timeout',
    message: 'The request did not arrive in time.',
  },
};

/** Connections answered already: Node reports each further chunk it cannot read again. */
const refusedConnections = new WeakSet<Duplex>();

/**
 * Answers a request Node could not read, in place of Node's bare status line: the same
 * JSON error body as every other refusal, then the connection goes, as Node's own does.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (refusedConnections.has(socket)) return;
  refusedConnections.add(socket);
  // As in Node's handler: never write into an answer already under way on this connection
  // (`_httpMessage` is the response in progress; Node has no public name for it).
  const inProgress = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (!socket.writable || inProgress?.headersSent) {
    socket.destroy();
    return;
  }
  const { code, message } = CLIENT_ERRORS[error.code ?? ''] ?? {
    code: 'invalid_request',
    message: 'The request could not be read as HTTP.',
  };
  const status = ERROR_STATUS[code];
  const body: ErrorBody = { error: code, message };
  const json = JSON.stringify(body);
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(json)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: no-referrer',
    'Connection: close',
  ];
  // Closed once the answer is handed to the system, or after a second if it cannot be.
  socket.end(`${head.join('\r\n')}\r\n\r\n${json}`, () => socket.destroy());
  setTimeout(() => socket.destroy(), 1_000).unref();
}

function describeListenError(
  error: NodeJS.ErrnoException,
  host: string,
  port: number,
  variables: AddressVariables,
): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new Error(
        `port ${port} on ${host} is already in use: stop the other program or set ${variables.port} to another port`,
      );
    case 'EACCES':
      return new Error(
        `port ${port} on ${host} needs more privileges than this user has: set ${variables.port} to a port above 1023`,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new Error(
        `${variables.host} is "${host}", which is not an address of this machine: set it to one, such as 127.0.0.1 or 0.0.0.0 (${error.code})`,
      );
    default:
      return new Error(
        `cannot listen on ${host}:${port} (${variables.host}, ${variables.port}): ${error.message}`,
      );
  }
}
