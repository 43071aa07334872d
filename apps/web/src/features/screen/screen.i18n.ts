import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { storedLanguage } from '../../app/i18n/language';
import { screenText } from '../../app/i18n/text/screen';

/**
 * The screen page's texts alone, in the language this browser chose in the app: the screen is
 * its own page (screen.html) and carries none of the app's other texts.
 */
export function initScreenTexts(): void {
  const language = storedLanguage();
  document.documentElement.lang = language;
  void i18n.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: { screen: screenText.zh } },
      en: { translation: { screen: screenText.en } },
    },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
