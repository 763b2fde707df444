/**
 * @module Runs the whole portal: the auth service, the mail worker (with SMTP) and the
 * hourly pruning of old rows; in development also the demo WAPP page and a demo customer
 * on an empty database, which production never has.
 */

import { createApp, hasDevMailbox } from './app.ts';
import { ensureSigningKey } from './auth/access-tokens.ts';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { createDemoApp } from './demo-server.ts';
import { createAfterAnswers } from './http/after-answer.ts';
import { listen, type RunningServer } from './http-server.ts';
import type { Logger } from './log.ts';
import { startMailWorker } from './mail/worker.ts';
import { createCustomer, ProvisioningError } from './operations/provisioning.ts';
import { startPruning } from './pruning.ts';
import { countCustomers } from './store/customers.ts';
import { databaseLocation, openDatabase } from './store/database.ts';

export const DEMO_CUSTOMER = {
  number: '10012345',
  name: 'Erika Muster',
  email: 'erika.muster@example.com',
  language: 'de',
} as const;

export interface RunningPortal {
  service: RunningServer;
  /** The demo WAPP page; null in production. */
  demo: RunningServer | null;
  /** The demo customer's number when this start created it. */
  demoCustomer: string | null;
  stop(): Promise<void>;
}

export async function startPortal(
  config: Readonly<Config>,
  logger: Logger,
  clock: Clock = systemClock,
): Promise<RunningPortal> {
  const db = await openDatabase(databaseLocation(config));
  await ensureSigningKey(db, clock);
  let demoCustomer: string | null = null;
  if (!config.production && (await countCustomers(db)) === 0) {
    const operator = { db, config, clock, source: 'npm start' };
    try {
      demoCustomer = (await createCustomer(operator, DEMO_CUSTOMER)).number;
    } catch (error) {
      // Another instance on the same database, starting at the same time, made it.
      if (!(error instanceof ProvisioningError && error.code === 'customer_exists')) throw error;
    }
  }
  const afterAnswers = createAfterAnswers(logger);
  const app = createApp({ config, db, clock, logger, afterAnswers });
  let service: RunningServer;
  let demo: RunningServer | null = null;
  try {
    service = await listen(app.fetch, config.host, config.port);
  } catch (error) {
    await db.close();
    throw error;
  }
  if (!config.production) {
    try {
      demo = await listen(createDemoApp(config.serviceUrl).fetch, config.host, config.demoPort, {
        host: 'PORTAL_HOST',
        port: 'DEMO_PORT',
      });
    } catch (error) {
      await service.close();
      await db.close();
      throw error;
    }
  }
  const worker = config.smtpUrl ? startMailWorker({ db, config, logger, clock }) : null;
  const pruning = startPruning({ db, config, clock, logger });
  return {
    service,
    demo,
    demoCustomer,
    async stop() {
      await Promise.all([service.close(), demo?.close()]);
      // A reset link asked for just before the stop is made and queued before the close.
      await afterAnswers.settled();
      await Promise.all([worker?.stop(), pruning.stop()]);
      await db.close();
    },
  };
}

/**
 * Stops the portal on Ctrl-C or SIGTERM and exits 0 (S32): requests in flight are
 * answered, the mail being sent is finished, and the database is closed first.
 */
export function stopOnSignals(portal: RunningPortal): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      await portal.stop();
      process.exit(0);
    });
  }
}

export { hasDevMailbox };
