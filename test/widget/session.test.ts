/**
 * The session in the page: one request per submit however often the button is pressed,
 * the busy state while waiting, and the access token renewed before it expires.
 */
import { assert, equal, waitFor } from './support/assert.ts';
import {
  button,
  click,
  mountPortal,
  submitLogin,
  type,
  unmountAll,
  waitForView,
} from './support/portal.ts';
import {
  createActiveCustomer,
  readMail,
  startTestService,
  stopTestService,
} from './support/service.ts';

describe('the session in the page', () => {
  let api: string;
  before(async () => {
    // A short access token, so its renewal happens within a test.
    api = await startTestService({ env: { PORTAL_ACCESS_TOKEN_SECONDS: '62' } });
  });
  after(() => stopTestService(api));
  afterEach(unmountAll);

  it('pressing "reset password" three times sends one request, and the button shows it is busy', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    click(portal, 'Forgot your password?');
    await waitForView(portal, 'forgot');
    type(portal, 'Customer number', customer.number);
    const submit = button(portal, 'Reset password');
    submit.click();
    submit.click();
    submit.click();
    await waitFor(
      () => submit.getAttribute('aria-disabled') === 'true' || !submit.isConnected,
      'the busy state',
    );
    await waitForView(portal, 'forgot-sent');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const mails = (await readMail(api)).filter(
      (mail) => mail.kind === 'password_reset' && mail.to.startsWith(customer.number.toLowerCase()),
    );
    equal(mails.length, 1, 'one reset email');
  });

  it('the access token is renewed through the cookie shortly before it expires', async function () {
    this.timeout(15_000);
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    submitLogin(portal, customer.number, customer.password);
    await waitForView(portal, 'account');
    const first = await portal.getAccessToken();
    assert(first, 'a token');
    // 62 s tokens are renewed 60 s before they expire, at the earliest after 5 s.
    const renewed = await waitFor(
      async () => {
        const token = await portal.getAccessToken();
        return token !== first && token;
      },
      'a renewed token',
      9000,
    );
    const me = await fetch(`${api}/api/me`, { headers: { Authorization: `Bearer ${renewed}` } });
    equal(me.status, 200, 'the renewed token works');
    equal((await me.json()).number, customer.number, 'for the same customer');
  });
});
