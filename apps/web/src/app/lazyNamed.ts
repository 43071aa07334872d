import { type ComponentType, lazy } from 'react';
import { loadPageTexts } from './i18n';

/**
 * React.lazy for a module with named exports: lazyNamed(() => import('./X'), 'X'). The component
 * renders once the pages' texts of the current language are there too (they come as a chunk, in
 * parallel with the module).
 */
// biome-ignore lint/suspicious/noExplicitAny: the bound React.lazy itself puts on a component's props
type AnyComponent = ComponentType<any>;

export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadPageTexts()]);
    return { default: (module as M)[name] };
  });
}
