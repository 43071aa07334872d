import type { CodeSplittingGroup } from 'rolldown';

/**
 * The member's portal is one page made of cards from many features, each card lazy with its own
 * API module, texts and code tables: left to the automatic chunking that was ~60 files of 1 KB,
 * each costing a request on a phone. The code that only the portal reaches (its page, the cards in
 * `features/<x>/portal/`, what only they import) goes in one chunk; code shared with other pages
 * stays in chunks of its own, so no other page loads the portal's.
 */
const PORTAL = /[\\/]src[\\/]features[\\/]([^\\/]+[\\/])?portal[\\/]/;

type ModuleInfo = { importers: readonly string[]; dynamicImporters: readonly string[]; isEntry: boolean };
type Context = { getModuleInfo(id: string): ModuleInfo | null };

/** The modules a module's code loads from: itself if it is loaded on its own, else its importers'. */
function rootsOf(id: string, ctx: Context, seen = new Map<string, Set<string>>()): Set<string> {
  const known = seen.get(id);
  if (known) return known;
  const roots = new Set<string>();
  seen.set(id, roots);
  const info = ctx.getModuleInfo(id);
  if (!info || info.isEntry || info.dynamicImporters.length > 0) roots.add(id);
  for (const importer of info?.importers ?? [])
    for (const root of rootsOf(importer, ctx, seen)) roots.add(root);
  return roots;
}

/** A feature's API module and its texts (`features/dues/dues.api.ts`, `app/i18n/text/dues.ts`). */
const API_OR_TEXTS =
  /[\\/]src[\\/](?:features[\\/]([^\\/]+)[\\/]\1\.api\.ts|app[\\/]i18n[\\/]text[\\/]([^\\/]+)\.ts)$/;

/** The groups of the app's chunks (build.rolldownOptions.output.codeSplitting.groups). */
export const chunkGroups = (): CodeSplittingGroup[] => {
  const seen = new Map<string, Set<string>>();
  return [
    {
      name: (id, ctx) => {
        if (!/[\\/]src[\\/]/.test(id) || /node_modules/.test(id)) return null;
        const roots = rootsOf(id, ctx, seen);
        return roots.size > 0 && [...roots].every((root) => PORTAL.test(root)) ? 'portal' : null;
      },
      // Only what the portal alone reaches: what it shares stays where the other pages find it.
      // (Nothing outside imports from the group, by its definition, so no chunk cycle can form.)
      includeDependenciesRecursively: false,
      priority: 2,
    },
    {
      // The plain form controls: apart from the other plain components, so a page without a
      // form (a member's phone pages) does not load them.
      name: 'plain-controls',
      test: /[\\/]src[\\/]components[\\/]plain[\\/](Button|Input|Select|CheckboxGroup|Sheet|controls)\./,
      includeDependenciesRecursively: false,
      priority: 2,
    },
    {
      // The plain components in antd's look (and the small Card and List the portal and the
      // member's pages share): small, used together by the member's pages.
      name: 'plain',
      test: /[\\/]src[\\/]components[\\/](?:plain[\\/]|Portal(?:Card|List)\.tsx$)/,
      includeDependenciesRecursively: false,
      priority: 1,
    },
    {
      // A feature's API and its texts go together when pages share them: a page of the feature
      // (or a portal card) needs both. (Used by one page only, they stay in its chunk.)
      name: (id, ctx) => {
        const [, feature, texts] = API_OR_TEXTS.exec(id) ?? [];
        const name = feature ?? texts;
        // The big screen is a page of its own, with its own first chunks.
        if (!name || name === 'screen') return null;
        const api = id.replace(/app[\\/]i18n[\\/]text[\\/][^\\/]+$/, `features/${name}/${name}.api.ts`);
        if (!ctx.getModuleInfo(api)) return null;
        const roots = [...rootsOf(api, ctx, seen)];
        // An entry's own (the login's auth API) stays in the entry.
        return roots.length > 1 && !roots.some((root) => ctx.getModuleInfo(root)?.isEntry) ? name : null;
      },
      includeDependenciesRecursively: false,
    },
  ];
};
