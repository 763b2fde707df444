/**
 * The help text's flows in the widget against the real service: A (first connection,
 * change of the initial password), C (forgot, reset link), the internal area, logout.
 */
import { assert, equal, includes, waitFor } from './support/assert.ts';
import {
  click,
  currentView,
  field,
  messageText,
  mountPortal,
  pickLanguage,
  submitLogin,
  type,
  unmountAll,
  waitForMessage,
  waitForView,
} from './support/portal.ts';
import {
  createActiveCustomer,
  createCustomer,
  newPassword,
  readMail,
  startTestService,
  stopTestService,
  type TestCustomer,
} from './support/service.ts';

describe('the customer help text, step by step', () => {
  let api: string;
  before(async () => {
    api = await startTestService();
  });
  after(() => stopTestService(api));
  afterEach(unmountAll);

  it('A.3–A.5: the initial password leads to "Change password", then back to the login with the number filled in', async () => {
    const customer = await createCustomer(api);
    const portal = await mountPortal({ api });
    submitLogin(portal, customer.number, customer.password);
    await waitForView(portal, 'change-initial');
    const chosen = newPassword();
    type(portal, 'Previous password', customer.password);
    type(portal, 'New password', chosen);
    type(portal, 'Re-enter new password', chosen);
    click(portal, 'Change password');
    await waitForView(portal, 'login');
    await waitForMessage(portal, 'Your password has been changed');
    equal(
      field(portal, 'Customer number').value,
      customer.number,
      'the customer number on the login',
    );
    type(portal, 'Password', chosen);
    click(portal, 'Log in');
    const account = await waitForView(portal, 'account');
    includes(account.textContent, customer.number, 'the internal area shows the customer number');
    includes(account.textContent, customer.name, 'the internal area shows the name');
  });

  it('C.2–C.6: "Forgot your password", the email\'s link, "set password", and the customer is in the internal area', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    type(portal, 'Customer number', customer.number);
    click(portal, 'Forgot your password?');
    await waitForView(portal, 'forgot');
    equal(field(portal, 'Customer number').value, customer.number, 'the number carried over');
    click(portal, 'Reset password');
    const sent = await waitForView(portal, 'forgot-sent');
    includes(
      sent.textContent,
      'An email containing a confirmation link has been sent to the email address registered in our system',
      'C.3 message',
    );
    const mail = await waitFor(
      async () => (await readMail(api)).find((item) => item.kind === 'password_reset'),
      'the reset email',
    );
    const link = /(http\S*#portal-reset=[\w-]+&lang=en)/.exec(mail.text)?.[1];
    assert(link, 'the reset email holds a link');
    location.hash = new URL(link).hash;
    await waitForView(portal, 'reset');
    equal(location.hash, '', 'the token left the address bar');
    const chosen = newPassword();
    type(portal, 'New password', chosen);
    type(portal, 'Re-enter new password', chosen);
    click(portal, 'Set password');
    await waitForView(portal, 'account');
    includes(messageText(portal), 'You are now logged in', 'C.6 confirmation');
  });

  it('C.3 with a mistyped number: the answer repeats the number as typed, and the customer corrects it there (Italian)', async () => {
    const portal = await mountPortal({ api, lang: 'it' });
    click(portal, 'Password dimenticata?');
    await waitForView(portal, 'forgot');
    type(portal, 'Numero cliente', '1001 2354');
    click(portal, 'Reimposta la password');
    const sent = await waitForView(portal, 'forgot-sent');
    includes(
      sent.textContent?.replace(/\s+/g, ' '),
      'Il numero cliente che ha inserito 1001 2354',
      'the number, as typed, where the typo shows',
    );
    click(portal, 'Correggi il numero cliente');
    await waitForView(portal, 'forgot');
    equal(field(portal, 'Numero cliente').value, '1001 2354', 'to correct, not to type again');
  });

  it('A.5: a customer number typed with spaces, as printed in a letter ("1001 2345"), logs in', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    const spaced = `${customer.number.slice(0, 4)} ${customer.number.slice(4)}`;
    submitLogin(portal, spaced, customer.password);
    const account = await waitForView(portal, 'account');
    includes(account.textContent, customer.number, 'logged in as the customer, number as stored');
  });

  it('after a failed login, "Write to us" already carries the typed customer number in the subject', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    submitLogin(portal, customer.number, 'Wrong7!password');
    await waitForMessage(portal, 'is not correct');
    const mailto = await waitFor(
      () => portal.shadowRoot?.querySelector<HTMLAnchorElement>('a[href^="mailto:"]'),
      'the support link',
    );
    equal(
      new URL(mailto.href).searchParams.get('subject'),
      `Customer portal – customer number ${customer.number}`,
      'the number the customer typed, for support',
    );
  });

  it('A.6: "Log out" in the top right-hand corner ends the session and shows the login', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    submitLogin(portal, customer.number, customer.password);
    await waitForView(portal, 'account');
    const token = await portal.getAccessToken();
    assert(token, 'a logged-in customer has an access token for the site owner');
    click(portal, 'Log out');
    await waitForView(portal, 'login');
    await waitForMessage(portal, 'You have been logged out');
    equal(await portal.getAccessToken(), null, 'no token after logout');
    assert(currentView(portal), 'login is shown');
  });
});

