/**
 * Simplified Chinese, the default language of the UI: the texts the first page needs (the app's
 * frame and the login page). The pages' texts (./zh-CN.pages.ts) come with the signed-in frame.
 */
import { appText } from './text/app';
import { loginText } from './text/login';
import type { zhCNPages } from './zh-CN.pages';

export const zhCN = {
  app: appText,
  login: loginText,
};

/** Every text of the UI, by block (one per feature, ./text); English has the same shape. */
export type Translation = typeof zhCN & typeof zhCNPages;
