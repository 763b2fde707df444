/**
 * Languages: every screen speaks German, French, Italian and English, switches at once
 * without a reload, remembers the choice, and leaves no English behind.
 */
import { msg } from '@lit/localize';
import { ERROR_CODES, LANGUAGES } from '../../server/contract.ts';
import type { PortalErrorCode } from '../../widget/api.ts';
import {
  chooseFirstLanguage,
  currentLanguage,
  type LanguageHints,
  switchLanguage,
  toLanguage,
} from '../../widget/localization.ts';
import { describeError, describeFailedRules } from '../../widget/messages.ts';
import { assert, equal, includes } from './support/assert.ts';
import {
  currentView,
  mountPortal,
  pickLanguage,
  settle,
  unmountAll,
  visibleTexts,
} from './support/portal.ts';
import { startTestService, stopTestService } from './support/service.ts';
import { reachView, VIEWS, type ViewName } from './support/views.ts';

/** The help text's labels, word for word, on the screen where it names them. */
const HELP_TEXT_LABELS: Record<ViewName, string[]> = {
  login: ['Customer portal', 'Customer number', 'Log in', 'Forgot your password?'],
  'change-initial': [
    'Previous password',
    'New password',
    'Re-enter new password',
    'Change password',
  ],
  forgot: ['Customer number', 'Reset password'],
  'forgot-sent': [
    'An email containing a confirmation link has been sent to the email address registered in our system',
  ],
  reset: ['New password', 'Re-enter new password', 'Set password'],
  account: ['Log out', 'Change password', 'Clear history'],
};

/** Words that are the same in every language: codes, names, and Italian's "Password". */
const SAME_IN_EVERY_LANGUAGE = new Set([
  ...['DE', 'FR', 'IT', 'EN', 'Deutsch', 'Français', 'Italiano', 'English'],
  ...['DE – Deutsch', 'FR – Français', 'IT – Italiano', 'EN – English'],
]);
const SAME_IN: Record<string, Set<string>> = { it: new Set(['Password']) };

/** Every code the contract knows, and the widget's own for an offline device or a service down. */
const DESCRIBED_ERROR_CODES: readonly PortalErrorCode[] = [
  ...ERROR_CODES,
  'network',
  'unavailable',
];

