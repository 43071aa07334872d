import { defineModule, mount } from '../../../lib/modules';
import { permissionsOf } from '../../../policy/policy';
import { campaignsRoutes } from './campaigns.routes';
import { type CampaignsService, createCampaignsService } from './campaigns.service';
import { createFindingSeed, type FindingSeed } from './finding.seed';
import { createLeadExcel, type LeadExcel } from './leads.excel';
import { leadsExcelRoutes } from './leads.excel.routes';
import { leadsRoutes } from './leads.routes';
import { createLeadsService, type LeadsService } from './leads.service';

declare module '../../../lib/modules' {
  interface ServiceRegistry {
    finding: {
      campaigns: CampaignsService;
      /** The campaigns' list and progress from `reads` (a standby may answer, seconds behind): for the statistics and the big screen. */
      lagTolerant: Pick<CampaignsService, 'list' | 'progress'>;
      leads: LeadsService;
      excel: LeadExcel;
      /** The demo campaigns (the founding drive of 2009, one running now); nothing when a campaign exists. */
      demo: FindingSeed;
    };
  }
}

/** 组织找党员: finding campaigns, their leads and the finders' visits, progress, lead spreadsheets. */
export const findingModule = defineModule({
  name: 'finding',
  needs: ['orgs', 'users', 'members', 'activity'],
  build(ctx, { orgs, users, members, activity }) {
    const { db, reads, config, crypto } = ctx;
    return {
      campaigns: createCampaignsService({ db, config, orgs: orgs.tree, users }),
      // Dashboards of other modules (a topic, a panel) may lag; the campaign's own pages, which
      // follow its writes, read the primary through `campaigns`.
      lagTolerant: createCampaignsService({ db: reads, config, orgs: orgs.tree, users }),
      leads: createLeadsService({ db, config, crypto, orgs: orgs.tree, members: members.record, activity }),
      excel: createLeadExcel({ db, reads, config, crypto }),
      demo: createFindingSeed({ db, crypto, orgs: orgs.tree, users, members: members.record }),
    };
  },
  routes: ({ campaigns, leads, excel }, { db }) => [
    mount('/finding', campaignsRoutes, { campaigns }),
    mount('/finding', leadsRoutes, { leads }),
    mount('/finding', leadsExcelRoutes, { excel, db }),
  ],
  seed:
    ({ demo }) =>
    async () => {
      await demo();
    },
  contributes: ({ leads }) => ({
    'workbench.todos': [
      async (actor) => {
        const held = permissionsOf(actor);
        const todos = [];
        if (held.includes('finding.lead'))
          todos.push({
            key: 'finding.myLeads',
            label: '待寻访的线索',
            count: await leads.myOpenCount(actor),
            link: '/finding/my-leads',
            severity: 'info' as const,
          });
        if (held.includes('finding.manage'))
          todos.push({
            key: 'finding.unassigned',
            label: '未分派寻访人员的线索',
            count: await leads.unassignedCount(actor),
            link: '/finding/campaigns',
            severity: 'warning' as const,
          });
        return todos;
      },
    ],
  }),
});
