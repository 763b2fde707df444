/**
 * Accessibility: axe-core finds no violation on any screen, with a message shown, with
 * the change-password form open, and in the launcher's dialog.
 */
import type { CustomerPortal } from '../../widget/customer-portal.ts';
import { assert, waitFor } from './support/assert.ts';
import { click, mountPortal, settle, type, unmountAll, waitForMessage } from './support/portal.ts';
import { startTestService, stopTestService } from './support/service.ts';
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
    click(portal, 'log in');
    await waitFor(() => portal.querySelector('[aria-invalid="true"]'), 'the field marked');
    type(portal, 'Customer number', 'NOBODY-1');
    type(portal, 'Password', 'Wrong7!password');
    click(portal, 'log in');
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