describe('languages', () => {
  let api: string;
  before(async () => {
    api = await startTestService();
  });
  after(() => stopTestService(api));
  afterEach(unmountAll);

  for (const view of VIEWS) {
    it(`the ${view} screen shows the help text's labels, and no English after switching to DE, FR or IT`, async () => {
      const { portal, customer } = await reachView(api, view);
      await settle(portal);
      const english = visibleTexts(portal);
      const pageText = english.join(' | ');
      for (const label of HELP_TEXT_LABELS[view])
        includes(pageText, label, `English ${view} screen`);
      const own = new Set([
        customer?.number,
        customer?.name,
        'support@dealer.example',
        'Your contracts are listed here by your dealer.',
        // The number as typed, repeated on the forgot-sent screen.
        'NO-SUCH-CUSTOMER',
      ]);
      for (const language of ['de', 'fr', 'it'] as const) {
        const before = currentView(portal);
        await pickLanguage(portal, language);
        equal(
          currentView(portal),
          before,
          `switching to ${language} keeps the screen and what was typed`,
        );
        const left = visibleTexts(portal).filter(
          (text) =>
            english.includes(text) &&
            !SAME_IN_EVERY_LANGUAGE.has(text) &&
            !own.has(text) &&
            !SAME_IN[language]?.has(text),
        );
        equal(left.join(' | '), '', `English left on the ${view} screen in ${language}`);
      }
    });
  }

  it('the chosen language is remembered for the next visit and used at first paint', async () => {
    const first = await mountPortal({ api, lang: 'en' });
    await pickLanguage(first, 'fr');
    first.remove();
    await switchLanguage('en');
    const next = document.createElement('customer-portal');
    next.api = api;
    next.setAttribute('lang', 'de');
    document.body.append(next);
    try {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const label = await waitForLabel(next);
      equal(
        label,
        'Numéro de client',
        "the first paint is in the remembered French, not the page's German",
      );
      equal(currentLanguage(), 'fr', 'the portal language');
    } finally {
      next.remove();
    }
  });

  it('without a choice, the first paint uses the lang the site owner set', async () => {
    const portal = await mountPortal({ api, lang: 'it' });
    includes(visibleTexts(portal).join(' | '), 'Numero cliente', 'Italian login');
  });

  it("on a portal link page with <html lang> in another language, the browser's language wins", async () => {
    const browser = navigator.languages.map(toLanguage).find((language) => language !== null);
    assert(browser, `the test browser speaks one of ours (${navigator.languages.join()})`);
    const other = browser === 'it' ? 'de' : 'it';
    const pageLanguage = document.documentElement.lang;
    document.documentElement.lang = other;
    try {
      await mountPortal({ api });
      equal(currentLanguage(), browser, `the browser's ${browser}, not the page's ${other}`);
    } finally {
      document.documentElement.lang = pageLanguage;
    }
  });

  it('every message of locales/de.xlf, fr.xlf and it.xlf is translated by a person, none left in English', async () => {
    for (const language of ['de', 'fr', 'it']) {
      const xliff = new DOMParser().parseFromString(
        await (await fetch(`/locales/${language}.xlf`)).text(),
        'application/xml',
      );
      const units = [...xliff.querySelectorAll('trans-unit')];
      assert(units.length > 50, `${language}.xlf holds the widget's messages`);
      for (const unit of units) {
        const source = unit.querySelector('source')?.textContent?.trim() ?? '';
        const target = unit.querySelector('target')?.textContent?.trim() ?? '';
        assert(target !== '', `${language}: "${source}" has no translation`);
        assert(
          target !== source || SAME_IN[language]?.has(source),
          `${language}: "${source}" is still English`,
        );
      }
    }
  });

  it('every error code of the contract has its own sentence in each language', async () => {
    const english = new Map<string, string>();
    for (const language of LANGUAGES.toReversed()) {
      await switchLanguage(language);
      const sentences = new Set<string>();
      for (const code of DESCRIBED_ERROR_CODES) {
        const sentence = describeError({
          error: code,
          message: '',
          retryAfter: 120,
          failedRules: ['digit', 'common'],
        });
        assert(sentence.length > 20, `${language} ${code}: a whole sentence`);
        if (language === 'en') english.set(code, sentence);
        else assert(sentence !== english.get(code), `${language} ${code} is translated`);
        sentences.add(sentence);
      }
      equal(
        sentences.size,
        DESCRIBED_ERROR_CODES.length,
        `${language}: a different sentence for each code`,
      );
      includes(
        describeError({ error: 'too_many_attempts', message: '', retryAfter: 120 }),
        { en: '2 minutes', de: '2 Minuten', fr: '2 minutes', it: '2 minuti' }[language],
        `${language}: 429 says how long to wait`,
      );
    }
    await switchLanguage('en');
    equal(msg('Log in'), 'Log in', 'back in English');
  });

  it("native readers' wording: what the new password still needs (DE, FR), a digit (IT), the Italian headings", async () => {
    await switchLanguage('de');
    includes(
      describeFailedRules(['digit']),
      'Das neue Passwort muss noch Folgendes enthalten: eine Ziffer.',
      'German checklist sentence',
    );
    includes(
      describeFailedRules(['common']),
      'Das neue Passwort wird zu häufig verwendet und ist leicht zu erraten.',
      'German blocklist sentence',
    );
    await switchLanguage('fr');
    includes(
      describeFailedRules(['symbol']),
      'Le nouveau mot de passe doit encore contenir\u00a0: un caractère spécial',
      'French checklist sentence',
    );
    await switchLanguage('it');
    includes(describeFailedRules(['digit']), 'una cifra', 'Italian: a digit, not a number');
    equal(msg('Choose your own password'), 'Scelga una password personale', 'Italian heading');
    equal(msg('Set a new password'), 'Imposti una nuova password', 'Italian heading');
    await switchLanguage('en');
  });
});

describe('the language of the first paint', () => {
  const nothing: LanguageHints = {
    stored: null,
    element: null,
    resetLink: null,
    browser: [],
    page: null,
  };
  const choose = (hints: Partial<LanguageHints>) => chooseFirstLanguage({ ...nothing, ...hints });
  const all: LanguageHints = {
    stored: 'fr',
    element: 'it',
    resetLink: 'de',
    browser: ['en-GB'],
    page: 'de',
  };

  it("the customer's own earlier choice comes first", () => {
    equal(choose(all), 'fr', 'stored');
  });

  it('then the lang the site owner set on the element', () => {
    equal(choose({ ...all, stored: null }), 'it', 'element');
  });

  it("then the reset mail's language", () => {
    equal(choose({ ...all, stored: null, element: null }), 'de', 'reset link');
  });

  it("then the browser's languages, before the page's <html lang>", () => {
    equal(choose({ browser: ['en-GB'], page: 'de' }), 'en', 'browser over page');
  });

  it('the first browser language that is one of ours, by its primary subtag', () => {
    equal(choose({ browser: ['es-ES', 'frr', 'de-CH', 'fr'] }), 'de', 'de-CH; not es, nor frr');
    equal(choose({ browser: ['IT'] }), 'it', 'upper case');
  });

  it("then the page's <html lang>, and English when nothing helps", () => {
    equal(choose({ browser: ['es', 'pt-BR'], page: 'fr-CH' }), 'fr', 'page');
    equal(choose({ browser: ['es'], page: 'es' }), 'en', 'English');
    equal(choose({ element: 'xx', page: '' }), 'en', 'an unknown element lang is skipped');
  });
});

async function waitForLabel(portal: HTMLElement): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const label = portal.querySelector('label')?.textContent?.trim();
    if (label) return label;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the portal did not render');
}
