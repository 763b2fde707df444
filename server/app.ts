/**
 * @module The auth service as a Hono app, composed in one place from its routes and the
 * browser rules. `createApp` takes every dependency as a parameter, so a test builds an
 * isolated service on its own SQLite file with a clock it controls.
 *
 * @example
 * const app = createApp({ config: loadConfig({}), db: openDatabase(':memory:') });
 */
import { Hono } from 'hono';
import { createAccessTokens } from './auth/access-tokens.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { LIMITS } from './contract.ts';
import { type AfterAnswers, createAfterAnswers } from './http/after-answer.ts';
import { ApiError, sendError } from './http/api-error.ts';
import { clientAddress } from './http/client-address.ts';
import { bodyLimit } from './http/middleware/body-limit.ts';
import { cors } from './http/middleware/cors.ts';
import { requireAllowedOrigin, requireJson } from './http/middleware/csrf.ts';
import { requestLog } from './http/middleware/request-log.ts';
import { securityHeaders } from './http/middleware/security-headers.ts';
import { createLogger, type Logger, writeToStdout } from './log.ts';
import { adminRoutes } from './routes/admin.ts';
import { devMailRoutes } from './routes/dev-mail.ts';
import { helpRoutes } from './routes/help.ts';
import { loginRoutes } from './routes/login.ts';
import { meRoutes } from './routes/me.ts';
import { pageRoutes } from './routes/pages.ts';
import { passwordRoutes } from './routes/password.ts';
import { publicInfoRoutes } from './routes/public-info.ts';
import { sessionRoutes } from './routes/session.ts';
import type { AppEnv, Services } from './services.ts';
import type { Db } from './store/database.ts';

export interface AppDependencies {
  config: Readonly<Config>;
  db: Db;
  clock?: Clock;
  logger?: Logger;
  /** To wait for the work after answers (a stop, a test); one of its own by default. */
  afterAnswers?: AfterAnswers;
}

/** The dev mailbox exists only without SMTP and outside production (S28). */
export function hasDevMailbox(config: Config): boolean {
  return config.smtpUrl === null && !config.production;
}

export function createApp(dependencies: AppDependencies) {
  const { config, db } = dependencies;
  const clock = dependencies.clock ?? systemClock;
  const logger = dependencies.logger ?? createLogger(writeToStdout, { level: config.logLevel });
  const services: Services = {
    config,
    db,
    clock,
    logger,
    tokens: createAccessTokens(db, config, clock),
    afterAnswers: dependencies.afterAnswers ?? createAfterAnswers(logger),
  };
  const session = sessionRoutes(services);

  const app = new Hono<AppEnv>();
  // First: every answer, refusals, preflights and errors included, gets its log line.
  app.use(requestLog(logger, { behindProxy: config.trustedProxyHeader !== null }));
  app.use(async (c, next) => {
    c.set('address', clientAddress(c, config.trustedProxyHeader));
    return next();
  });
  app.use(securityHeaders({ https: new URL(config.serviceUrl).protocol === 'https:' }));
  // First, so that every API answer, the refusals below included, is never cached.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use('/api/*', cors(config.allowedOrigins));
  app.use('/api/*', bodyLimit(LIMITS.bodyMaxBytes));
  app.use('/api/*', requireJson());
  app.use('/api/*', requireAllowedOrigin(config.allowedOrigins));
  // The operators' API is called from a CRM, not a browser: JSON and a bearer token, no Origin.
  app.use('/admin/*', bodyLimit(LIMITS.bodyMaxBytes));
  app.use('/admin/*', requireJson({ allowNoBody: true }));

  app.route('/', publicInfoRoutes(services));
  app.route('/api/login', loginRoutes(services));
  app.route('/api/password', passwordRoutes(services));
  app.route('/api/session', session.refresh);
  app.route('/api/logout', session.logout);
  app.route('/api/me', meRoutes(services));
  app.route('/admin', adminRoutes(services));
  if (hasDevMailbox(config)) app.route('/dev', devMailRoutes(services));
  app.route('/help', helpRoutes(services));
  app.route('/', pageRoutes(services));

  app.notFound((c) =>
    sendError(c, new ApiError('not_found', `Nothing here: ${c.req.method} ${c.req.path}`)),
  );
  app.onError((error, c) => {
    if (error instanceof ApiError) return sendError(c, error);
    // Never the request body or headers: they may hold passwords or tokens (S05).
    logger.error('request_failed', {
      method: c.req.method,
      path: c.req.path,
      requestId: c.get('requestId'),
      error: error.message,
    });
    return sendError(
      c,
      new ApiError('internal_error', 'Something went wrong on our side. Please try again.'),
    );
  });
  return app;
}
