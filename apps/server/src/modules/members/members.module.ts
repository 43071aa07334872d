import { defineModule, mount } from '../../lib/modules';
import { pdfRenderer } from '../../lib/pdf/pdf-renderer';
import { permissionsOf } from '../../policy/policy';
import { createMemberCounts, type MemberCounts } from './counts/members.counts';
import { memberCountsRoutes } from './counts/members.counts.routes';
import { createMemberReportFigures, type MemberReportFigures } from './counts/members.report';
import { createRollupCheck } from './counts/members.rollups';
import { createMemberStats, type MemberStats } from './counts/members.stats';
import { createMemberExport, type MemberExport } from './export/members.export';
import { memberExcelRoutes } from './import/members.excel.routes';
import { createMemberImport, type MemberImport } from './import/members.import';
import { createMemberPrint, type MemberPrint } from './print/members.print';
import { memberPrintRoutes } from './print/members.print.routes';
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
      /** Figures for the statistics (统计) from the rollups, in the stats.read scope. */
      stats: MemberStats;
      /** Compares the member rollups with the members (the nightly members.rollup_check job). */
      checkRollups: () => Promise<number>;
      print: MemberPrint;
      /** Member figures of the annual statistical report (stats/reports). */
      reportFigures: MemberReportFigures;
    };
  }
}

/** The member information base (信息库): records, status, search, import, export, counts, self-service. */
export const membersModule = defineModule({
  name: 'members',
  needs: ['orgs', 'users', 'audit'],
  build({ db, reads, config, crypto, workers, events, metrics }, { orgs, users, audit }) {
    const record = createMembersService({
      db,
      reads,
      config,
      crypto,
      orgs: orgs.tree,
      accounts: users,
      events,
    });
    return {
      record,
      actions: createMemberActions({
        db,
        crypto,
        members: record,
        events,
        history: audit.historyOf,
        accounts: users,
      }),
      importer: createMemberImport({
        db,
        config,
        crypto,
        orgs: orgs.tree,
        members: record,
        events,
        metrics,
        workers,
      }),
      exporter: createMemberExport({ db, reads, crypto, orgs: orgs.tree, members: record }),
      // Counts for dashboards (the workbench's to-dos, the big screen) and the statistics: figures
      // that may be a few seconds old, so a streaming standby may answer them.
      counts: createMemberCounts({ db: reads, orgs: orgs.tree }),
      stats: createMemberStats({ db: reads, orgs: orgs.tree }),
      checkRollups: createRollupCheck({ db, orgs: orgs.tree }),
      print: createMemberPrint({ db, orgs: orgs.tree, pdf: pdfRenderer() }),
      reportFigures: createMemberReportFigures({ db }),
    };
  },
  routes: ({ record, actions, importer, exporter, counts, print }, { config }) => [
    mount('/members', membersRoutes, { members: record, actions }),
    mount('/members', memberCountsRoutes, { counts }),
    mount('/members', memberExcelRoutes, {
      importer,
      exporter,
      homeCity: config.homeCity,
      hostCity: config.hostCity,
    }),
    mount('/members', memberPrintRoutes, { print }),
    mount('/me', memberSelfRoutes, { actions }),
  ],
  jobs: ({ checkRollups, importer }) => [
    { name: 'members.rollup_check', label: '核对党员统计汇总', schedule: '0 2 * * *', run: checkRollups },
    {
      name: 'members.import_stage_purge',
      label: '清理过期的导入校验结果',
      schedule: '20 * * * *',
      run: importer.purgeExpired,
    },
  ],
  contributes: ({ counts, record }) => ({
    'orgs.memberCount': [(executor, orgId) => membersRepository.countInOrg(executor, orgId)],
    'files.owners': [
      {
        type: 'member',
        auditDownloads: true,
        async authorize(executor, actor, memberId, access) {
          const action = access === 'write' ? 'member.write' : 'member.read';
          const member = await record.visibleMember(executor, actor, memberId, action);
          return { label: member.name };
        },
      },
    ],
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
