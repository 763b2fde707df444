/**
 * @module Serves a Hono app over HTTP on Node, and stops it gracefully (S32): no new
 * connections, requests in flight finish, idle keep-alive connections close.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type Fetch = Parameters<typeof serve>[0]['fetch'];

/** Listens on `host:port` (port 0 picks a free one); a port in use rejects with one line. */
export function listen(fetch: Fetch, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port }) as Server;
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `port ${port} on ${host} is already in use: stop the other program or set another port`,
            )
          : error,
      );
    });
    server.once('listening', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}`,
        port: actualPort,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
