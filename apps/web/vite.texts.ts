import type { Plugin } from 'vite';
import { enPages } from './src/app/i18n/en.pages';
import { zhCNPages } from './src/app/i18n/zh-CN.pages';

/**
 * Each page carries only the texts it uses. A module that names a text key (`'care.title'`,
 * `` `members.status.${s}` ``) gets, at build time, the Chinese block of that key imported and
 * handed to i18next (`addTexts`): the block travels with the code that shows it, and English comes
 * as a chunk per block when chosen. The frame's blocks come with the frame, a page's with the
 * page, the portal's cards' with each card.
 */

declare const process: { env: Record<string, string | undefined> };

const BLOCKS = new Map(
  Object.entries(zhCNPages).map(([block, texts]) => [block, new Set(Object.keys(texts))]),
);
for (const block of BLOCKS.keys())
  if (!(block in enPages)) throw new Error(`i18n: the block ${block} has no English texts`);

/** The text file of a block: memberFields → member-fields.ts. */
const fileOf = (block: string) => block.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A string that starts with a block and one of its keys, quoted or templated (`menuGroup.${g}`). */
const KEY = /['"`]([a-zA-Z]+)\.(\$\{|[a-zA-Z0-9_]+)/g;

/** The blocks whose keys a module's code names. */
export function blocksOf(code: string): string[] {
  const found = new Set<string>();
  for (const [, block = '', key = ''] of code.matchAll(KEY))
    if (key === '${' ? BLOCKS.has(block) : BLOCKS.get(block)?.has(key)) found.add(block);
  return [...found].sort();
}

// The app's own code; the texts themselves and the big screen's own page (screen.html, its own
// i18n) are left as they are. The screen's links page is a page of the app, with the app's texts.
const APP_CODE = /\/src\/(app|components|features|lib)\/.*\.tsx?$/;
const LEFT_OUT = /\/src\/app\/i18n\/|\/src\/features\/screen\/(?!pages\/ScreenLinksPage\.tsx$)/;

export const pageTexts: Plugin = {
  name: 'ningxin-page-texts',
  transform(code, id) {
    if (!APP_CODE.test(id) || LEFT_OUT.test(id)) return;
    const blocks = blocksOf(code);
    if (blocks.length === 0) return;
    if (process.env.NX_TEXTS_LOG) console.log(`texts ${id.replace(/.*\/src\//, '')}: ${blocks.join(' ')}`);
    // One line ahead of the code: the lines of the module stay where they were.
    const imports = blocks.map(
      (b, i) => `import { ${b}Text as __nx${i} } from '/src/app/i18n/text/${fileOf(b)}.ts';`,
    );
    const added = blocks.map((b, i) => `${b}: __nx${i}`).join(', ');
    return {
      code: `import { addTexts as __nxAddTexts } from '/src/app/i18n/index.ts';${imports.join('')}__nxAddTexts({ ${added} });${code}`,
      map: null,
    };
  },
};
