/** The UI languages and the one this browser chose (read without loading any texts). */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'ningxin.language';

export function toLanguage(value: string | null | undefined): Language {
  return value === 'en' ? 'en' : 'zh-CN';
}

/** The language chosen in this browser earlier, else Chinese. */
export function storedLanguage(): Language {
  try {
    return toLanguage(localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return 'zh-CN';
  }
}
