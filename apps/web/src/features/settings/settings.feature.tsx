import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

export const settingsFeature = defineFeature({
  name: 'settings',
  routes: [
    {
      path: 'settings',
      page: lazyNamed(() => import('./pages/SettingsPage'), 'SettingsPage'),
      permission: 'settings.write',
    },
  ],
  menu: [
    {
      path: '/settings',
      labelKey: 'nav.settings',
      icon: 'SettingOutlined',
      group: 'system',
      permission: 'settings.write',
    },
  ],
});
