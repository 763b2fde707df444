/**
 * The password fields: the policy checklist follows typing, a mismatch shows before
 * submit and blocks it, the show/hide toggle, and pasting (password managers) works.
 */
import { CHECKLIST_RULES } from '../../server/contract.ts';
import { assert, equal, includes, waitFor } from './support/assert.ts';
import {
  button,
  field,
  messageText,
  mountPortal,
  pickLanguage,
  type,
  unmountAll,
  viewName,
} from './support/portal.ts';
import { startTestService, stopTestService } from './support/service.ts';
import { reachView } from './support/views.ts';

/** The rules the checklist shows as met, in its order. */
function metRules(portal: HTMLElement): string[] {
  return [...portal.querySelectorAll('.cp-checklist li')]
    .filter((item) => item.classList.contains('cp-met'))
    .map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

async function typed(portal: HTMLElement, label: string, value: string): Promise<void> {
  type(portal, label, value);
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

describe('password fields', () => {
  let api: string;
  before(async () => {
    api = await startTestService();
  });
  after(() => stopTestService(api));
  afterEach(unmountAll);

  it('the checklist shows every rule of the policy and ticks each one as the customer types', async () => {
    const { portal } = await reachView(api, 'reset');
    equal(
      portal.querySelectorAll('.cp-checklist li').length,
      CHECKLIST_RULES.length,
      'one line per rule of the contract',
    );
    equal(metRules(portal).length, 0, 'nothing met before typing');
    await typed(portal, 'New password', 'a');
    equal(metRules(portal).length, 1, 'a lower-case letter');
    includes(metRules(portal)[0], 'a lower-case letter', 'the met rule');
    includes(metRules(portal)[0], '(done)', 'a screen reader hears that it is met');
    await typed(portal, 'New password', 'aB3');
    equal(metRules(portal).length, 3, 'lower, upper, digit');
    await typed(portal, 'New password', 'aB3!wxyz');
    equal(metRules(portal).length, 5, 'all five rules');
    await typed(portal, 'New password', 'aB3!');
    equal(metRules(portal).length, 4, 'deleting characters un-ticks "at least 8 characters"');
  });

  it('passwords that do not match say so before submit, and "set password" sends nothing', async () => {
    const { portal } = await reachView(api, 'reset');
    await typed(portal, 'New password', 'Qz7!abcdefgh');
    await typed(portal, 'Re-enter new password', 'Qz7!abc');
    assert(
      !portal.textContent?.includes('The passwords do not match.'),
      'a correct beginning is no mismatch yet',
    );
    await typed(portal, 'Re-enter new password', 'Qz7!abcdefgX');
    includes(portal.textContent, 'The passwords do not match.', 'the mismatch before submit');
    equal(
      field(portal, 'Re-enter new password').getAttribute('aria-invalid'),
      'true',
      'the field is marked invalid',
    );
    button(portal, 'Set password').click();
    await new Promise((resolve) => setTimeout(resolve, 400));
    equal(
      document.activeElement,
      field(portal, 'Re-enter new password'),
      'focus goes to the field to fix',
    );
    // Sent, this unknown link would have come back as "no longer valid".
    equal(messageText(portal), '', 'no request, so no answer from the service');
    equal(viewName(portal), 'reset', 'still on the reset screen');
  });

  it('a password the checklist does not accept yet is not sent, and the portal says what is missing', async () => {
    const { portal } = await reachView(api, 'reset');
    await typed(portal, 'New password', 'summer');
    await typed(portal, 'Re-enter new password', 'summer');
    button(portal, 'Set password').click();
    const problem = await waitFor(
      () =>
        [...portal.querySelectorAll('.cp-field-error')]
          .map((element) => element.textContent?.trim())
          .find(Boolean),
      'the problem under the field',
    );
    includes(
      problem,
      'The new password still needs at least 8 characters, an upper-case letter, a number, and a symbol',
      'what is missing',
    );
    equal(document.activeElement, field(portal, 'New password'), 'focus on the new password');
    equal(messageText(portal), '', 'nothing was sent');
  });

  it('"Show" is a toggle button (aria-pressed): pressed, it shows what was typed; pressed again, it hides it (Italian)', async () => {
    const { portal } = await reachView(api, 'reset');
    await pickLanguage(portal, 'it');
    const input = portal.querySelector<HTMLInputElement>('input[name="new-password"]');
    assert(input, 'the new password field');
    equal(input.type, 'password', 'hidden at first');
    const toggle = input.parentElement?.querySelector('button');
    assert(toggle, 'a toggle beside the field');
    const name = toggle.getAttribute('aria-label');
    equal(name, 'Mostra «Nuova password»', 'its name says which field');
    equal(toggle.getAttribute('aria-pressed'), 'false', 'not pressed');
    toggle.click();
    await waitFor(() => input.type === 'text', 'the password shown');
    equal(toggle.getAttribute('aria-pressed'), 'true', 'pressed: the password shows');
    equal(toggle.getAttribute('aria-label'), name, 'the same name: the state is in aria-pressed');
    equal(
      input.getAttribute('autocomplete'),
      'new-password',
      'still a new password for password managers',
    );
    toggle.click();
    await waitFor(() => input.type === 'password', 'the password hidden again');
    equal(toggle.getAttribute('aria-pressed'), 'false', 'no longer pressed');
  });

  it('Caps Lock on while typing a password shows a hint at that field, and it goes once Caps Lock is off (Italian)', async () => {
    const portal = await mountPortal({ api, lang: 'it' });
    const input = portal.querySelector<HTMLInputElement>('input[name="password"]');
    assert(input, 'the password field');
    input.focus();
    const press = (capsLock: boolean) =>
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', modifierCapsLock: capsLock }));
    const hint = () => portal.querySelector('.cp-caps')?.textContent?.trim() ?? '';
    press(true);
    await waitFor(() => hint() === 'Il blocco delle maiuscole è attivo.', 'the Caps Lock hint');
    const hintId = portal.querySelector('.cp-caps')?.id ?? 'none';
    includes(input.getAttribute('aria-describedby'), hintId, 'read out with the field');
    press(false);
    await waitFor(() => hint() === '', 'the hint gone with Caps Lock off');
  });

  it('pasting into a password field is allowed', async () => {
    const { portal } = await reachView(api, 'reset');
    for (const label of ['New password', 'Re-enter new password']) {
      const paste = new ClipboardEvent('paste', {
        bubbles: true,
        cancelable: true,
        clipboardData: new DataTransfer(),
      });
      field(portal, label).dispatchEvent(paste);
      equal(paste.defaultPrevented, false, `${label} accepts a paste`);
    }
  });
});
