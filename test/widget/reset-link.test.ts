/**
 * The reset email's link (help text C.4, S12): `#portal-reset=…&lang=…` opens the reset
 * screen by itself, in the mail's language, and leaves the address bar at once, whether
 * the page loads with it or is open; a link that no longer works says so as it opens.
 */
import { resetLinkFragment } from '../../server/contract.ts';
import type { CustomerPortal } from '../../widget/customer-portal.ts';
import { currentLanguage } from '../../widget/localization.ts';
import { assert, equal, waitFor } from './support/assert.ts';
import {
  click,
  currentView,
  mountPortal,
  type,
  unmountAll,
  viewName,
  waitForView,
} from './support/portal.ts';
import {
  createActiveCustomer,
  requestResetToken,
  startTestService,
  stopTestService,
} from './support/service.ts';

/** The token of a real reset mail: opening the link does not use it up. */
let TOKEN = '';

/** Loads a page with the portal in a frame, as the link in the email opens it. */
async function openPage(
  api: string,
  mode: 'inline' | 'launcher' = 'inline',
  fragment = `portal-reset=${TOKEN}`,
) {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px; border: 0';
  frame.src = `/test/widget/fixtures/portal-page.html?api=${encodeURIComponent(api)}&mode=${mode}#${fragment}`;
  document.body.append(frame);
  const page = await waitFor(
    () => frame.contentWindow as (Window & { hashAfterImport?: string }) | null,
    'the page',
  );
  await waitFor(() => page.hashAfterImport !== undefined, 'the widget loaded in the page');
  const portal = await waitFor(
    () => page.document.querySelector<CustomerPortal>('customer-portal'),
    'the portal',
  );
  return { frame, page, portal };
}

describe('the reset link', () => {
  let api: string;
  const frames: HTMLIFrameElement[] = [];
  before(async () => {
    api = await startTestService();
    TOKEN = await requestResetToken(api);
  });
  after(() => stopTestService(api));
  afterEach(async () => {
    for (const frame of frames.splice(0)) frame.remove();
    await unmountAll();
  });

  it("a used, expired or replaced link says so as it opens, in the mail's German, and offers a new link instead of the fields", async () => {
    const { frame, portal } = await openPage(
      api,
      'inline',
      resetLinkFragment('ThisLinkWasReplacedByANewerOne_0123456789ab', 'de'),
    );
    frames.push(frame);
    const view = await waitForView(portal, 'reset');
    equal(
      view.querySelector('h2')?.textContent?.trim(),
      'Dieser Link ist nicht mehr gültig',
      'said at once, as the heading',
    );
    equal(view.querySelectorAll('input[type="password"]').length, 0, 'no password to type twice');
    click(portal, 'Neuen Link anfordern');
    await waitForView(portal, 'forgot');
  });

  it('opening the link checks it without using it up: opened twice, it still sets the new password', async () => {
    const customer = await createActiveCustomer(api);
    const token = await requestResetToken(api, customer);
    for (let opened = 1; opened <= 2; opened++) {
      const { frame, portal } = await openPage(api, 'inline', resetLinkFragment(token, 'en'));
      frames.push(frame);
      const view = await waitForView(portal, 'reset');
      assert(view.querySelector('input[name="new-password"]'), `the fields, opened ${opened}×`);
    }
    const portal = await mountPortal({ api, lang: 'en' });
    location.hash = `#portal-reset=${token}`;
    await waitForView(portal, 'reset');
    type(portal, 'New password', 'Fresh7!passwordQ');
    type(portal, 'Re-enter new password', 'Fresh7!passwordQ');
    click(portal, 'Set password');
    await waitForView(portal, 'account');
  });

  it('S12: a page opened with #portal-reset= shows the reset screen, and the token left the address bar before anything rendered', async () => {
    const { frame, page, portal } = await openPage(api);
    frames.push(frame);
    equal(page.hashAfterImport, '', "gone as soon as the widget's module ran");
    await waitForView(portal, 'reset');
    equal(page.location.hash, '', 'not in the address bar');
    assert(!page.location.href.includes(TOKEN), 'not anywhere in the URL');
  });

  it("the mail's link opens the reset screen in the mail's language, over an earlier choice, and keeps it as the choice", async () => {
    localStorage.setItem('customer-portal:language', 'de');
    const { frame, page, portal } = await openPage(api, 'inline', resetLinkFragment(TOKEN, 'fr'));
    frames.push(frame);
    const view = await waitForView(portal, 'reset');
    await waitFor(
      () => view.closest('[lang]')?.getAttribute('lang') === 'fr',
      'the screen in French',
    );
    equal(
      view.querySelector('h2')?.textContent?.trim(),
      'Définissez un nouveau mot de passe',
      'the French heading',
    );
    equal(page.location.hash, '', 'the whole link, language too, left the address bar');
    equal(
      localStorage.getItem('customer-portal:language'),
      'fr',
      'as if the customer had picked it',
    );
  });

  it('in launcher mode the link opens the dialog on the reset screen by itself', async () => {
    const { frame, portal } = await openPage(api, 'launcher');
    frames.push(frame);
    await waitForView(portal, 'reset');
    await waitFor(() => portal.shadowRoot?.querySelector('dialog')?.open, 'the dialog open');
  });

  it('a link clicked while the portal page is already open switches to the reset screen', async () => {
    const portal = await mountPortal({ api });
    equal(viewName(portal), 'login', 'first the login');
    location.hash = `#portal-reset=${TOKEN}`;
    await waitForView(portal, 'reset');
    equal(location.hash, '', 'the token left the address bar');
    const heading = currentView(portal)?.querySelector('h2');
    await waitFor(() => document.activeElement === heading, 'focus on "Set a new password"');
  });

  it('a link in Italian clicked while the portal is open in English switches to Italian', async () => {
    const portal = await mountPortal({ api, lang: 'en' });
    const events: string[] = [];
    portal.addEventListener('portal-language-change', (event) =>
      events.push(event.detail.language),
    );
    location.hash = `#${resetLinkFragment(TOKEN, 'it')}`;
    await waitForView(portal, 'reset');
    await waitFor(() => currentLanguage() === 'it', 'Italian');
    equal(location.hash, '', 'the link left the address bar');
    equal(events.join(), 'it', 'the page hears of the change, as for a pick');
  });
});
