/**
 * @module The portal's language, one for the whole page (@lit/localize's locale is the
 * page's): which one the first paint uses, switching at runtime, and loading each
 * translation lazily, in two chunks: the first paint's texts, and the rest after it.
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { LANGUAGES, type Language } from '../server/contract.ts';

const SOURCE_LANGUAGE = 'en' satisfies Language;

type Templates = LocaleModule['templates'];

/**
 * Generated from locales/*.xlf by `npm run build:locales` (scripts/split-locales.ts): the
 * texts of the login and the shell, and the rest. Each language's templates are one
 * object, which the rest is added to in place once it has loaded.
 */
const templatesOf = new Map<string, Templates>();
const laterLoads = new Map<string, Promise<void>>();
/** After the first paint: every language loads whole from now on. */
let laterWanted = false;
/** The language asked for last, loaded or loading: the one whose rest `loadLaterTexts` loads. */
let latest: string = SOURCE_LANGUAGE;

function templatesFor(language: string): Templates {
  let templates = templatesOf.get(language);
  if (!templates) {
    templates = {};
    templatesOf.set(language, templates);
  }
  return templates;
}

/** The texts after the first paint in `language`: loaded once; a failed load is tried again. */
function loadLater(language: string): Promise<void> {
  let load = laterLoads.get(language);
  if (!load) {
    // One template rather than three paths, so type checking needs no generated file.
    load = import(`./generated/locales/${language}-later.js`).then(
      (module: LocaleModule) => {
        Object.assign(templatesFor(language), module.templates);
      },
      (error: unknown) => {
        laterLoads.delete(language);
        throw error;
      },
    );
    laterLoads.set(language, load);
  }
  return load;
}

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: SOURCE_LANGUAGE,
  targetLocales: LANGUAGES.filter((language) => language !== SOURCE_LANGUAGE),
  loadLocale: async (language): Promise<LocaleModule> => {
    latest = language;
    const later = laterWanted ? loadLater(language) : null;
    const first: LocaleModule = await import(`./generated/locales/${language}-first-paint.js`);
    Object.assign(templatesFor(language), first.templates);
    await later;
    return { templates: templatesFor(language) };
  },
});

/**
 * The rest of the texts of the page's language, and of every language chosen from now
 * on: before a screen but the login, or an error, shows.
 */
export function loadLaterTexts(): Promise<void> {
  laterWanted = true;
  return latest === SOURCE_LANGUAGE ? Promise.resolve() : loadLater(latest);
}

/** Each language in its own words, as a speaker of it looks for it in a list. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  de: 'Deutsch',
  fr: 'Français',
  it: 'Italiano',
  en: 'English',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** "de-CH" and "DE" both mean German here; "frr" (North Frisian) is not French. */
export function toLanguage(tag: string | null | undefined): Language | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return isLanguage(primary) ? primary : null;
}

/** What the first paint's language is chosen from; each may be missing. */
export interface LanguageHints {
  /** The customer's own choice, remembered in this browser. */
  stored: Language | null;
  /** The `lang` attribute the site owner set on the element. */
  element: string | null;
  /** The language of the reset mail whose link opened this page. */
  resetLink: Language | null;
  /** `navigator.languages`: what the customer set up their browser with. */
  browser: readonly string[];
  /** The page's `<html lang>`, often a site-wide default rather than the reader's. */
  page: string | null;
}

/**
 * The language of the first paint: the customer's own earlier choice, the site owner's
 * for this element, the mail's, the browser's, and only then the page's, which on a
 * shared portal link page says little about the reader.
 */
export function chooseFirstLanguage(hints: LanguageHints): Language {
  return (
    hints.stored ??
    toLanguage(hints.element) ??
    hints.resetLink ??
    hints.browser.map(toLanguage).find((language) => language !== null) ??
    toLanguage(hints.page) ??
    SOURCE_LANGUAGE
  );
}

export function currentLanguage(): Language {
  return toLanguage(getLocale()) ?? SOURCE_LANGUAGE;
}

/** Resolves once every text can be rendered in `language`, in every portal of the page. */
export function switchLanguage(language: Language): Promise<void> {
  if (language === SOURCE_LANGUAGE) latest = language;
  return setLocale(language);
}