describe('the internal area and what the portal keeps', () => {
  let api: string;
  before(async () => {
    api = await startTestService();
  });
  after(() => stopTestService(api));
  afterEach(unmountAll);

  /** Logs in a customer whose password is their own (A.5), and waits for the internal area. */
  function logIn(portal: HTMLElement, customer: TestCustomer, remember = false) {
    submitLogin(portal, customer.number, customer.password, { remember });
    return waitForView(portal, 'account');
  }

  it('S24: a name with markup shows as text, and no markup from it runs', async () => {
    const name = '<img src=x onerror="window.injected=true">Mallory';
    const customer = await createActiveCustomer(api, { name });
    const portal = await mountPortal({ api });
    const account = await logIn(portal, customer);
    includes(account.querySelector('h2')?.textContent, name, 'the name, character for character');
    equal(portal.querySelector('img'), null, 'no image element was made');
    equal((window as { injected?: boolean }).injected, undefined, 'no handler ran');
  });

  it("the internal area shows name and number, the site owner's content, and the support address with the number in the subject", async () => {
    const customer = await createActiveCustomer(api, { name: 'Anna Bianchi' });
    const portal = await mountPortal({
      api,
      content: '<p slot="account" id="dealer-content">Your contracts</p>',
    });
    const account = await logIn(portal, customer);
    includes(account.textContent, 'Anna Bianchi', 'the name');
    includes(account.textContent, customer.number, 'the number');
    const slot = portal.shadowRoot?.querySelector<HTMLSlotElement>('slot[name="account"]');
    equal(slot?.assignedElements()[0]?.id, 'dealer-content', "the site owner's content is shown");
    const mailto = await waitFor(
      () => portal.shadowRoot?.querySelector<HTMLAnchorElement>('a[href^="mailto:"]'),
      'the support link',
    );
    const subject = new URL(mailto.href).searchParams.get('subject');
    equal(
      subject,
      `Customer portal – customer number ${customer.number}`,
      'the number in the subject',
    );
    const logout = portal.shadowRoot?.querySelector('[part="logout"]');
    assert(logout, '"Log out" in the header');
  });

  it('the page gets portal-login, portal-logout and portal-language-change events', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api, lang: 'en' });
    const events: string[] = [];
    portal.addEventListener('portal-login', (event) =>
      events.push(`login ${event.detail.customer.number}`),
    );
    portal.addEventListener('portal-logout', (event) =>
      events.push(`logout ${event.detail.reason}`),
    );
    portal.addEventListener('portal-language-change', (event) =>
      events.push(`language ${event.detail.language}`),
    );
    await logIn(portal, customer);
    await pickLanguage(portal, 'it');
    click(portal, 'Esci');
    await waitForView(portal, 'login');
    equal(
      events.join(', '),
      `login ${customer.number}, language it, logout logout`,
      'the events, in order',
    );
  });

  it('a session survives the page: a new portal picks it up through the refresh cookie', async () => {
    const customer = await createActiveCustomer(api);
    const first = await mountPortal({ api });
    await logIn(first, customer);
    first.remove();
    const next = await mountPortal({ api });
    const account = await waitForView(next, 'account');
    includes(account.textContent, customer.number, 'logged in without typing anything');
  });

  it('on a shared computer, "Log out" leaves no customer number filled in when "remember me" was not ticked', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    await logIn(portal, customer);
    click(portal, 'Log out');
    await waitForView(portal, 'login');
    equal(field(portal, 'Customer number').value, '', 'the next person sees an empty field');
    const mailto = portal.shadowRoot?.querySelector<HTMLAnchorElement>('a[href^="mailto:"]');
    equal(
      mailto && new URL(mailto.href).searchParams.get('subject'),
      'Customer portal',
      'nor the number in the support subject',
    );
  });

  it('S16/S25: the access token is in memory only; "remember me" keeps the number, and the page only that it has a session here', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    await logIn(portal, customer, true);
    const token = await portal.getAccessToken();
    assert(token, 'a token');
    const stored = [
      ...Object.values(localStorage),
      ...Object.values(sessionStorage),
      document.cookie,
    ].join(' ');
    assert(!stored.includes(token), 'the token is in no storage and no page-readable cookie');
    equal(
      JSON.stringify(Object.entries(localStorage).sort()),
      JSON.stringify([
        ['customer-portal:customer-number', customer.number],
        ['customer-portal:sessions', api],
      ]),
      'only the customer number is kept, and which service this browser has a session with',
    );
    click(portal, 'Log out');
    await waitForView(portal, 'login');
    equal(
      field(portal, 'Customer number').value,
      customer.number,
      'the number is filled in next time',
    );
    equal(
      field(portal, 'Remember my customer number on this device').checked,
      true,
      '"remember me" stays ticked',
    );
  });

  it('"Clear history" forgets the language, the remembered number and the session, and logs out', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api, lang: 'en' });
    await logIn(portal, customer, true);
    await pickLanguage(portal, 'de');
    click(portal, 'Verlauf löschen');
    await waitForView(portal, 'login');
    equal(localStorage.length, 0, 'nothing kept in this browser');
    equal(await portal.getAccessToken(), null, 'logged out');
    equal(field(portal, 'Kundennummer').value, '', 'the number is no longer filled in');
    const refresh = await fetch(`${api}/api/session/refresh`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    // 204: the browser no longer even holds the refresh cookie (the service revoked the
    // session itself too; the server tests show that with a kept copy of the cookie, S19).
    equal(refresh.status, 204, 'no session cookie left in this browser');
  });

  it('the preferred language is saved for the emails', async () => {
    const customer = await createActiveCustomer(api, { language: 'en' });
    const portal = await mountPortal({ api });
    await logIn(portal, customer);
    field(portal, 'Preferred language').value = 'fr';
    click(portal, 'Save');
    await waitForMessage(portal, 'Your preferred language has been saved.');
    const token = await portal.getAccessToken();
    const me = await (
      await fetch(`${api}/api/me`, { headers: { Authorization: `Bearer ${token}` } })
    ).json();
    equal(me.language, 'fr', 'the service keeps French');
  });

  it('"Change password" in the internal area opens a new session and confirms it', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    await logIn(portal, customer);
    const before = await portal.getAccessToken();
    click(portal, 'Change password');
    await waitFor(() => portal.querySelector('input[name="current-password"]'), 'the form');
    const chosen = newPassword();
    type(portal, 'Previous password', customer.password);
    type(portal, 'New password', chosen);
    type(portal, 'Re-enter new password', chosen);
    const submit = [...portal.querySelectorAll<HTMLButtonElement>('button[type="submit"]')].find(
      (element) => element.textContent?.trim() === 'Change password',
    );
    submit?.click();
    await waitForMessage(portal, 'Your password has been changed.');
    const after = await portal.getAccessToken();
    assert(after && after !== before, 'a new access token');
    const changed = await waitFor(
      async () => (await readMail(api)).find((mail) => mail.kind === 'password_changed'),
      'the "password changed" email',
    );
    includes(changed.to, customer.number.toLowerCase(), 'sent to the customer');
  });
});
