import { defineModule, mount } from '../../lib/modules';
import { settingsRoutes } from './settings.routes';
import { createSettingsService, type SettingsService } from './settings.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    settings: SettingsService;
  }
}

/** Committee settings (参数设置): the local rules, edited by the committee office, read by every module. */
export const settingsModule = defineModule({
  name: 'settings',
  needs: ['users'],
  build: ({ db }, { users }) => createSettingsService({ db, displayNames: users.displayNames }),
  routes: (settings) => [mount('/settings', settingsRoutes, { settings })],
});
