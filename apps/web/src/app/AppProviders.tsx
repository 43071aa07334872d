import { LoadingOutlined } from '@ant-design/icons';
import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { FONT_FAMILY } from './fontFamily';
import './i18n/dayjsLocale';
import { useLanguage } from './i18n/useLanguage';
import { queryClient } from './queryClient';

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#c8161d',
    colorLink: '#b3141a',
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
  },
};

export function AppProviders({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={language === 'en' ? enUS : zhCN}
        theme={theme}
        // Two-character Chinese labels keep their exact text (登录, not 登 录) for people and tests.
        // A static, hidden loading icon: the animated default could stay in the button's accessible name.
        button={{ autoInsertSpace: false, loadingIcon: <LoadingOutlined aria-hidden /> }}
      >
        {children}
      </ConfigProvider>
    </QueryClientProvider>
  );
}
