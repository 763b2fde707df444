/**
 * @module Serves a Hono app over HTTP on Node, and stops it gracefully (S32): no new
 * connections, requests in flight finish, keep-alive connections close as they go idle,
 * and a client that never finishes its request cannot hold the stop past a deadline.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { serve } from '@hono/node-server';

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
