/**
 * @module Work a request causes that its answer must not wait for, so the time the answer
 * takes cannot tell what the work was (S07). It starts as soon as the answer has been
 * handed to the connection; a failure is logged, never thrown. The work is kept track of:
 * a stop waits for it before the database closes (S32), and a test can wait for it before
 * it looks. A crash in between loses the work, whole.
 *
 * @example
 * const sendLink = await forgotPassword(services, request, requestOrigin(c));
 * services.afterAnswers.run(c, sendLink);
 * return c.json(body, 202);
 */
import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { Logger } from '../log.ts';
import type { AppEnv } from '../services.ts';

export interface AfterAnswers {
  /** Runs `work` once the answer of `c` is out. */
  run(c: Context<AppEnv>, work: () => Promise<void>): void;
  /** Settles when every piece of work started or waiting so far has ended. */
  settled(): Promise<void>;
}

export function createAfterAnswers(logger: Logger): AfterAnswers {
  const pending = new Set<Promise<void>>();
  return {
    run(c, work) {
      let start = () => {};
      const done = new Promise<void>((resolve) => {
        start = () => {
          work()
            .catch((error: unknown) => {
              logger.error('after_answer_failed', {
                path: c.req.path,
                requestId: c.get('requestId'),
                error: error instanceof Error ? error.message : String(error),
              });
            })
            .finally(resolve);
        };
      });
      pending.add(done);
      void done.finally(() => pending.delete(done));
      // Served by @hono/node-server: its response closes once written (or the client left).
      const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
      if (outgoing) outgoing.once('close', start);
      // Served in a test through app.request(): right after this turn of the event loop.
      else setImmediate(start);
    },
    async settled() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
