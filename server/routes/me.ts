/**
 * @module GET and PATCH /api/me: the signed-in customer, and their preferred language
 * (used for their mails).
 */
import { Hono } from 'hono';
import { UpdateMeRequestSchema } from '../contract.ts';
import { ApiError } from '../http/api-error.ts';
import { requireCustomer } from '../http/middleware/authenticate.ts';
import { requestOrigin } from '../http/middleware/request-log.ts';
import { parseBody } from '../http/parse-body.ts';
import { recordSecurityEvent } from '../security-events.ts';
import type { AppEnv, Services } from '../services.ts';
import { findCustomerById, toCustomer, updateLanguage } from '../store/customers.ts';
import { inTransaction } from '../store/query.ts';

export function meRoutes(services: Services) {
  const { db, clock } = services;
  const currentCustomer = async (customerId: number) => {
    const customer = await findCustomerById(db, customerId);
    if (!customer) throw new ApiError('unauthorized', 'Log in to continue.');
    return customer;
  };

  return new Hono<AppEnv>()
    .use(requireCustomer(services))
    .get('/', (c) => c.json(toCustomer(c.get('customer'))))
    .patch('/', async (c) => {
      const { language } = await parseBody(c, UpdateMeRequestSchema);
      const customer = await currentCustomer(c.get('customerId'));
      await inTransaction(db, async (tx) => {
        await updateLanguage(tx, customer.id, language);
        await recordSecurityEvent(
          { ...services, db: tx },
          { action: 'language_changed', customer, ...requestOrigin(c), detail: language },
          clock.now(),
        );
      });
      return c.json(toCustomer(await currentCustomer(customer.id)));
    });
}
