import { type ComponentType, lazy } from 'react';

/** React.lazy for a module with named exports: lazyNamed(() => import('./X'), 'X'). */
export function lazyNamed<M extends Record<string, unknown>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
