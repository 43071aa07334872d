import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setEnglishLabels } from './englishLabels';
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
 * The texts come in blocks, one per feature, so a page carries only its own: Chinese `app` and
 * `login` (the frame and the login page) are bundled with the entry; every other Chinese block
 * comes with the code that shows it (added by `addTexts`, which the build puts in each module that
 * names a key of it: vite.texts.ts). English comes as chunks, the blocks in use, when chosen
 * (./en.ts: its frame and login texts, and a loader of the other blocks).
 */
const english = () => import('./en');
/** The blocks added so far (the pages' code that came), each loaded in English once asked. */
const added = new Set<string>();
const loading = new Map<string, Promise<void>>();

function loadEnglish(block: string): Promise<void> {
  let done = loading.get(block);
  if (!done) {
    done = english().then(async ({ en, enLabels, englishBlock }) => {
      setEnglishLabels(enLabels);
      const texts = block === 'core' ? en : { [block]: await englishBlock(block) };
      i18n.addResourceBundle('en', 'translation', texts, true, true);
    });
    // A failed chunk (a dropped connection) is fetched again on the next try.
    done.catch(() => loading.delete(block));
    loading.set(block, done);
  }
  return done;
}

function loadLanguage(language: Language): Promise<unknown> {
  if (language === 'zh-CN') return Promise.resolve();
  return Promise.all(['core', ...added].map(loadEnglish));
}

/** Hands the Chinese texts of blocks to i18next as their code comes (see above); English follows if chosen. */
export function addTexts(blocks: Record<string, object>): void {
  for (const [block, texts] of Object.entries(blocks)) {
    if (added.has(block)) continue;
    added.add(block);
    i18n.addResourceBundle('zh-CN', 'translation', { [block]: texts }, true, true);
    if (toLanguage(i18n.language) === 'en') void loadEnglish(block).catch(() => {});
  }
}

/** Resolves once the texts of the code come so far are there in the current language; a page renders after it. */
export function pageTextsReady(): Promise<unknown> {
  return loadLanguage(toLanguage(i18n.language));
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
