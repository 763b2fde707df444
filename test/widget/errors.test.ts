/**
 * What the customer reads when the service says no: each error of the contract, as the
 * real service answers it, shows its translated sentence (the table itself is checked
 * for every code and language in languages.test.ts), where the customer is looking: at
 * the field it is about, or in the message, brought into view.
 */
import { setViewport } from '@web/test-runner-commands';
import type { CustomerPortal } from '../../widget/customer-portal.ts';
import { assert, equal, includes, waitFor } from './support/assert.ts';
import {
  button,
  click,
  field,
  fieldErrorText,
  focusedIn,
  messageText,
  mountPortal,
  settle,
  submitLogin,
  type,
  unmountAll,
  waitForFieldError,
  waitForMessage,
  waitForView,
} from './support/portal.ts';
import {
  advanceServiceClock,
  createActiveCustomer,
  createCustomer,
  newCustomerNumber,
  requestResetToken,
  startTestService,
  stopTestService,
} from './support/service.ts';
import { reachView } from './support/views.ts';

/** How many buttons of the screen and the shell read `text`. */
function buttonsReading(portal: HTMLElement, text: string): number {
  return [
    ...portal.querySelectorAll('button'),
    ...(portal.shadowRoot?.querySelectorAll('button') ?? []),
  ].filter((candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === text).length;
}

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

  it('a lockout comes with a warning: two tries left, one try left, then the wait as a countdown with "Forgot your password?" (French, S08)', async () => {
    const number = newCustomerNumber();
    const portal = await mountPortal({ api, lang: 'fr' });
    const wrong = 'Le numéro de client ou le mot de passe est incorrect.';
    const expected = [
      `${wrong} Veuillez vérifier les deux et réessayer.`,
      `${wrong} Veuillez vérifier les deux et réessayer.`,
      'Après 2 autres tentatives infructueuses, vous devrez patienter un moment avant de pouvoir réessayer.',
      'Après une autre tentative infructueuse, vous devrez patienter un moment avant de pouvoir réessayer.',
      `${wrong} Trop de tentatives.`,
    ];
    for (const [index, sentence] of expected.entries()) {
      submitLogin(portal, number, `Wrong7!attempt${index}`);
      await settle(portal);
      await waitForMessage(portal, sentence);
      await waitFor(() => !portal.querySelector('[aria-disabled="true"]'), 'the form ready again');
    }
    equal(messageText(portal).includes('Après'), false, 'no warning once the wait has started');
    const countdown = () =>
      portal.shadowRoot?.querySelector('[part="message"] .countdown')?.textContent?.trim() ?? '';
    const first = countdown();
    assert(/^(1:00|0:5\d)$/.test(first), `a countdown from one minute, got "${first}"`);
    equal(
      portal.shadowRoot?.querySelector('.countdown')?.getAttribute('aria-hidden'),
      'true',
      'screen readers hear the wait once, in the sentence, not every second',
    );
    await waitFor(() => countdown() !== first, 'the countdown ticking', 3000);
    const offer = portal.shadowRoot?.querySelector<HTMLButtonElement>('[part="message"] button');
    equal(offer?.textContent?.replace(/\s+/g, ' ').trim(), 'Mot de passe oublié ?', 'the way out');
    equal(
      buttonsReading(portal, 'Mot de passe oublié ?'),
      1,
      '"Mot de passe oublié ?" offered once',
    );
    offer?.click();
    const forgot = await waitForView(portal, 'forgot');
    equal(
      forgot.querySelector<HTMLInputElement>('input[name="customer-number"]')?.value,
      number,
      'the number carried over',
    );
  });

  it('an expired initial password, typed right, says it expired and offers "Forgot your password?" (German)', async () => {
    const customer = await createCustomer(api);
    await advanceServiceClock(api, 15 * 24 * 60 * 60 * 1000);
    const portal = await mountPortal({ api, lang: 'de' });
    submitLogin(portal, customer.number, customer.password);
    await waitForMessage(portal, 'Dieses Erstpasswort ist richtig, aber abgelaufen.');
    equal(buttonsReading(portal, 'Passwort vergessen?'), 1, '"Passwort vergessen?" offered once');
    portal.shadowRoot?.querySelector<HTMLButtonElement>('[part="message"] button')?.click();
    await waitForView(portal, 'forgot');
    await unmountAll();

    // A wrong password for the same number reads as before: nothing is revealed.
    const again = await mountPortal({ api, lang: 'de' });
    submitLogin(again, customer.number, 'NotThePassword7');
    await waitForMessage(again, 'Die Kundennummer oder das Passwort ist nicht korrekt.');
    assert(!messageText(again).includes('abgelaufen'), 'no word of the expiry');
  });

  it('invalid_current_password: a wrong "Previous password" says so at that field, which gets focus (A.4)', async () => {
    const { portal } = await reachView(api, 'change-initial');
    type(portal, 'Previous password', 'NotWhatWeSent7!');
    type(portal, 'New password', 'Fresh7!passwordQ');
    type(portal, 'Re-enter new password', 'Fresh7!passwordQ');
    click(portal, 'Change password');
    await waitForFieldError(portal, 'Previous password', 'The previous password is not correct.');
    await waitFor(
      () => focusedIn(portal) === field(portal, 'Previous password'),
      'focus on "Previous password"',
    );
    equal(messageText(portal), '', 'said once, at the field, not again at the top');
    equal(
      portal.querySelector('.cp-root > *')?.localName,
      'customer-portal-change-initial',
      'the customer stays to try again',
    );
    type(portal, 'Previous password', 'Corrected7!');
    await waitFor(
      () => fieldErrorText(portal, 'Previous password') === '',
      'the error gone once the customer corrects the field',
    );
  });

  it('password_policy: a password on the blocklist is refused with the reason, at "New password" (S03)', async () => {
    const { portal, customer } = await reachView(api, 'change-initial');
    type(portal, 'Previous password', customer?.password ?? '');
    type(portal, 'New password', 'Password1!');
    type(portal, 'Re-enter new password', 'Password1!');
    click(portal, 'Change password');
    await waitForFieldError(
      portal,
      'New password',
      'The new password is too common and easy to guess.',
    );
    await waitFor(
      () => focusedIn(portal) === field(portal, 'New password'),
      'focus on "New password"',
    );
    equal(messageText(portal), '', 'not also in the message at the top');
  });

  it('password_unchanged: the new password must differ from the previous one, said at "New password"', async () => {
    const { portal, customer } = await reachView(api, 'change-initial');
    const initial = customer?.password ?? '';
    type(portal, 'Previous password', initial);
    type(portal, 'New password', initial);
    type(portal, 'Re-enter new password', initial);
    click(portal, 'Change password');
    await waitForFieldError(
      portal,
      'New password',
      'The new password must be different from the previous one.',
    );
  });

  it('invalid_request about the customer number marks that field, not only a general sentence', async () => {
    const portal = await mountPortal({ api });
    submitLogin(portal, 'AB/12', 'Whatever7!pass');
    await waitForFieldError(
      portal,
      'Customer number',
      'A customer number has only letters, digits and dashes.',
    );
    await waitFor(
      () => focusedIn(portal) === field(portal, 'Customer number'),
      'focus on the customer number',
    );
    equal(messageText(portal), '', 'no second, general message');
  });

  it('a new submit clears the old message: one message at a time', async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    submitLogin(portal, customer.number, 'Wrong7!password');
    await waitForMessage(portal, 'is not correct');
    await waitFor(() => !portal.querySelector('[aria-disabled="true"]'), 'the form ready again');
    type(portal, 'Password', '');
    click(portal, 'Log in');
    await waitForFieldError(portal, 'Password', 'Please enter your password.');
    equal(messageText(portal), '', 'the old "not correct" is gone');
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

  it('invalid_or_expired_link: a link replaced since it opened says so at "Set password", and offers a new link', async () => {
    const { portal, customer } = await reachView(api, 'reset');
    // Meanwhile the customer asked for another link: this one no longer works.
    await requestResetToken(api, customer ?? undefined);
    type(portal, 'New password', 'Fresh7!passwordQ');
    type(portal, 'Re-enter new password', 'Fresh7!passwordQ');
    click(portal, 'Set password');
    const heading = await waitFor(
      () =>
        portal.querySelector('h2')?.textContent?.includes('This link is no longer valid') &&
        portal.querySelector('h2'),
      'the screen saying the link is no longer valid',
    );
    await waitFor(() => document.activeElement === heading, 'focus on that heading');
    click(portal, 'Request a new link');
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

  it('unavailable: a service that is down, behind a page that answers, is our problem, not the connection (German)', async () => {
    const portal = await mountPortal({ api: 'http://127.0.0.1:9', lang: 'de' });
    submitLogin(portal, 'A-1', 'Whatever7!pass');
    const text = await waitForMessage(portal, 'Ihre Internetverbindung funktioniert');
    assert(!text.includes('prüfen Sie Ihre Internetverbindung'), 'no "check your connection"');
  });

  it('unavailable: a proxy that answers 502 in front of the service is our problem too (German)', async () => {
    const portal = await mountPortal({ api, lang: 'de' });
    const realFetch = window.fetch;
    window.fetch = (input, init) =>
      String(input).startsWith(`${api}/api/login`)
        ? Promise.resolve(new Response('<h1>502 Bad Gateway</h1>', { status: 502 }))
        : realFetch(input, init);
    try {
      submitLogin(portal, 'A-1', 'Whatever7!pass');
      await waitForMessage(portal, 'Das Kundenportal ist im Moment nicht erreichbar.');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('network: a device that is offline (not even the page answers) says to check the connection (German)', async () => {
    const portal = await mountPortal({ api, lang: 'de' });
    const realFetch = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    try {
      submitLogin(portal, 'A-1', 'Whatever7!pass');
      await waitForMessage(portal, 'Bitte prüfen Sie Ihre Internetverbindung');
    } finally {
      window.fetch = realFetch;
    }
  });
});

describe('on a phone, the answer shows where the customer is', () => {
  let api: string;
  before(async () => {
    api = await startTestService();
  });
  after(() => stopTestService(api));
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await unmountAll();
  });

  /** True when the element is entirely inside the visible part of the page. */
  function inView(element: Element): boolean {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  }

  it('a failed login scrolled down to "log in" brings the message into view and focuses it', async () => {
    await setViewport({ width: 375, height: 420 });
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    const logIn = button(portal, 'Log in');
    logIn.scrollIntoView({ block: 'end' });
    submitLogin(portal, customer.number, 'Wrong7!password');
    await waitForMessage(portal, 'is not correct');
    const message = portal.shadowRoot?.querySelector('[part="message"]');
    assert(message, 'the message region');
    await waitFor(() => focusedIn(portal) === message, 'focus on the message');
    await waitFor(() => inView(message), 'the message on screen');
    equal(message.getAttribute('aria-live'), 'polite', 'still announced by screen readers');
  });

  it('a "too common" password on a phone: the reason at "New password", on screen and focused', async () => {
    await setViewport({ width: 375, height: 500 });
    const { portal, customer } = await reachView(api, 'change-initial');
    type(portal, 'Previous password', customer?.password ?? '');
    type(portal, 'New password', 'Password1!');
    type(portal, 'Re-enter new password', 'Password1!');
    button(portal, 'Change password').scrollIntoView({ block: 'end' });
    click(portal, 'Change password');
    await waitForFieldError(portal, 'New password', 'too common');
    const input = field(portal, 'New password');
    await waitFor(() => focusedIn(portal) === input, 'focus on "New password"');
    await waitFor(() => inView(input), '"New password" on screen');
  });
});

describe('a page whose origin the service does not allow', () => {
  let api: string;
  before(async () => {
    api = await startTestService({ env: { PORTAL_ALLOWED_ORIGINS: 'https://elsewhere.example' } });
  });
  after(() => stopTestService(api));
  afterEach(unmountAll);

  it('the customer reads that the portal is not available; the site owner finds in the console what to configure', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    let portal: CustomerPortal;
    try {
      portal = await mountPortal({ api });
      submitLogin(portal, 'A-1', 'Whatever7!pass');
      await waitForMessage(portal, 'The customer portal is not available right now.');
    } finally {
      console.warn = warn;
    }
    equal(
      warnings.join('\n'),
      `customer-portal: cannot reach ${api}. If the service is running, add this page's origin (${location.origin}) to PORTAL_ALLOWED_ORIGINS.`,
      'one line for the site owner, with the page origin to add',
    );
    includes(messageText(portal), 'not available', 'the customer sees no configuration talk');
  });
});
