import { LoadingOutlined } from '@ant-design/icons';
import { ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { FONT_FAMILY } from './fontFamily';
import './i18n/dayjsLocale';
import { useLanguage } from './i18n/useLanguage';

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#c8161d',
    colorLink: '#b3141a',
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
  },
};

/**
 * antd's theme and locale, around whatever shows antd's components: the pages that use them (the
 * AntAppFrame), the desk's side menu, the phone's menu drawer. The frame (app/AppLayout.tsx) and
 * the member's phone pages do without antd, so a phone's first page does not load it.
 */
export function AntConfig({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      theme={theme}
      // Two-character Chinese labels keep their exact text (登录, not 登 录) for people and tests.
      // A static, hidden loading icon: the animated default could stay in the button's accessible name.
      button={{ autoInsertSpace: false, loadingIcon: <LoadingOutlined aria-hidden /> }}
    >
      {children}
    </ConfigProvider>
  );
}
