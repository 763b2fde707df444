/**
 * Portals on one page, and the site owner's changes at run time: every portal of a page
 * shares the customer's session and one language, and each tells the page what happened;
 * `lang` and `mode` follow changes after load; a value the portal does not know warns
 * once in the console and falls back to the documented default.
 */
import type { Language } from '../../server/contract.ts';
import type { CustomerPortal } from '../../widget/customer-portal.ts';
import { currentLanguage } from '../../widget/localization.ts';
import { assert, equal, includes, waitFor } from './support/assert.ts';
import {
  currentView,
  mountPortal,
  pickLanguage,
  submitLogin,
  unmountAll,
  visibleTexts,
  waitForView,
} from './support/portal.ts';
import { createActiveCustomer, startTestService, stopTestService } from './support/service.ts';

/** The customer number's label in each language: what a customer sees first. */
const NUMBER_LABEL: Record<Language, string> = {
  en: 'Customer number',
  de: 'Kundennummer',
  fr: 'Numéro de client',
  it: 'Numero cliente',
};

/** Waits until the portal's login shows its texts in `language`. */
function waitForLanguage(portal: HTMLElement, language: Language): Promise<unknown> {
  return waitFor(
    () => visibleTexts(portal).includes(NUMBER_LABEL[language]),
    `the login in ${language} (now: ${visibleTexts(portal).slice(0, 6).join(' | ')})`,
  );
}

/** The events of `type` the element emits from now on. */
function recordEvents<T>(element: HTMLElement, type: string): T[] {
  const details: T[] = [];
  element.addEventListener(type, (event) => details.push((event as CustomEvent<T>).detail));
  return details;
}

/** The warnings the portal gives in the console while `action` runs and a moment after. */
async function warningsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  try {
    await action();
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    console.warn = original;
  }
  return warnings.filter((warning) => warning.startsWith('customer-portal:'));
}

