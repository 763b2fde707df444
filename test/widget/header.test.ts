/**
 * The header, where the help text sends the customer: "In the top right-hand corner,
 * select the language of your choice" (A.3, B.2, C.1) and "the 'Log out' button in the
 * top right-hand corner" (A.6), on a phone as on a desktop, in every language.
 */
import { resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import { LANGUAGES } from '../../server/contract.ts';
import type { CustomerPortal } from '../../widget/customer-portal.ts';
import { assert, equal } from './support/assert.ts';
import {
  click,
  mountPortal,
  pickLanguage,
  submitLogin,
  unmountAll,
  waitForView,
} from './support/portal.ts';
import { createActiveCustomer, startTestService, stopTestService } from './support/service.ts';

function part(portal: CustomerPortal, name: string): HTMLElement {
  const element = portal.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`);
  assert(element, `the ${name}`);
  return element;
}

const box = (element: Element) => element.getBoundingClientRect();

/** Within a pixel: sub-pixel layout differs between fonts. */
function near(actual: number, expected: number, what: string): void {
  assert(Math.abs(actual - expected) <= 1, `${what}: expected ${expected}, got ${actual}`);
}

/** The languages, then "Log out", in the top right-hand corner; nothing past the panel's edge. */
function expectTopRight(portal: CustomerPortal, what: string): void {
  const header = box(part(portal, 'header'));
  const languages = box(part(portal, 'languages'));
  const title = box(part(portal, 'title'));
  const close = portal.shadowRoot?.querySelector('[part="close"]');
  const corner = close ? box(close) : languages;
  near(corner.right, header.right, `${what}: the corner's right edge at the header's`);
  if (close)
    near(languages.right, box(close).left, `${what}: the close button after the languages`);
  near(languages.top, header.top, `${what}: the languages in the first row`);
  for (const element of part(portal, 'header').children) {
    assert(box(element).right <= header.right + 1, `${what}: ${element.className} stays inside`);
  }
  // The note of help text B: "Clear History" in the top right-hand corner, beside "Log out".
  const clear = box(part(portal, 'clear-history'));
  assert(clear.top >= languages.bottom - 1, `${what}: "Clear history" under the languages`);
  assert(clear.right > header.left + header.width / 2, `${what}: "Clear history" on the right`);
  const logout = portal.shadowRoot?.querySelector('[part="logout"]');
  if (!logout) {
    near(clear.right, header.right, `${what}: "Clear history" at the right edge`);
    return;
  }
  near(box(logout).right, header.right, `${what}: "Log out" at the right edge`);
  assert(box(logout).top >= languages.bottom - 1, `${what}: "Log out" under the languages`);
  assert(title.top < box(logout).bottom, `${what}: the title beside "Log out", not under it`);
  const beside = Math.abs(clear.top - box(logout).top) <= 1 && clear.right <= box(logout).left;
  const under = clear.top >= box(logout).bottom - 1 && clear.bottom <= header.bottom;
  assert(beside || under, `${what}: "Clear history" beside "Log out", or right under it`);
}

describe('the header', () => {
  let api: string;
  before(async () => {
    api = await startTestService();
  });
  after(() => stopTestService(api));
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
    await unmountAll();
  });

  for (const width of [320, 375]) {
    it(`on a ${width} px phone, the languages and "Log out" are top right, in every language`, async () => {
      await setViewport({ width, height: 812 });
      const customer = await createActiveCustomer(api);
      const portal = await mountPortal({ api, lang: 'en' });
      expectTopRight(portal, 'login');
      submitLogin(portal, customer.number, customer.password);
      await waitForView(portal, 'account');
      for (const language of LANGUAGES) {
        await pickLanguage(portal, language);
        expectTopRight(portal, `account in ${language}`);
      }
    });
  }

  it('"Clear history" (Verlauf löschen) sits in the header\'s top right-hand corner, beside "Log out", on a desktop (German)', async () => {
    await setViewport({ width: 1280, height: 800 });
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api, lang: 'de' });
    submitLogin(portal, customer.number, customer.password);
    await waitForView(portal, 'account');
    const clear = part(portal, 'clear-history');
    equal(clear.textContent?.trim(), 'Verlauf löschen', 'its words');
    assert(part(portal, 'header').contains(clear), 'in the header, not at the bottom');
    const logout = box(part(portal, 'logout'));
    near(box(clear).top, logout.top, 'the same row as "Log out"');
    assert(box(clear).right <= logout.left, 'just left of "Log out"');
    expectTopRight(portal, 'desktop account in German');
  });

  it('on a phone, the dialog opened from the launcher has the languages top right, then the close button', async () => {
    await setViewport({ width: 320, height: 640 });
    const portal = await mountPortal({ api, mode: 'launcher', lang: 'fr' });
    click(portal, 'Portail client');
    await waitForView(portal, 'login');
    expectTopRight(portal, 'launcher');
  });

  it('on a desktop, "Customer portal" fits on one line and the languages stay in place from login to the internal area', async () => {
    await setViewport({ width: 1280, height: 800 });
    const customer = await createActiveCustomer(api);
    const portal = await mountPortal({ api, lang: 'en' });
    const atLogin = box(part(portal, 'languages'));
    near(atLogin.right, box(part(portal, 'header')).right, 'no gap right of the languages');
    submitLogin(portal, customer.number, customer.password);
    await waitForView(portal, 'account');
    const atAccount = box(part(portal, 'languages'));
    near(atAccount.right, atLogin.right, 'the same right edge');
    near(atAccount.top, atLogin.top, 'the same row');
    await pickLanguage(portal, 'fr');
    const title = part(portal, 'title');
    const lineHeight = Number.parseFloat(getComputedStyle(title).lineHeight);
    assert(
      box(title).height < lineHeight * 1.5,
      `"Portail client" on one line (${box(title).height}px)`,
    );
    expectTopRight(portal, 'desktop account');
  });

  it('the chosen language keeps its accent colour under the mouse that just picked it', async () => {
    const portal = await mountPortal({ api, lang: 'en' });
    const french = portal.shadowRoot?.querySelector<HTMLElement>('[part~="language"][lang="fr"]');
    assert(french, 'the FR button');
    const { x, y, width, height } = box(french);
    await sendMouse({
      type: 'click',
      position: [Math.round(x + width / 2), Math.round(y + height / 2)],
    });
    await pickLanguage(portal, 'fr');
    const chosen = part(portal, 'language-current');
    equal(chosen.getAttribute('lang'), 'fr', 'French chosen');
    assert(chosen.matches(':hover'), 'the mouse is still on it');
    equal(getComputedStyle(chosen).color, 'rgb(29, 78, 216)', 'the accent colour');
  });

  it('the dots between DE · FR · IT · EN are evenly spaced', async () => {
    const portal = await mountPortal({ api, lang: 'en' });
    const textBox = (button: Element) => {
      const range = document.createRange();
      range.selectNodeContents(button);
      return range.getBoundingClientRect();
    };
    const gaps: number[] = [];
    for (const dot of part(portal, 'languages').querySelectorAll('.dot')) {
      const [before, after] = [dot.previousElementSibling, dot.nextElementSibling];
      assert(before && after, 'a language either side of each dot');
      const glyph = textBox(dot);
      gaps.push(glyph.left - textBox(before).right, textBox(after).left - glyph.right);
    }
    const spread = Math.max(...gaps) - Math.min(...gaps);
    assert(
      spread <= 1.5,
      `the gaps either side of the dots differ by ${spread}px: ${gaps.join(', ')}`,
    );
  });
});
