import { defineModule, mount } from '../../lib/modules';
import { workbenchRoutes } from './workbench.routes';
import { createWorkbenchService, type WorkbenchService } from './workbench.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    workbench: WorkbenchService;
  }
}

/** Each user's home page (工作台): figures of their scope, recent deeds, and the to-dos every module contributes. */
export const workbenchModule = defineModule({
  name: 'workbench',
  needs: ['members', 'users', 'activity'],
  build: ({ extensions }, { members, users, activity }) =>
    createWorkbenchService({ counts: members.counts, activity, users, extensions }),
  routes: (workbench) => [mount('/workbench', workbenchRoutes, { workbench })],
});
