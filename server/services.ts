/**
 * @module What every route is given: the dependencies of one running service, built once
 * by `createApp` and passed in as parameters (STYLE 4), so tests can build their own.
 */
import type { AccessTokens } from './auth/access-tokens.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { AfterAnswers } from './http/after-answer.ts';
import type { Logger } from './log.ts';
import type { CustomerRow } from './store/customers.ts';
import type { Db } from './store/database.ts';

export interface Services {
  config: Readonly<Config>;
  db: Db;
  clock: Clock;
  logger: Logger;
  tokens: AccessTokens;
  /** Work after an answer is out (a reset link's mail); a stop waits for it. */
  afterAnswers: AfterAnswers;
}

/** Hono's typed context variables, set by middleware. */
export interface AppEnv {
  Variables: {
    /** Set by `requireCustomer`. */
    customerId: number;
    sessionId: string;
    /** Set by `requireCustomer`: the customer's row, as read with the session. */
    customer: CustomerRow;
    /** Set for every request: the client's address (S09, S27). */
    address: string;
    /** Set for every request by `requestLog`: in its log line, its audit rows, its answer. */
    requestId: string;
  };
}
