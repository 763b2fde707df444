/**
 * @module The operators' API under /admin/customers (S27): a bearer operator token compared
 * in constant time, off (404) when none is configured. It never returns a password or hash.
 * An address that sends 10 wrong tokens in 15 minutes waits out the window (429).
 */
import { type Context, Hono } from 'hono';
import { secretsEqual } from '../auth/random-tokens.ts';
import { recordFailure, secondsLocked } from '../auth/throttle.ts';
import { CustomerListQuerySchema, ResendInitialPasswordRequestSchema } from '../contract.ts';
import { ApiError, tooManyAttempts } from '../http/api-error.ts';
import { bearerToken } from '../http/middleware/authenticate.ts';
import { requestOrigin } from '../http/middleware/request-log.ts';
import { readJson } from '../http/parse-body.ts';
import { listCustomerPage } from '../operations/list-customers.ts';
import {
  createCustomer,
  describeCustomer,
  listCustomerAudit,
  type Operator,
  ProvisioningError,
  removeCustomer,
  resendInitialPassword,
  setCustomerEnabled,
  unlockCustomer,
} from '../operations/provisioning.ts';
import { warnAboutSharedEmail } from '../operations/shared-email-warning.ts';
import { updateCustomer } from '../operations/update-customer.ts';
import { recordSecurityEvent } from '../security-events.ts';
import type { AppEnv, Services } from '../services.ts';
import { inTransaction } from '../store/query.ts';
import { validate } from '../validate.ts';
import { buildAdminOpenApi } from './admin-openapi.ts';

export function adminRoutes(services: Services) {
  const { db, config, clock, logger } = services;
  const adminToken = config.adminToken;
  const app = new Hono<AppEnv>();
  if (adminToken === null) {
    return app.all('*', () => {
      throw new ApiError(
        'not_found',
        'The admin API is off: set PORTAL_ADMIN_TOKEN to turn it on.',
      );
    });
  }

  const openApi = buildAdminOpenApi(config);
  const operator = (c: Context<AppEnv>): Operator => ({
    db,
    config,
    clock,
    logger,
    source: `admin:${c.get('address')}`,
    requestId: c.get('requestId'),
  });
  // Operator mistakes become the contract's errors.
  const run = async <T>(action: () => T | Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      if (error instanceof ProvisioningError) {
        throw new ApiError(error.code, error.message, error.field ? { field: error.field } : {});
      }
      throw error;
    }
  };

  return app
    .use(async (c, next) => {
      const origin = requestOrigin(c);
      const now = clock.now();
      // Too many wrong tokens from here: the token is not even looked at, as for logins (S08).
      const wait = await secondsLocked(db, 'admin', origin.address, now);
      if (wait > 0) {
        await recordSecurityEvent(
          services,
          { action: 'admin_throttled', customer: null, ...origin, detail: `waits ${wait} s` },
          now,
        );
        throw tooManyAttempts(wait);
      }
      const token = bearerToken(c.req.header('Authorization'));
      if (!token || !secretsEqual(token, adminToken)) {
        await inTransaction(db, async (tx) => {
          await recordFailure(tx, 'admin', origin.address, now);
          // Who knocked, from where; never what they sent as a token.
          await recordSecurityEvent(
            { ...services, db: tx },
            {
              action: 'admin_refused',
              customer: null,
              ...origin,
              detail: token ? 'wrong operator token' : 'no operator token',
            },
            now,
          );
        });
        throw new ApiError('unauthorized', 'Send the operator token as "Authorization: Bearer …".');
      }
      return next();
    })
    .get('/openapi.json', (c) => c.json(openApi))
    .get('/customers', async (c) => {
      const query = validate(CustomerListQuerySchema, c.req.query());
      if (!query.ok) {
        throw new ApiError('invalid_request', query.message, { field: query.field });
      }
      return c.json(await listCustomerPage(operator(c), query.value));
    })
    .post('/customers', async (c) => {
      const input = await readJson(c);
      const customer = await run(() => createCustomer(operator(c), input));
      const warnings = await warnAboutSharedEmail(db, customer.email, customer.number);
      return c.json({ customer, warnings }, 201);
    })
    .patch('/customers/:number', async (c) => {
      const input = await readJson(c);
      const { customer, warnings } = await run(() =>
        updateCustomer(operator(c), c.req.param('number'), input),
      );
      return c.json({ customer, warnings });
    })
    .get('/customers/:number', async (c) => {
      const customer = await run(() => describeCustomer(operator(c), c.req.param('number')));
      const audit = await run(() => listCustomerAudit(operator(c), customer.number, 50));
      return c.json({ customer, audit });
    })
    .post('/customers/:number/resend-initial-password', async (c) => {
      // Optional body {"force": true}: also for a customer who already chose a password.
      // No body (or no JSON object) is no force; a force that is no boolean is a mistake.
      const body = await c.req.json().catch(() => null);
      const options = validate(ResendInitialPasswordRequestSchema, body ?? {});
      if (!options.ok && options.field === 'force') {
        throw new ApiError('invalid_request', options.message, { field: 'force' });
      }
      const force = options.ok && options.value.force === true;
      return c.json({
        customer: await run(() =>
          resendInitialPassword(operator(c), c.req.param('number'), {
            replaceChosenPassword: force,
          }),
        ),
      });
    })
    .post('/customers/:number/unlock', async (c) =>
      c.json({
        customer: await run(() => unlockCustomer(operator(c), c.req.param('number'))),
      }),
    )
    .post('/customers/:number/disable', async (c) =>
      c.json({
        customer: await run(() => setCustomerEnabled(operator(c), c.req.param('number'), false)),
      }),
    )
    .post('/customers/:number/enable', async (c) =>
      c.json({
        customer: await run(() => setCustomerEnabled(operator(c), c.req.param('number'), true)),
      }),
    )
    .delete('/customers/:number', async (c) => {
      await run(() => removeCustomer(operator(c), c.req.param('number')));
      return c.body(null, 204);
    });
}
