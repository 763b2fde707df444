/**
 * Accessibility: axe-core finds no violation on any screen, with a message shown, with
 * the change-password form open, with a wait counting down, and in the launcher's dialog;
 * the portal's title is a heading and the show-password buttons say whether they are on.
 */
import type { CustomerPortal } from '../../widget/customer-portal.ts';
import { assert, equal, waitFor } from './support/assert.ts';
import {
  click,
  mountPortal,
  settle,
  submitLogin,
  type,
  unmountAll,
  waitForMessage,
  waitForView,
} from './support/portal.ts';
import { newCustomerNumber, startTestService, stopTestService } from './support/service.ts';
import { reachView, VIEWS } from './support/views.ts';

interface AxeResult {
  violations: {
    id: string;
    impact: string;
    help: string;
    nodes: { target: unknown[]; failureSummary: string }[];
  }[];
}
declare global {
  interface Window {
    axe?: { run(context: Element, options: object): Promise<AxeResult> };
  }
}

async function loadAxe(): Promise<void> {
  if (window.axe) return;
  const script = document.createElement('script');
  script.src = '/node_modules/axe-core/axe.min.js';
  document.head.append(script);
  await new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
  });
}

async function expectNoViolations(portal: CustomerPortal, where: string): Promise<void> {
  await settle(portal);
  // Let the heading's focus and any transition settle, as a customer would see it.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const axe = window.axe;
  assert(axe, 'axe-core loaded');
  const { violations } = await axe.run(portal, { resultTypes: ['violations'] });
  const report = violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `  ${JSON.stringify(node.target)} ${node.failureSummary}`).join('\n')}`,
    )
    .join('\n');
  assert(violations.length === 0, `axe on ${where}:\n${report}`);
}

describe('accessibility', () => {
  let api: string;
  before(async () => {
    await loadAxe();
    api = await startTestService();
  });
  after(() => stopTestService(api));
  afterEach(unmountAll);

  for (const view of VIEWS) {
    it(`the ${view} screen has no axe violation`, async () => {
      const { portal } = await reachView(api, view);
      await expectNoViolations(portal, view);
    });
  }

  it('the login with an error message and missing fields has no axe violation', async () => {
    const portal = await mountPortal({ api });
    click(portal, 'Log in');
    await waitFor(() => portal.querySelector('[aria-invalid="true"]'), 'the field marked');
    type(portal, 'Customer number', 'NOBODY-1');
    type(portal, 'Password', 'Wrong7!password');
    click(portal, 'Log in');
    await waitForMessage(portal, 'is not correct');
    await expectNoViolations(portal, 'login with errors');
  });

  it('the internal area with "Change password" open and a mismatch has no axe violation', async () => {
    const { portal } = await reachView(api, 'account');
    click(portal, 'Change password');
    await waitFor(() => portal.querySelector('input[name="new-password"]'), 'the form open');
    type(portal, 'New password', 'Qz7!abcdefgh');
    type(portal, 'Re-enter new password', 'Qz7!abcdefgX');
    await expectNoViolations(portal, 'account, change password open');
  });

  it('the portal\'s title "Kundenportal" is a heading: level 2 in a page, level 1 on the portal\'s own page (German)', async () => {
    const portal = await mountPortal({ api, lang: 'de' });
    const title = () => portal.shadowRoot?.querySelector('[part="title"]');
    equal(title()?.localName, 'h2', "a heading a screen reader lists, under the page's own");
    equal(title()?.textContent?.trim(), 'Kundenportal', 'in German');
    const page = { lang: document.documentElement.lang, title: document.title };
    try {
      portal.standalone = true;
      await settle(portal);
      equal(title()?.localName, 'h1', "the page's main heading on the customer portal link page");
    } finally {
      document.documentElement.lang = page.lang;
      document.title = page.title;
    }
  });

  it('every show-password button of the login says whether it is pressed (aria-pressed), in German', async () => {
    const portal = await mountPortal({ api, lang: 'de' });
    const toggle = portal.querySelector<HTMLButtonElement>('.cp-toggle');
    assert(toggle, 'the toggle');
    equal(toggle.getAttribute('aria-pressed'), 'false', 'off');
    equal(toggle.getAttribute('aria-label'), '„Passwort“ anzeigen', 'named after its field');
    toggle.click();
    await waitFor(() => toggle.getAttribute('aria-pressed') === 'true', 'on');
    await expectNoViolations(portal, 'login, password shown');
  });

  it('the login with a wait counting down and "Forgot your password?" offered has no axe violation', async () => {
    const portal = await mountPortal({ api });
    const number = newCustomerNumber();
    for (let attempt = 1; attempt <= 5; attempt++) {
      submitLogin(portal, number, `Wrong7!attempt${attempt}`);
      await settle(portal);
      await waitFor(() => !portal.querySelector('[aria-disabled="true"]'), 'the form ready again');
    }
    await waitForMessage(portal, 'Too many attempts');
    await expectNoViolations(portal, 'login, waiting');
  });

  it('the reset screen of a link no longer valid has no axe violation', async () => {
    history.replaceState(null, '', '#portal-reset=ThisLinkWasUsedAlready_0123456789abcdef');
    const portal = await mountPortal({ api });
    await waitForView(portal, 'reset');
    await expectNoViolations(portal, 'reset, link no longer valid');
  });

  it('the launcher and its open dialog have no axe violation', async () => {
    const portal = await mountPortal({ api, mode: 'launcher' });
    await expectNoViolations(portal, 'launcher');
    portal.open();
    await waitFor(
      () => portal.shadowRoot?.querySelector('dialog')?.open && portal.querySelector('h2'),
      'the dialog open',
    );
    await expectNoViolations(portal, 'launcher dialog');
  });
});
