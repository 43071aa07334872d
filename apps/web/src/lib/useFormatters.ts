import { useCallback } from 'react';
import { useLanguage } from '../app/i18n/useLanguage';
import { formatDate, formatDateTime } from './format';

/** Date formatting bound to the UI language; always in Asia/Shanghai. */
export function useFormatters() {
  const language = useLanguage();
  const locale = language === 'en' ? 'en-GB' : 'zh-CN';
  const dateTime = useCallback((iso: string | null | undefined) => formatDateTime(iso, locale), [locale]);
  const date = useCallback((iso: string | null | undefined) => formatDate(iso, locale), [locale]);
  return { dateTime, date };
}
