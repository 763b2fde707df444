/**
 * @module POST /api/login: parses the request, logs in (server/accounts/login.ts) and
 * answers with a session, or with the change token of an initial password (S14).
 */
import { Hono } from 'hono';
import { logIn } from '../accounts/login.ts';
import { LoginRequestSchema } from '../contract.ts';
import { requestOrigin } from '../http/middleware/request-log.ts';
import { parseBody } from '../http/parse-body.ts';
import { sendSession } from '../http/session-response.ts';
import type { AppEnv, Services } from '../services.ts';

export function loginRoutes(services: Services) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const request = await parseBody(c, LoginRequestSchema);
    const outcome = await logIn(services, request, requestOrigin(c));
    if (outcome.status === 'ok') return sendSession(c, services, outcome.session, outcome.customer);
    // The change token is a secret too: never in a shared cache.
    c.header('Cache-Control', 'no-store');
    return c.json(outcome, 200);
  });
}
