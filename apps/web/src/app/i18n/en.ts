/** English texts of the first page (./zh-CN.ts); loaded only when English is chosen. */
import { appTextEn } from './text/en/app';
import { loginTextEn } from './text/en/login';
import type { zhCN } from './zh-CN';

export const en: typeof zhCN = {
  app: appTextEn,
  login: loginTextEn,
};
