import { useTranslation } from 'react-i18next';
import { setLanguage } from '../app/i18n';
import { useLanguage } from '../app/i18n/useLanguage';
import { GlobeIcon } from '../app/shellIcons';

interface LanguageSwitcherProps {
  /** Show only the icon, for narrow headers; the accessible name stays. */
  compact?: boolean;
}

/** A button naming the other language; pressing it switches to that language. */
export function LanguageSwitcher({ compact = false }: LanguageSwitcherProps) {
  const language = useLanguage();
  const { t } = useTranslation();
  const target = language === 'en' ? 'zh-CN' : 'en';
  const label = target === 'en' ? 'English' : '中文';
  return (
    <button
      type="button"
      className="nx-text-button"
      title={t('app.switchLanguage')}
      lang={target}
      onClick={() => void setLanguage(target)}
    >
      <GlobeIcon />
      {compact ? <span className="nx-visually-hidden">{label}</span> : <span>{label}</span>}
    </button>
  );
}
