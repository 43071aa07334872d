import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

export const workbenchFeature = defineFeature({
  name: 'workbench',
  routes: [{ path: '', page: lazyNamed(() => import('./pages/WorkbenchPage'), 'WorkbenchPage') }],
  menu: [{ path: '/', labelKey: 'nav.workbench', icon: 'HomeOutlined', group: 'workbench' }],
});
