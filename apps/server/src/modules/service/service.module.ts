import { defineModule, mount } from '../../lib/modules';
import { pdfRenderer } from '../../lib/pdf/pdf-renderer';
import { createTokenSigner } from '../../lib/qr-token';
import { type BoardOutput, createBoardOutput } from './board/board.output';
import { type BoardService, createBoardService } from './board/board.service';
import { createServiceAccess } from './campaigns/campaigns.access';
import { campaignsRepository } from './campaigns/campaigns.repository';
import { campaignsRoutes } from './campaigns/campaigns.routes';
import { type CampaignsService, createCampaignsService } from './campaigns/campaigns.service';
import { createCloseShifts } from './jobs/close-shifts';
import { rosterRoutes } from './roster/roster.routes';
import { createRosterService, type RosterService } from './roster/roster.service';
import { roundsRoutes } from './rounds/rounds.routes';
import { createRoundsService, type RoundsService } from './rounds/rounds.service';
import { createServiceSeed } from './seed/service.seed';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    service: {
      campaigns: CampaignsService;
      /** The campaigns' list from `reads` (a standby may answer, seconds behind): for the statistics and the big screen. */
      lagTolerant: Pick<CampaignsService, 'list'>;
      roster: RosterService;
      board: BoardService;
      /** Supervision rounds, incidents, and who may see their photos. */
      rounds: RoundsService;
      /** The board as a spreadsheet and a one-page PDF report. */
      output: BoardOutput;
      /** The demo's campaigns (平安守望 and one open now). */
      seed: (now?: Date) => Promise<{ campaigns: number }>;
      /** The daily job: closes shifts ended past the grace period (auto check-out, no-shows, leaders told). */
      closeShifts: (now?: Date) => Promise<number>;
    };
  }
}

/**
 * Volunteer campaigns (志愿服务活动): campaigns with posts and shifts, the roster with conflicts,
 * check-in and check-out by the post's QR code or by the post leader, hours in the activity ledger,
 * and the campaign board.
 */
export const serviceModule = defineModule({
  name: 'service',
  needs: ['orgs', 'members', 'users', 'activity', 'settings', 'notices'],
  build({ db, reads, crypto }, { orgs, members, users, activity, settings, notices }) {
    const deps = {
      db,
      orgs: orgs.tree,
      members: members.record,
      users,
      activity,
      inbox: notices.inbox,
      settings,
      codes: createTokenSigner(crypto.deriveKey('volunteer post codes')),
    };
    const access = createServiceAccess(deps);
    // The board is a dashboard of a campaign (its page, the big screen, its printout): figures
    // that may be a few seconds old, so a streaming standby may answer them.
    const board = createBoardService({ ...access, db: reads });
    return {
      campaigns: createCampaignsService(access),
      // Other modules' dashboards may lag; the campaigns' pages, reread after each write, read the primary.
      lagTolerant: createCampaignsService({ ...access, db: reads }),
      roster: createRosterService(access),
      board,
      rounds: createRoundsService(access),
      output: createBoardOutput(access, board, pdfRenderer()),
      seed: createServiceSeed({ db, orgs: orgs.tree, members: members.record, users, activity }),
      closeShifts: createCloseShifts(deps),
    };
  },
  routes: ({ campaigns, roster, board, output, rounds }, { config }) => [
    mount('/volunteer/campaigns', rosterRoutes, { roster, publicUrl: config.publicUrl }),
    mount('/volunteer/campaigns', campaignsRoutes, { campaigns, board, output }),
    mount('/volunteer/campaigns', roundsRoutes, { rounds }),
  ],
  jobs: ({ closeShifts }) => [
    {
      name: 'service.close_shifts',
      label: '志愿服务班次自动签退',
      schedule: '30 1 * * *',
      run: () => closeShifts(),
    },
  ],
  contributes: ({ rounds }) => ({
    'files.owners': [
      {
        type: 'volunteer_campaign',
        auditDownloads: false,
        authorize: (executor, actor, id, access) =>
          rounds.authorizeCampaignFiles(executor, actor, id, access),
      },
      {
        type: 'volunteer_incident',
        auditDownloads: false,
        authorize: (executor, actor, id, access) =>
          rounds.authorizeIncidentFiles(executor, actor, id, access),
      },
    ],
  }),
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', (tx, { oldPath, newPath }) =>
      campaignsRepository.rewriteOrgPaths(tx, oldPath, newPath),
    );
  },
});
