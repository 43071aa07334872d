import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { storedLanguage } from '../../app/i18n/language';
import { screenText } from '../../app/i18n/text/screen';

/**
 * The screen page's texts alone, in the language this browser chose in the app: the screen is
 * its own page (screen.html) and carries none of the app's other texts; English comes as a chunk
 * only when chosen.
 */
export async function initScreenTexts(): Promise<void> {
  const language = storedLanguage();
  document.documentElement.lang = language;
  const screen =
    language === 'en' ? (await import('../../app/i18n/text/en/screen')).screenTextEn : screenText;
  await i18n.use(initReactI18next).init({
    resources: { [language]: { translation: { screen } } },
    lng: language,
    fallbackLng: language,
    interpolation: { escapeValue: false },
    returnNull: false,
    // English counters have no unit word ('' is a text, not a missing one).
    returnEmptyString: true,
  });
}
