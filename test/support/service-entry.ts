/**
 * @module The service as `npm start` runs it (`startPortal`, then `stopOnSignals`), for
 * tests that run it as a process of its own (service-process.ts). It leaves out what
 * start.ts adds for a newcomer, the widget build and the banner, so that a test never
 * builds into the dist/ folder of a tree other people work in.
 */
import { loadConfig } from '../../server/config.ts';
import { createLogger, writeToStdout } from '../../server/log.ts';
import { startPortal, stopOnSignals } from '../../server/portal.ts';

const config = loadConfig(process.env);
stopOnSignals(await startPortal(config, createLogger(writeToStdout, { level: config.logLevel })));
