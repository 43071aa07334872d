import { defineModule, mount } from '../../lib/modules';
import { workbenchRoutes } from './workbench.routes';
import { createWorkbenchService, type WorkbenchService } from './workbench.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    workbench: WorkbenchService;
  }
}

/** Each user's home page (工作台): figures of their scope, and the to-dos every module contributes. */
export const workbenchModule = defineModule({
  name: 'workbench',
  needs: ['members', 'users'],
  build: ({ extensions }, { members, users }) =>
    createWorkbenchService({ counts: members.counts, users, extensions }),
  routes: (workbench) => [mount('/workbench', workbenchRoutes, { workbench })],
});
