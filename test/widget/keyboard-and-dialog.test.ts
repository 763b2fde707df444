/**
 * Keyboard only, and the launcher on a WAPP page (help text B.2): the "Customer portal"
 * line opens a modal dialog that keeps focus inside, closes with Escape and gives focus
 * back; on a phone it fills the screen.
 */
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { CustomerPortal } from '../../widget/customer-portal.ts';
import { assert, equal, waitFor } from './support/assert.ts';
import { currentView, field, mountPortal, unmountAll, waitForView } from './support/portal.ts';
import { createActiveCustomer, startTestService, stopTestService } from './support/service.ts';

/** The focused element, looking into the portal's shadow root. */
function focused(portal: CustomerPortal): Element | null {
  const active = document.activeElement;
  return active === portal ? (portal.shadowRoot?.activeElement ?? portal) : active;
}

async function tabTo(portal: CustomerPortal, target: Element, what: string): Promise<void> {
  for (let presses = 0; presses < 15; presses++) {
    if (focused(portal) === target) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(
    `Tab never reached ${what}; focus is on ${focused(portal)?.outerHTML.slice(0, 80)}`,
  );
}

describe('keyboard and dialog', () => {
  let api: string;
  before(async () => {
    api = await startTestService();
  });
  after(() => stopTestService(api));
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await unmountAll();
  });

  it("a customer logs in with the keyboard alone, and focus lands on the internal area's heading", async () => {
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api });
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo(portal, field(portal, 'Customer number'), 'the customer number');
    await sendKeys({ type: customer.number });
    await tabTo(portal, field(portal, 'Password'), 'the password');
    await sendKeys({ type: customer.password });
    await sendKeys({ press: 'Enter' });
    const account = await waitForView(portal, 'account');
    await waitFor(
      () => document.activeElement === account.querySelector('h2'),
      'focus on the heading',
    );
  });

  it('"Forgot your password" is reached and pressed with the keyboard, and focus moves to the new heading', async () => {
    const portal = await mountPortal({ api });
    const forgot = [...portal.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Forgot your password?',
    );
    assert(forgot, 'the button');
    field(portal, 'Customer number').focus();
    await tabTo(portal, forgot, '"Forgot your password"');
    await sendKeys({ press: 'Enter' });
    const view = await waitForView(portal, 'forgot');
    await waitFor(
      () => document.activeElement === view.querySelector('h2'),
      'focus on "Forgot your password"',
    );
  });

  it('the language picker works with the keyboard', async () => {
    const portal = await mountPortal({ api, lang: 'en' });
    const german = portal.shadowRoot?.querySelector('button[lang="de"]');
    assert(german, 'the DE button');
    (document.activeElement as HTMLElement | null)?.blur();
    await tabTo(portal, german, 'DE');
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => portal.querySelector('label')?.textContent?.trim() === 'Kundennummer',
      'German labels',
    );
    equal(german.getAttribute('aria-pressed'), 'true', 'DE is shown as chosen');
  });

  it('the launcher opens a modal dialog, keeps focus inside, closes with Escape and gives focus back', async () => {
    const portal = await mountPortal({ api, mode: 'launcher' });
    const launcher = portal.shadowRoot?.querySelector<HTMLButtonElement>('[part="launcher"]');
    assert(launcher, 'the "Customer portal" button');
    equal(
      launcher.textContent?.trim(),
      'Customer portal',
      'B.2: the line is called "Customer portal"',
    );
    launcher.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = portal.shadowRoot?.querySelector('dialog');
    assert(dialog, 'a dialog');
    await waitFor(() => dialog.open && currentView(portal), 'the dialog open on the login');
    equal(dialog.matches(':modal'), true, 'the dialog is modal');
    await waitFor(
      () => document.activeElement === currentView(portal)?.querySelector('h2'),
      'focus on the login heading',
    );
    const staysInside = (press: string) => {
      const inside = focused(portal);
      assert(
        inside && (portal.contains(inside) || portal.shadowRoot?.contains(inside)),
        `focus stays in the dialog after ${press}`,
      );
    };
    for (let presses = 1; presses <= 20; presses++) {
      await sendKeys({ press: 'Tab' });
      staysInside(`Tab ${presses}`);
    }
    await sendKeys({ down: 'Shift' });
    for (let presses = 1; presses <= 20; presses++) {
      await sendKeys({ press: 'Tab' });
      staysInside(`Shift+Tab ${presses}`);
    }
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.open, 'the dialog closed');
    await waitFor(() => focused(portal) === launcher, 'focus back on "Customer portal"');
  });

  it('on a phone the dialog fills the screen', async () => {
    await setViewport({ width: 375, height: 812 });
    const portal = await mountPortal({ api, mode: 'launcher' });
    portal.open();
    const dialog = portal.shadowRoot?.querySelector('dialog');
    assert(dialog, 'a dialog');
    await waitFor(() => dialog.open, 'the dialog open');
    const box = dialog.getBoundingClientRect();
    equal([box.left, box.top, box.width, box.height].join(' '), '0 0 375 812', 'full screen');
    portal.close();
    await waitFor(() => !dialog.open, 'closed by close()');
  });
});
