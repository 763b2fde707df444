/**
 * @module GET and PATCH /api/me: the signed-in customer, and their preferred language
 * (server/accounts/me.ts).
 */
import { Hono } from 'hono';
import { changeLanguage, showMe } from '../accounts/me.ts';
import { UpdateMeRequestSchema } from '../contract.ts';
import { requireCustomer } from '../http/middleware/authenticate.ts';
import { requestOrigin } from '../http/middleware/request-log.ts';
import { parseBody } from '../http/parse-body.ts';
import type { AppEnv, Services } from '../services.ts';

export function meRoutes(services: Services) {
  return new Hono<AppEnv>()
    .use(requireCustomer(services))
    .get('/', (c) => c.json(showMe(c.get('customer'))))
    .patch('/', async (c) => {
      const { language } = await parseBody(c, UpdateMeRequestSchema);
      const origin = requestOrigin(c);
      return c.json(await changeLanguage(services, c.get('customer'), language, origin));
    });
}
