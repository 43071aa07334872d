import { defineModule, mount } from '../../lib/modules';
import { permissionsOf } from '../../policy/policy';
import { type ArchivesExport, createArchivesExport } from './archives.export';
import { archivesRepository } from './archives.repository';
import { archivesRoutes } from './archives.routes';
import { archivesSeed } from './archives.seed';
import { createItemsService, type ItemsService } from './items.service';
import { loansRoutes } from './loans.routes';
import { createLoansService, type LoansService } from './loans.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    archives: { items: ItemsService; loans: LoansService; exports: ArchivesExport };
  }
}

/**
 * The archive room (档案室) of the committee's seat: the registry of items and where each lies
 * (room, cabinet, shelf, box), their files, and lending them out and back.
 */
export const archivesModule = defineModule({
  name: 'archives',
  needs: ['orgs', 'members', 'users', 'notices'],
  build({ db }, { orgs, members, users, notices }) {
    const deps = { db, orgs: orgs.tree, members: members.record, users, inbox: notices.inbox };
    const items = createItemsService(deps);
    return {
      items,
      loans: createLoansService(deps),
      exports: createArchivesExport({ db, items }),
    };
  },
  // The loans' own prefix first: /archives/loans is not an item id.
  routes: ({ items, loans, exports }) => [
    mount('/archives/loans', loansRoutes, { loans }),
    mount('/archives', archivesRoutes, { items, loans, exports }),
  ],
  jobs: ({ loans }) => [
    {
      name: 'archives.overdue',
      label: '档案借阅逾期提醒',
      schedule: '0 9 * * *',
      run: () => loans.remindOverdue(),
    },
  ],
  seed: () => archivesSeed(),
  contributes: ({ items, loans }) => ({
    'workbench.todos': [
      async (actor) =>
        permissionsOf(actor).includes('archive.write')
          ? [
              {
                key: 'archives.overdue',
                label: '档案借阅逾期未还',
                count: await loans.overdueCount(actor),
                link: '/archives/loans?state=overdue',
                severity: 'warning' as const,
              },
            ]
          : [],
    ],
    'files.owners': [
      {
        type: 'archive_item',
        auditDownloads: true,
        authorize: (executor, actor, id, access) => items.authorizeFiles(executor, actor, id, access),
      },
    ],
  }),
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', (tx, { oldPath, newPath }) =>
      archivesRepository.rewriteOrgPaths(tx, oldPath, newPath),
    );
  },
});
