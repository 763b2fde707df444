/**
 * @module Brings a portal to each of its screens the way a customer gets there, against
 * the real service: for the tests that look at every screen (languages, accessibility).
 */
import type { CustomerPortal } from '../../../widget/customer-portal.ts';
import { click, mountPortal, submitLogin, type, waitForView } from './portal.ts';
import {
  createActiveCustomer,
  createCustomer,
  requestResetToken,
  type TestCustomer,
} from './service.ts';

export const VIEWS = [
  'login',
  'change-initial',
  'forgot',
  'forgot-sent',
  'reset',
  'account',
] as const;
export type ViewName = (typeof VIEWS)[number];

export interface ReachedView {
  portal: CustomerPortal;
  customer: TestCustomer | null;
}

/** A portal (in English) showing `view`; `account` has the site owner's content in its slot. */
export async function reachView(api: string, view: ViewName): Promise<ReachedView> {
  switch (view) {
    case 'login':
      return { portal: await mountPortal({ api, lang: 'en' }), customer: null };
    case 'forgot':
    case 'forgot-sent': {
      const portal = await mountPortal({ api, lang: 'en' });
      click(portal, 'Forgot your password?');
      await waitForView(portal, 'forgot');
      if (view === 'forgot-sent') {
        type(portal, 'Customer number', 'NO-SUCH-CUSTOMER');
        click(portal, 'Reset password');
        await waitForView(portal, 'forgot-sent');
      }
      return { portal, customer: null };
    }
    case 'reset': {
      // A link that works: one no longer valid shows no fields (see reset-link.test.ts).
      const customer = await createActiveCustomer(api);
      history.replaceState(null, '', `#portal-reset=${await requestResetToken(api, customer)}`);
      const portal = await mountPortal({ api, lang: 'en' });
      await waitForView(portal, 'reset');
      return { portal, customer };
    }
    case 'change-initial': {
      const customer = await createCustomer(api);
      const portal = await mountPortal({ api, lang: 'en' });
      submitLogin(portal, customer.number, customer.password);
      await waitForView(portal, 'change-initial');
      return { portal, customer };
    }
    case 'account': {
      const customer = await createActiveCustomer(api);
      const portal = await mountPortal({
        api,
        lang: 'en',
        content: '<p slot="account">Your contracts are listed here by your dealer.</p>',
      });
      submitLogin(portal, customer.number, customer.password);
      await waitForView(portal, 'account');
      return { portal, customer };
    }
  }
}
