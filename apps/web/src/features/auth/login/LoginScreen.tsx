import type { MeResponse } from '@ningxin/shared';
import { useTranslation } from 'react-i18next';
import { FONT_FAMILY } from '../../../app/fontFamily';
import { setLanguage } from '../../../app/i18n';
import { useLanguage } from '../../../app/i18n/useLanguage';
import { LoginForm } from './LoginForm';
import { GlobeIcon } from './loginIcons';
import './login.css';

interface LoginScreenProps {
  onSignedIn: (me: MeResponse) => void;
  onStartTyping?: () => void;
}

/**
 * 登录: the brand, the form and the language switch, in plain React and ./login.css. No antd: the
 * first page a phone opens carries React and its texts only; the app loads once the user is in.
 */
export function LoginScreen({ onSignedIn, onStartTyping }: LoginScreenProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const target = language === 'en' ? 'zh-CN' : 'en';
  return (
    <main className="nx-login" style={{ fontFamily: FONT_FAMILY }}>
      <div className="nx-login-lang">
        <button
          type="button"
          className="nx-login-lang-button"
          title={t('app.switchLanguage')}
          lang={target}
          onClick={() => void setLanguage(target)}
        >
          <GlobeIcon />
          <span>{target === 'en' ? 'English' : '中文'}</span>
        </button>
      </div>
      <section className="nx-login-card">
        <div className="nx-login-brand">
          <h1 className="nx-login-name">{t('app.name')}</h1>
          <span className="nx-login-secondary">{t('app.subtitle')}</span>
        </div>
        <h2 className="nx-login-title">{t('login.title')}</h2>
        <LoginForm onSignedIn={onSignedIn} onStartTyping={onStartTyping} />
        <p className="nx-login-secondary nx-login-slogan">{t('login.slogan')}</p>
      </section>
    </main>
  );
}
