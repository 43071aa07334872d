import { defineModule, mount } from '../../../lib/modules';
import { createReflectionComments, type ReflectionComments } from './reflections.comments';
import { reflectionsRepository } from './reflections.repository';
import { reflectionsRoutes } from './reflections.routes';
import { createReflectionsSeed } from './reflections.seed';
import { createReflectionsService, type ReflectionsService } from './reflections.service';
import { reportsRepository } from './reports.repository';
import { reportsRoutes } from './reports.routes';
import { createReportsService, type ReportsService } from './reports.service';

declare module '../../../lib/modules' {
  interface ServiceRegistry {
    reflections: {
      reflections: ReflectionsService;
      comments: ReflectionComments;
      reports: ReportsService;
      /** The demo's reflections, comments and yearly reports. */
      seed: () => Promise<{ reflections: number; reports: number }>;
    };
  }
}

/** Reflections (心得体会) with review, featuring and moderated comments; the yearly reports (思想汇报、情况报告). */
export const reflectionsModule = defineModule({
  name: 'reflections',
  needs: ['orgs', 'members', 'users', 'notices', 'life', 'trainings'],
  build({ db }, { orgs, members, users, notices, life, trainings }) {
    const deps = {
      db,
      orgs: orgs.tree,
      positions: orgs.positions,
      members: members.record,
      users,
      inbox: notices.inbox,
      meetings: life.meetings,
      attendance: life.attendance,
      trainings: trainings.mine,
    };
    const reflections = createReflectionsService(deps);
    return {
      reflections,
      comments: createReflectionComments(db, reflections),
      reports: createReportsService(deps),
      seed: createReflectionsSeed({ ...deps, tree: orgs.tree, accounts: users, list: members.record }),
    };
  },
  routes: ({ reflections, comments, reports }) => [
    mount('/reflections', reflectionsRoutes, { reflections, comments }),
    mount('/member-reports', reportsRoutes, { reports }),
  ],
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
  contributes: ({ reflections, reports }) => ({
    'files.owners': [
      {
        type: 'reflection',
        auditDownloads: false,
        authorize: (executor, actor, id, access) => reflections.authorizeFiles(executor, actor, id, access),
      },
      {
        type: 'member_report',
        auditDownloads: true,
        authorize: (executor, actor, id, access) => reports.authorizeFiles(executor, actor, id, access),
      },
    ],
  }),
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', async (tx, { oldPath, newPath }) => {
      await reflectionsRepository.rewriteOrgPaths(tx, oldPath, newPath);
      await reportsRepository.rewriteOrgPaths(tx, oldPath, newPath);
    });
  },
});
