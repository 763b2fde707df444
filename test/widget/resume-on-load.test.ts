/**
 * The session on load: a browser that had no session with the service sees the login at
 * once, while the check for one goes on in the background; one that had waits for it and
 * sees its account, never the login first.
 */
import { assert, equal, waitFor } from './support/assert.ts';
import {
  field,
  focusedIn,
  mountPortal,
  submitLogin,
  unmountAll,
  viewName,
  waitForView,
} from './support/portal.ts';
import { createActiveCustomer, startTestService, stopTestService } from './support/service.ts';

/**
 * Holds the service's answers to the session check (POST /api/session/refresh) until
 * `release()`, as a slow network or a far service does; the requests go out at once.
 */
function holdSessionChecks() {
  const send = window.fetch;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held = { requests: 0, answered: false };
  window.fetch = async (input, init) => {
    if (!String(input).endsWith('/api/session/refresh')) return send(input, init);
    held.requests += 1;
    const [response] = await Promise.all([send(input, init), released]);
    held.answered = true;
    return response;
  };
  return {
    held,
    release() {
      window.fetch = send;
      release();
    },
  };
}

/** The screens the portals of the page show, in order, from now on. */
function recordScreens(): { shown: string[]; stop(): void } {
  const shown: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && node.parentElement?.classList.contains('cp-root')) {
          shown.push(node.localName.replace('customer-portal-', ''));
        }
      }
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return { shown, stop: () => observer.disconnect() };
}

/** Logs in, then leaves the page's portal as a reload does: the session lives on in the cookie. */
async function logInAndLeave(api: string): Promise<void> {
  const customer = await createActiveCustomer(api);
  const portal = await mountPortal({ api });
  submitLogin(portal, customer.number, customer.password);
  await waitForView(portal, 'account');
  portal.remove();
  // The page forgets a session no portal uses once the current task is over.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('the session on load', () => {
  let api: string;
  before(async () => {
    api = await startTestService();
  });
  after(() => stopTestService(api));
  afterEach(unmountAll);

  it('without a session in this browser before, the login can be used before the service answers the session check', async () => {
    const checks = holdSessionChecks();
    try {
      const portal = await mountPortal({ api });
      equal(viewName(portal), 'login', 'the first screen');
      await waitFor(() => checks.held.requests > 0, 'the session check sent');
      const input = field(portal, 'Customer number');
      input.focus();
      equal(focusedIn(portal), input, 'the customer number field takes focus');
      equal(checks.held.answered, false, 'the session check is still unanswered');
      checks.release();
      await waitFor(() => checks.held.answered, 'the answer to the session check');
      // No session: the customer stays where they are.
      await new Promise((resolve) => setTimeout(resolve, 100));
      equal(viewName(portal), 'login', 'still the login');
      equal(focusedIn(portal), input, 'focus stays in the customer number field');
    } finally {
      checks.release();
    }
  });

  it('a reload after a login shows the account, and never the login before it', async () => {
    await logInAndLeave(api);
    const screens = recordScreens();
    const checks = holdSessionChecks();
    try {
      const mounted = mountPortal({ api, keepStorage: true });
      await waitFor(() => checks.held.requests > 0, 'the session check sent');
      await new Promise((resolve) => setTimeout(resolve, 300));
      equal(screens.shown.length, 0, 'no screen while the session check is unanswered');
      checks.release();
      const portal = await mounted;
      await waitForView(portal, 'account');
      equal(screens.shown.join(' '), 'account', 'the screens shown');
    } finally {
      checks.release();
      screens.stop();
    }
  });

  it('with the browser storage cleared but the session cookie alive, the login shows at once, then the account, which does not take focus', async () => {
    await logInAndLeave(api);
    const checks = holdSessionChecks();
    try {
      // mountPortal clears the storage, as a customer clearing the site's data does.
      const portal = await mountPortal({ api });
      equal(viewName(portal), 'login', 'the first screen');
      field(portal, 'Customer number').focus();
      checks.release();
      const account = await waitForView(portal, 'account');
      const heading = account.querySelector('h2');
      assert(heading, "the account's heading");
      assert(focusedIn(portal) !== heading, 'focus is not moved to the account');
    } finally {
      checks.release();
    }
  });
});
