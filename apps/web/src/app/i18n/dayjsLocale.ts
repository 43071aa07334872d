import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { i18n, toLanguage } from './index';

/**
 * dayjs (dates, date pickers) follows the UI language. Loaded with the app, not the login page,
 * which shows no dates.
 */
function applyDayjsLocale(language: string): void {
  dayjs.locale(toLanguage(language) === 'en' ? 'en' : 'zh-cn');
}

applyDayjsLocale(i18n.language);
i18n.on('languageChanged', applyDayjsLocale);
