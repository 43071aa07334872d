import { useTranslation } from 'react-i18next';
import { type Language, toLanguage } from './index';

/** The current UI language, re-rendering on change. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return toLanguage(i18n.language);
}
