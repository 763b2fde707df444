/**
 * @module The password routes: change (help text A.4, and from the internal area),
 * forgot (C.2, C.3) and reset (C.5, C.6). Each parses, calls its verb in
 * server/accounts/ and answers.
 */
import { Hono } from 'hono';
import { changePassword, identifyChanger } from '../accounts/change-password.ts';
import { forgotPassword } from '../accounts/forgot-password.ts';
import { checkResetLink, resetPassword } from '../accounts/reset-password.ts';
import {
  ChangePasswordRequestSchema,
  CheckResetLinkRequestSchema,
  type CheckResetLinkResponse,
  ForgotPasswordRequestSchema,
  type ForgotPasswordResponse,
  ResetPasswordRequestSchema,
} from '../contract.ts';
import { bearerToken } from '../http/middleware/authenticate.ts';
import { requestOrigin } from '../http/middleware/request-log.ts';
import { parseBody } from '../http/parse-body.ts';
import { sendSession } from '../http/session-response.ts';
import type { AppEnv, Services } from '../services.ts';

export function passwordRoutes(services: Services) {
  return new Hono<AppEnv>()
    .post('/change', async (c) => {
      // Before the body: without a valid token the answer is 401, whatever was sent.
      const changer = await identifyChanger(services, bearerToken(c.req.header('Authorization')));
      const request = await parseBody(c, ChangePasswordRequestSchema);
      const changed = await changePassword(services, changer, request, requestOrigin(c));
      if (!changed) return c.body(null, 204);
      return sendSession(c, services, changed.session, changed.customer);
    })

    .post('/forgot', async (c) => {
      const request = await parseBody(c, ForgotPasswordRequestSchema);
      const sendLink = await forgotPassword(services, request, requestOrigin(c));
      // After the answer, so only the address's count is on its time (S07).
      services.afterAnswers.run(c, sendLink);
      const body: ForgotPasswordResponse = { status: 'accepted' };
      return c.json(body, 202);
    })

    .post('/reset', async (c) => {
      const request = await parseBody(c, ResetPasswordRequestSchema);
      const reset = await resetPassword(services, request, requestOrigin(c));
      // A reset logs the customer in (help text C.6; S15).
      return sendSession(c, services, reset.session, reset.customer);
    })

    .post('/reset/check', async (c) => {
      const request = await parseBody(c, CheckResetLinkRequestSchema);
      await checkResetLink(services, request, requestOrigin(c));
      const body: CheckResetLinkResponse = { status: 'valid' };
      return c.json(body, 200);
    });
}
