import { defineModule, mount } from '../../lib/modules';
import { metaRoutes } from './meta.routes';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    meta: Record<string, never>;
  }
}

/** Code tables the UI needs (divisions of the home and host cities). */
export const metaModule = defineModule({
  name: 'meta',
  needs: [],
  build: () => ({}),
  routes: (_services, { config }) => [
    mount('/meta', metaRoutes, { homeCity: config.homeCity, hostCity: config.hostCity }),
  ],
});
