/**
 * Where a file that runs on its own (a worker thread's module) lies. From the TypeScript sources
 * (tsx, vitest) it sits beside its caller; in the built server (`apps/server/dist`, see
 * scripts/build.mjs) every entry and every chunk lies flat in one folder as plain JavaScript, so
 * the same name with `.js` sits beside whichever chunk asks.
 */
export const BUILT = import.meta.url.endsWith('.js');

/** The URL of the module `relative` (written as in the sources, `./x.worker.ts`) from `base`. */
export function entryFile(relative: string, base: string): URL {
  if (!BUILT) return new URL(relative, base);
  const name = relative.slice(relative.lastIndexOf('/') + 1).replace(/\.ts$/, '.js');
  return new URL(`./${name}`, base);
}
