import { defineModule, mount } from '../../lib/modules';
import { permissionsOf } from '../../policy/policy';
import { createMemberCounts, type MemberCounts } from './counts/members.counts';
import { memberCountsRoutes } from './counts/members.counts.routes';
import { createMemberExport, type MemberExport } from './export/members.export';
import { memberExcelRoutes } from './import/members.excel.routes';
import { createMemberImport, type MemberImport } from './import/members.import';
import { createMemberActions, type MemberActions } from './record/members.actions';
import { membersRepository } from './record/members.repository';
import { membersRoutes } from './record/members.routes';
import { createMembersService, type MembersService } from './record/members.service';
import { memberSelfRoutes } from './self/members.self.routes';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    members: {
      record: MembersService;
      actions: MemberActions;
      importer: MemberImport;
      exporter: MemberExport;
      counts: MemberCounts;
    };
  }
}

/** The member information base (信息库): records, status, search, import, export, counts, self-service. */
export const membersModule = defineModule({
  name: 'members',
  needs: ['orgs', 'users', 'audit'],
  build({ db, config, crypto }, { orgs, users, audit }) {
    const record = createMembersService({ db, config, crypto, orgs: orgs.tree, accounts: users });
    return {
      record,
      actions: createMemberActions({
        db,
        crypto,
        members: record,
        history: audit.historyOf,
        accounts: users,
      }),
      importer: createMemberImport({ db, config, crypto, orgs: orgs.tree, members: record }),
      exporter: createMemberExport({ db, crypto, orgs: orgs.tree, members: record }),
      counts: createMemberCounts({ db, orgs: orgs.tree }),
    };
  },
  routes: ({ record, actions, importer, exporter, counts }, { config }) => [
    mount('/members', membersRoutes, { members: record, actions }),
    mount('/members', memberCountsRoutes, { counts }),
    mount('/members', memberExcelRoutes, {
      importer,
      exporter,
      homeCity: config.homeCity,
      hostCity: config.hostCity,
    }),
    mount('/me', memberSelfRoutes, { actions }),
  ],
  contributes: ({ counts }) => ({
    'orgs.memberCount': [(executor, orgId) => membersRepository.countInOrg(executor, orgId)],
    'workbench.todos': [
      async (actor) => {
        if (!permissionsOf(actor).includes('member.write')) return [];
        const lost = await counts.counts(actor, {
          by: 'status',
          homeCounty: [],
          hostDistrict: [],
          status: ['lost'],
        });
        return [
          {
            key: 'members.lost',
            label: '失联党员待跟进',
            count: lost.total,
            link: '/members?status=lost',
            severity: 'warning',
          },
        ];
      },
    ],
  }),
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', (tx, { oldPath, newPath }) =>
      membersRepository.rewriteOrgPaths(tx, oldPath, newPath),
    );
  },
});
