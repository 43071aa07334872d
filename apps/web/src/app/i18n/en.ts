/** English texts of the first page (./zh-CN.ts), and the loader of the others; loaded only when English is chosen. */
export { enLabels } from './en-labels';

import { appTextEn } from './text/en/app';
import { loginTextEn } from './text/en/login';
import type { zhCN } from './zh-CN';

export const en: typeof zhCN = {
  app: appTextEn,
  login: loginTextEn,
};

/** Each block of the pages in English, a chunk of its own (./text/en/<block>.ts). */
const BLOCKS = import.meta.glob<Record<string, object>>('./text/en/*.ts');

/** The English texts of a block of the pages (`memberFields` from ./text/en/member-fields.ts). */
export async function englishBlock(block: string): Promise<object> {
  const file = `./text/en/${block.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.ts`;
  const load = BLOCKS[file];
  if (!load) throw new Error(`No English texts for ${block}`);
  const texts = (await load())[`${block}TextEn`];
  if (!texts) throw new Error(`No English texts for ${block}`);
  return texts;
}
