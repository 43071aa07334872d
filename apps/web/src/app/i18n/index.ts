import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_STORAGE_KEY, type Language, storedLanguage, toLanguage } from './language';
import { type Translation, zhCN } from './zh-CN';

export { LANGUAGES, type Language, toLanguage } from './language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

/**
 * The texts come in parts, so the first page carries only its own: Chinese `core` (the frame and
 * the login page) is bundled; the Chinese `pages` and all English come as chunks when needed.
 */
type Part = 'core' | 'pages';
const PARTS: Record<`${Language}/${Part}`, () => Promise<object>> = {
  'zh-CN/core': async () => zhCN,
  'zh-CN/pages': async () => (await import('./zh-CN.pages')).zhCNPages,
  'en/core': async () => (await import('./en')).en,
  'en/pages': async () => (await import('./en.pages')).enPages,
};
const loading = new Map<string, Promise<void>>();
/** Whether a page past the login needs its texts: then a language switch brings them too. */
let pagesNeeded = false;

function loadPart(language: Language, part: Part): Promise<void> {
  const key = `${language}/${part}` as const;
  let done = loading.get(key);
  if (!done) {
    done = PARTS[key]().then((texts) => {
      i18n.addResourceBundle(language, 'translation', texts, true, true);
    });
    // A failed chunk (a dropped connection) is fetched again on the next try.
    done.catch(() => loading.delete(key));
    loading.set(key, done);
  }
  return done;
}

function loadLanguage(language: Language): Promise<unknown> {
  return Promise.all([loadPart(language, 'core'), pagesNeeded && loadPart(language, 'pages')]);
}

/** Resolves once the pages' texts of the current language are there; the signed-in frame waits for it. */
export function loadPageTexts(): Promise<void> {
  pagesNeeded = true;
  return loadPart(toLanguage(i18n.language), 'pages');
}

/** Switches the UI language, once its texts have come, and remembers the choice in this browser. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

/** The page language follows the UI language (dayjs's, for the app's dates, in ./dayjsLocale.ts). */
function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
}

const initial = storedLanguage();
applyLanguage(initial);
i18n.on('languageChanged', (lng) => applyLanguage(toLanguage(lng)));

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolves once the texts of the language the page starts in are there (render after it). */
export const i18nReady: Promise<unknown> = loadLanguage(initial);

export { i18n };
