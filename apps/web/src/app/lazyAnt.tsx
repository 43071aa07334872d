import { type ComponentProps, type ComponentType, lazy } from 'react';
import { pageTextsReady } from './i18n';

// biome-ignore lint/suspicious/noExplicitAny: as React.lazy itself, any component's props
type AnyComponent = ComponentType<any>;

/**
 * React.lazy for a component that shows antd's components outside the pages' AntAppFrame (the
 * side menu, the menu drawer, an error or 403 page, a form a plain page opens): it loads together
 * with antd's theme. With `app`, antd's App comes around it too, for a form's message and modal
 * hooks (App.useApp), as the AntAppFrame gives the pages made with antd.
 */
export function lazyAnt<M extends Record<K, AnyComponent>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
  { app = false }: { app?: boolean } = {},
) {
  return lazy(async () => {
    const [module, { AntConfig }, antApp] = await Promise.all([
      load(),
      import('./AntConfig'),
      app ? import('antd/es/app') : null,
    ]);
    await pageTextsReady();
    const Component = module[name];
    const AntApp = antApp?.default;
    return {
      default: (props: ComponentProps<M[K]>) => (
        <AntConfig>
          {AntApp ? (
            <AntApp component={false}>
              <Component {...props} />
            </AntApp>
          ) : (
            <Component {...props} />
          )}
        </AntConfig>
      ),
    };
  });
}
