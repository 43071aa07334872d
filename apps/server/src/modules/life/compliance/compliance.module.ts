import { defineModule, mount } from '../../../lib/modules';
import { permissionsOf } from '../../../policy/policy';
import { createComplianceOutput } from './compliance.output';
import { type BehindReminder, createBehindReminder } from './compliance.reminder';
import { complianceRepository } from './compliance.repository';
import { complianceRoutes } from './compliance.routes';
import { createComplianceSeed, type MeetingHistorySeed } from './compliance.seed';
import { type ComplianceService, createComplianceService } from './compliance.service';
import { exemptionsRoutes } from './exemptions.routes';

declare module '../../../lib/modules' {
  interface ServiceRegistry {
    compliance: {
      board: ComplianceService;
      /** The board from `reads` (a standby may answer, seconds behind): for the statistics and the printouts. */
      lagTolerant: Pick<ComplianceService, 'board' | 'boardOf'>;
      /** The monthly reminder of branches behind schedule (compliance.behind_reminder). */
      reminder: BehindReminder;
      /** The demo's two years of meetings, attendance and ledger entries. */
      seed: MeetingHistorySeed;
    };
  }
}

/** The compliance board (三会一课 落实情况) of the life domain, with exemptions and the monthly reminder. */
export const complianceModule = defineModule({
  name: 'compliance',
  needs: ['orgs', 'users', 'settings', 'notices', 'activity'],
  build({ db, reads }, { orgs, users, settings, notices, activity }) {
    const board = createComplianceService({ db, orgs: orgs.tree, settings });
    return {
      board,
      // The statistics' topic and the board's files may lag; the board page, reread after an
      // exemption is granted, and the reminder job (which writes from it) read the primary.
      lagTolerant: createComplianceService({ db: reads, orgs: orgs.tree, settings }),
      reminder: createBehindReminder({ db, users, inbox: notices.inbox, compliance: board }),
      seed: createComplianceSeed({ db, activity }),
    };
  },
  routes: ({ board, lagTolerant }, { db }) => [
    mount('/meetings/compliance', complianceRoutes, {
      compliance: board,
      output: createComplianceOutput({ db, compliance: lagTolerant }),
    }),
    mount('/meetings/exemptions', exemptionsRoutes, { compliance: board }),
  ],
  jobs: ({ reminder }) => [
    {
      name: 'compliance.behind_reminder',
      label: '组织生活落后提醒（每月 1 日）',
      schedule: '0 9 1 * *',
      run: () => reminder.run(),
    },
  ],
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
  contributes: ({ board }) => ({
    'workbench.todos': [
      async (actor) => {
        if (!permissionsOf(actor).includes('meeting.read')) return [];
        return [
          {
            key: 'meetings.behind',
            label: '组织生活落后的支部',
            count: await board.behindCount(actor),
            link: '/compliance',
            severity: 'warning' as const,
          },
        ];
      },
    ],
  }),
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', (tx, { oldPath, newPath }) =>
      complianceRepository.rewriteOrgPaths(tx, oldPath, newPath),
    );
  },
});
