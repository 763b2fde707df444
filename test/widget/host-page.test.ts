/**
 * The portal on a site owner's page: password managers and the page's own scripts find
 * the forms, the page's CSS does not break them, and the site owner themes the portal.
 */
import { assert, equal } from './support/assert.ts';
import { field, mountPortal, unmountAll } from './support/portal.ts';
import { startTestService, stopTestService } from './support/service.ts';
import { reachView } from './support/views.ts';

function addPageStyle(css: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return style;
}

describe("the portal on the site owner's page", () => {
  let api: string;
  const styles: HTMLStyleElement[] = [];
  before(async () => {
    api = await startTestService();
  });
  after(() => stopTestService(api));
  afterEach(async () => {
    for (const style of styles.splice(0)) style.remove();
    await unmountAll();
  });

  it('the page finds the login fields with document.querySelector, in a real form, with their autocomplete', async () => {
    await mountPortal({ api });
    const username = document.querySelector('customer-portal input[autocomplete="username"]');
    const password = document.querySelector(
      'customer-portal input[autocomplete="current-password"]',
    );
    assert(username instanceof HTMLInputElement, "the customer number field is in the page's DOM");
    assert(password instanceof HTMLInputElement, "the password field is in the page's DOM");
    equal(password.type, 'password', 'a password input');
    assert(username.form && username.form === password.form, 'both in one <form>');
  });

  it('"Change password" holds the customer number as a hidden username and two new-password fields', async () => {
    const { customer } = await reachView(api, 'change-initial');
    const form = document.querySelector('customer-portal form');
    assert(form && customer, 'the change form');
    const username = form.querySelector<HTMLInputElement>('input[autocomplete="username"]');
    equal(username?.value, customer.number, 'the password manager saves for this customer');
    equal(username?.hidden, true, 'the username field is not shown');
    equal(
      form.querySelectorAll('input[autocomplete="current-password"]').length,
      1,
      'the previous password',
    );
    equal(
      form.querySelectorAll('input[autocomplete="new-password"]').length,
      2,
      'the new password twice',
    );
  });

  it("the page's element rules (input { display: none }, form { display: flex }, * { font-size: 40px }) do not break the form", async () => {
    styles.push(
      addPageStyle(
        'input { display: none } form { display: flex } * { font-size: 40px } button { background: red; color: red } label { visibility: hidden }',
      ),
    );
    const portal = await mountPortal({ api });
    const input = field(portal, 'Customer number');
    equal(getComputedStyle(input).display, 'block', 'the field is shown');
    assert(input.offsetHeight >= 44, 'the field keeps a comfortable height');
    // The page made 1rem 40px; the portal follows a larger root size only up to 22px.
    equal(getComputedStyle(input).fontSize, '22px', 'the field keeps a readable text size');
    equal(
      getComputedStyle(field(portal, 'Password')).display,
      'block',
      'the password field is shown',
    );
    const form = input.form;
    assert(form, 'a form');
    equal(getComputedStyle(form).display, 'grid', 'the form keeps its layout');
    const label = portal.querySelector('label');
    assert(label, 'a label');
    equal(getComputedStyle(label).visibility, 'visible', 'the labels are shown');
    const submit = form.querySelector('button[type="submit"]');
    assert(submit, 'the log in button');
    equal(
      getComputedStyle(submit).backgroundColor,
      'rgb(29, 78, 216)',
      "the button keeps the portal's colour",
    );
    const heading = portal.querySelector('h2');
    assert(heading, 'a heading');
    equal(getComputedStyle(heading).fontSize, '30.25px', 'the heading keeps its proportion');
    const title = portal.shadowRoot?.querySelector('[part="title"]');
    assert(title, 'the title');
    equal(getComputedStyle(title).fontSize, '24.75px', 'the title keeps its proportion');
  });

  it("the page's letter-spacing, word-spacing, text-transform and line-height reach neither the forms nor the header", async () => {
    styles.push(
      addPageStyle(`
      body { letter-spacing: 0.3em; word-spacing: 1em; text-transform: uppercase; line-height: 4 }
      main, customer-portal { letter-spacing: 4px; text-transform: capitalize; line-height: 60px }
      label, button, h2, p { letter-spacing: 5px; word-spacing: 9px; text-transform: lowercase; line-height: 3 }
    `),
    );
    const { portal } = await reachView(api, 'change-initial');
    const shadow = portal.shadowRoot;
    const checked = {
      heading: portal.querySelector('h2'),
      text: portal.querySelector('.cp-text'),
      label: portal.querySelector('label'),
      input: field(portal, 'New password'),
      'checklist item': portal.querySelector('.cp-checklist li'),
      'submit button': portal.querySelector('button[type="submit"]'),
      title: shadow?.querySelector('[part="title"]'),
      'language button': shadow?.querySelector('[part~="language"]'),
      footer: shadow?.querySelector('[part="footer"]'),
    };
    for (const [what, element] of Object.entries(checked)) {
      assert(element, what);
      const style = getComputedStyle(element);
      equal(style.letterSpacing, 'normal', `${what}: letter-spacing`);
      equal(style.wordSpacing, '0px', `${what}: word-spacing`);
      equal(style.textTransform, 'none', `${what}: text-transform`);
      const lineHeight = Number.parseFloat(style.lineHeight);
      const fontSize = Number.parseFloat(style.fontSize);
      assert(
        style.lineHeight === 'normal' || (lineHeight >= fontSize && lineHeight <= fontSize * 1.6),
        `${what}: line-height ${style.lineHeight} for ${style.fontSize} text`,
      );
    }
  });

  it('a custom property and a ::part change what is rendered', async () => {
    styles.push(
      addPageStyle(`
      customer-portal { --portal-accent: rgb(10, 120, 40); --portal-radius: 0px; }
      customer-portal::part(panel) { background: rgb(250, 240, 230); }
      customer-portal::part(language-current) { color: rgb(200, 0, 100); }
    `),
    );
    const portal = await mountPortal({ api, lang: 'en' });
    const submit = portal.querySelector('button[type="submit"]');
    assert(submit, 'the log in button');
    equal(
      getComputedStyle(submit).backgroundColor,
      'rgb(10, 120, 40)',
      'the brand colour on the button',
    );
    equal(getComputedStyle(submit).borderTopLeftRadius, '0px', 'the radius');
    const panel = portal.shadowRoot?.querySelector('[part="panel"]');
    assert(panel, 'the panel');
    equal(
      getComputedStyle(panel).backgroundColor,
      'rgb(250, 240, 230)',
      'the panel through ::part',
    );
    const current = portal.shadowRoot?.querySelector('[part~="language-current"]');
    assert(current, 'the chosen language');
    equal(current.textContent?.trim(), 'EN', 'English is chosen');
    equal(
      getComputedStyle(current).color,
      'rgb(200, 0, 100)',
      'the chosen language through ::part',
    );
  });
});
