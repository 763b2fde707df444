/**
 * @module `afterAnswer`: work a request causes that its answer must not wait for, so the
 * time the answer takes cannot tell what the work was (S07). It runs as soon as the
 * answer has been handed to the connection, in this process, before the next request
 * is read; a failure is logged, never thrown. A crash in between loses the work, whole.
 *
 * @example
 * afterAnswer(c, services.logger, () => sendResetLink(services, request, now));
 * return c.json(body, 202);
 */
import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { Logger } from '../log.ts';
import type { AppEnv } from '../services.ts';

export function afterAnswer(c: Context<AppEnv>, logger: Logger, work: () => Promise<void>): void {
  const run = async () => {
    try {
      await work();
    } catch (error) {
      logger.error('after_answer_failed', {
        path: c.req.path,
        requestId: c.get('requestId'),
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  // Served by @hono/node-server: its response closes once written (or the client left).
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (outgoing) outgoing.once('close', run);
  // Served in a test through app.request(): right after this turn of the event loop.
  else setImmediate(run);
}