describe('several portals on one page, and changes after load', () => {
  let api: string;
  before(async () => {
    api = await startTestService();
  });
  after(() => stopTestService(api));
  afterEach(unmountAll);

  it('logging in through one portal logs in the other: it gives an access token and says portal-login', async () => {
    const customer = await createActiveCustomer(api);
    const inline = await mountPortal({ api });
    const launcher = await mountPortal({ api, mode: 'launcher' });
    const logins = recordEvents<{ customer: { number: string } }>(launcher, 'portal-login');
    equal(await launcher.getAccessToken(), null, 'no token before the login');
    submitLogin(inline, customer.number, customer.password);
    await waitForView(inline, 'account');
    await waitFor(() => logins.length > 0, 'portal-login from the other portal');
    equal(logins[0]?.customer.number, customer.number, 'the customer of its portal-login');
    const token = await launcher.getAccessToken();
    assert(token, 'the other portal gives an access token without a reload');
    equal(token, await inline.getAccessToken(), 'one session: the same token');
    equal(launcher.currentCustomer?.number, customer.number, "the other portal's customer");
    const me = await fetch(`${api}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
    equal(me.status, 200, 'the token works at the service');
  });

  it('logging out in one portal logs out the other, which says portal-logout', async () => {
    const customer = await createActiveCustomer(api);
    const first = await mountPortal({ api });
    const second = await mountPortal({ api });
    submitLogin(first, customer.number, customer.password);
    await waitForView(second, 'account');
    const logouts = recordEvents<{ reason: string }>(second, 'portal-logout');
    const ownLogouts = recordEvents<{ reason: string }>(first, 'portal-logout');
    const logout = first.shadowRoot?.querySelector<HTMLButtonElement>('[part="logout"]');
    assert(logout, 'the "Log out" button');
    logout.click();
    await waitForView(second, 'login');
    await waitFor(() => logouts.length > 0, 'portal-logout from the other portal');
    equal(logouts[0]?.reason, 'logout', 'the reason');
    // The portal used says it once the service has answered its logout request.
    await waitFor(() => ownLogouts.length > 0, 'portal-logout from the portal used');
    await new Promise((resolve) => setTimeout(resolve, 100));
    equal(ownLogouts.length, 1, 'the portal used says it once');
    equal(await second.getAccessToken(), null, 'no token in the other portal');
  });

  it('two portals with different lang start in the language of the first; a pick in one changes both, and both say so', async () => {
    const first = await mountPortal({ api, lang: 'fr' });
    const second = document.createElement('customer-portal');
    second.api = api;
    second.setAttribute('lang', 'it');
    document.querySelector('main')?.append(second);
    try {
      await waitFor(() => currentView(second), 'the second portal');
      await waitForLanguage(second, 'fr');
      await waitForLanguage(first, 'fr');
      const changes = recordEvents<{ language: Language }>(second, 'portal-language-change');
      await pickLanguage(first, 'de');
      await waitForLanguage(second, 'de');
      equal(changes[0]?.language, 'de', "the other portal's portal-language-change");
    } finally {
      second.remove();
    }
  });

  it('a changed lang attribute or property shows every portal in that language at once', async () => {
    const portal = await mountPortal({ api, lang: 'en' });
    const other = await mountPortal({ api, mode: 'inline' });
    portal.setAttribute('lang', 'de');
    await waitForLanguage(portal, 'de');
    await waitForLanguage(other, 'de');
    portal.lang = 'fr';
    await waitForLanguage(portal, 'fr');
    await waitForLanguage(other, 'fr');
  });

  it("setLanguage('it') shows the portal in Italian", async () => {
    const portal = await mountPortal({ api, lang: 'en' });
    await portal.setLanguage('it');
    equal(currentLanguage(), 'it', 'the language once setLanguage resolves');
    await waitForLanguage(portal, 'it');
  });

  it('an unsupported lang warns once in the console and the portal shows as without it', async () => {
    const browserLanguage = currentLanguage();
    let portal: CustomerPortal | undefined;
    const warnings = await warningsDuring(async () => {
      portal = await mountPortal({ api, lang: 'es' as Language });
      await mountPortal({ api, lang: 'es' as Language });
    });
    equal(warnings.length, 1, `one warning (${warnings.join(' / ')})`);
    includes(warnings[0], '"es"', 'the warning names the value');
    assert(portal, 'the portal');
    // Without lang, the first paint uses the browser's language: English in the test browser.
    await waitForLanguage(portal, browserLanguage);
    const later = await warningsDuring(async () => {
      portal?.setAttribute('lang', 'xx');
      await portal?.setLanguage('yy' as Language);
      await portal?.setLanguage('yy' as Language);
    });
    equal(later.length, 2, `one warning per value (${later.join(' / ')})`);
    equal(currentLanguage(), browserLanguage, 'the language stays');
  });

  it('an unsupported mode warns once and the portal shows inline, as by default', async () => {
    const portal = document.createElement('customer-portal');
    portal.api = api;
    portal.setAttribute('mode', 'bogus');
    const warnings = await warningsDuring(async () => {
      document.querySelector('main')?.append(portal);
      await waitForView(portal, 'login');
      portal.setAttribute('mode', 'bogus');
      await portal.updateComplete;
    });
    try {
      equal(warnings.length, 1, `one warning (${warnings.join(' / ')})`);
      includes(warnings[0], 'bogus', 'the warning names the value');
      equal(portal.mode, 'inline', 'the mode');
      assert(
        portal.shadowRoot?.querySelector('[part="panel"]')?.checkVisibility(),
        'the portal shows in place',
      );
    } finally {
      portal.remove();
    }
  });

  it('mode switches between inline and launcher after load', async () => {
    const portal = await mountPortal({ api });
    const panel = () => portal.shadowRoot?.querySelector('[part="panel"]');
    const launcher = () => portal.shadowRoot?.querySelector<HTMLButtonElement>('[part="launcher"]');
    portal.mode = 'launcher';
    await waitFor(() => launcher(), 'the "Customer portal" button');
    equal(panel()?.checkVisibility() ?? false, false, 'the portal hidden until opened');
    launcher()?.click();
    await waitFor(
      () => portal.shadowRoot?.querySelector('dialog')?.open && panel()?.checkVisibility(),
      'the dialog with the portal',
    );
    assert(portal.querySelector('customer-portal-login'), 'the login in the dialog');
    portal.setAttribute('mode', 'inline');
    await waitFor(() => !launcher() && panel()?.checkVisibility(), 'the portal in place');
    equal(portal.shadowRoot?.querySelector('dialog'), null, 'no dialog');
  });
});
