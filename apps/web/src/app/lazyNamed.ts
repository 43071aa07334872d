import { type ComponentType, lazy } from 'react';
import { pageTextsReady } from './i18n';

/**
 * React.lazy for a module with named exports: lazyNamed(() => import('./X'), 'X'). The component
 * renders once its texts are there in the current language too (Chinese comes with the module;
 * English, when chosen, as chunks its code asks for).
 */
// biome-ignore lint/suspicious/noExplicitAny: the bound React.lazy itself puts on a component's props
type AnyComponent = ComponentType<any>;

export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(async () => {
    const module = await load();
    await pageTextsReady();
    return { default: (module as M)[name] };
  });
}
