import { type ComponentProps, type ComponentType, lazy } from 'react';
import { pageTextsReady } from './i18n';

// biome-ignore lint/suspicious/noExplicitAny: as React.lazy itself, any component's props
type AnyComponent = ComponentType<any>;

/**
 * React.lazy for a component that shows antd's components outside the pages' AntAppFrame (the
 * side menu, the menu drawer, an error or 403 page, a form a plain page opens): it loads together
 * with antd's theme; with `app`, with antd's App too (the message and modal hooks of
 * App.useApp), as in the frame.
 */
export function lazyAnt<M extends Record<K, AnyComponent>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
  { app = false }: { app?: boolean } = {},
) {
  return lazy(async () => {
    const [module, Scope] = await Promise.all([
      load(),
      app
        ? import('./AntAppFrame').then((m) => m.AntAppScope)
        : import('./AntConfig').then((m) => m.AntConfig),
    ]);
    await pageTextsReady();
    const Component = module[name];
    return {
      default: (props: ComponentProps<M[K]>) => (
        <Scope>
          <Component {...props} />
        </Scope>
      ),
    };
  });
}
