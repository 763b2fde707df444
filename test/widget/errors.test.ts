/**
 * What the customer reads when the service says no: each error of the contract, as the
 * real service answers it, shows its translated sentence (the table itself is checked
 * for every code and language in languages.test.ts).
 */
import { equal, includes, waitFor } from './support/assert.ts';
import {
  click,
  mountPortal,
  submitLogin,
  type,
  unmountAll,
  waitForMessage,
  waitForView,
} from './support/portal.ts';
import {
  advanceServiceClock,
  createActiveCustomer,
  createCustomer,
  newCustomerNumber,
  startTestService,
  stopTestService,
} from './support/service.ts';
import { reachView } from './support/views.ts';

describe('error sentences from the real service', () => {
  let api: string;
  before(async () => {
    api = await startTestService({ clock: 'manual' });
  });
  after(() => stopTestService(api));
  afterEach(unmountAll);

  it('invalid_credentials: a wrong password says to check the number and the password', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    submitLogin(portal, customer.number, 'Wrong7!password');
    await waitForMessage(portal, 'The customer number or the password is not correct.');
  });

  it('too_many_attempts: after five wrong passwords the portal says how long to wait (S08)', async () => {
    const number = newCustomerNumber();
    const portal = await mountPortal({ api });
    for (let attempt = 1; attempt <= 5; attempt++) {
      submitLogin(portal, number, `Wrong7!attempt${attempt}`);
      await waitForMessage(portal, 'is not correct');
      await waitFor(() => !portal.querySelector('[aria-disabled="true"]'), 'the form ready again');
    }
    submitLogin(portal, number, 'Wrong7!attempt6');
    const text = await waitForMessage(portal, 'Too many attempts');
    includes(text, 'please wait 1 minute and try again', 'the wait, in words');
  });

  it('invalid_current_password: a wrong "Previous password" says so (A.4)', async () => {
    const { portal } = await reachView(api, 'change-initial');
    type(portal, 'Previous password', 'NotWhatWeSent7!');
    type(portal, 'New password', 'Fresh7!passwordQ');
    type(portal, 'Re-enter new password', 'Fresh7!passwordQ');
    click(portal, 'Change password');
    await waitForMessage(portal, 'The previous password is not correct.');
    equal(
      portal.querySelector('.cp-root > *')?.localName,
      'customer-portal-change-initial',
      'the customer stays to try again',
    );
  });

  it('password_policy: a password on the blocklist is refused with the reason (S03)', async () => {
    const { portal, customer } = await reachView(api, 'change-initial');
    type(portal, 'Previous password', customer?.password ?? '');
    type(portal, 'New password', 'Password1!');
    type(portal, 'Re-enter new password', 'Password1!');
    click(portal, 'Change password');
    await waitForMessage(portal, 'The new password is too common and easy to guess.');
  });

  it('password_unchanged: the new password must differ from the previous one', async () => {
    const { portal, customer } = await reachView(api, 'change-initial');
    const initial = customer?.password ?? '';
    type(portal, 'Previous password', initial);
    type(portal, 'New password', initial);
    type(portal, 'Re-enter new password', initial);
    click(portal, 'Change password');
    await waitForMessage(portal, 'The new password must be different from the previous one.');
  });

  it('unauthorized: a "Change password" window left open past its 10 minutes starts again at the login (S14)', async () => {
    const customer = await createCustomer(api);
    const portal = await mountPortal({ api });
    submitLogin(portal, customer.number, customer.password);
    await waitForView(portal, 'change-initial');
    await advanceServiceClock(api, 11 * 60 * 1000);
    type(portal, 'Previous password', customer.password);
    type(portal, 'New password', 'Fresh7!passwordQ');
    type(portal, 'Re-enter new password', 'Fresh7!passwordQ');
    click(portal, 'Change password');
    await waitForView(portal, 'login');
    await waitForMessage(
      portal,
      'For your security, this step has timed out. Please log in again.',
    );
  });

  it('invalid_or_expired_link: an old reset link says to ask for a new one, and offers "Forgot your password"', async () => {
    const { portal } = await reachView(api, 'reset');
    type(portal, 'New password', 'Fresh7!passwordQ');
    type(portal, 'Re-enter new password', 'Fresh7!passwordQ');
    click(portal, 'set password');
    await waitForMessage(portal, 'This link is no longer valid');
    click(portal, 'Forgot your password');
    await waitForView(portal, 'forgot');
  });

  it('a session ended elsewhere (logout in another tab) says to log in again', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    submitLogin(portal, customer.number, customer.password);
    await waitForView(portal, 'account');
    const token = await portal.getAccessToken();
    await fetch(`${api}/api/logout`, {
      method: 'POST',
      credentials: 'include',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    click(portal, 'Save');
    await waitForView(portal, 'login');
    await waitForMessage(portal, 'Your session has ended. Please log in again.');
  });

  it('network: a service that cannot be reached says to check the connection', async () => {
    const portal = await mountPortal({ api: 'http://127.0.0.1:9' });
    submitLogin(portal, 'A-1', 'Whatever7!pass');
    await waitForMessage(portal, 'The customer portal cannot be reached right now.');
  });
});
