import { defineModule, mount } from '../../lib/modules';
import { createSignInCodes } from '../../lib/sign-in-codes';
import { createMeetingAttendance, type MeetingAttendance } from './meetings/meetings.attendance';
import { meetingsRepository } from './meetings/meetings.repository';
import { meetingsRoutes } from './meetings/meetings.routes';
import { createMeetingsSeed } from './meetings/meetings.seed';
import { createMeetingsService, type MeetingsService } from './meetings/meetings.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    life: {
      meetings: MeetingsService;
      /** The month's meetings by committee from `reads` (a standby may answer, seconds behind): for the big screen. */
      lagTolerant: Pick<MeetingsService, 'monthByCommittee'>;
      attendance: MeetingAttendance;
      /** The demo's current meetings (today and the coming weeks). */
      seed: () => Promise<number>;
    };
  }
}

/** Organizational life (组织生活): meetings with attendance, leave, QR sign-in, minutes and amendments. */
export const lifeModule = defineModule({
  name: 'life',
  needs: ['orgs', 'members', 'papers', 'activity', 'settings', 'users'],
  build({ db, reads, crypto }, { orgs, members, papers, activity, settings, users }) {
    const meetingsOn = (executor: typeof db) =>
      createMeetingsService({
        db: executor,
        orgs: orgs.tree,
        members: members.record,
        certificates: papers.certificates,
        activity,
        settings,
      });
    const meetings = meetingsOn(db);
    const attendance = createMeetingAttendance({
      db,
      activity,
      settings,
      signInCodes: createSignInCodes(crypto.deriveKey('sign-in codes')),
    });
    /** Open branches (third level) under a path, in id order. */
    const branchesUnder = async (path: string) => {
      const ids = await orgs.tree.idsInSubtrees(db, [path]);
      const rows = await orgs.tree.lookupMany(db, ids);
      return rows
        .filter((o) => !o.closedAt && o.path.split('.').length === 3)
        .sort((a, b) => a.id - b.id)
        .map((o) => ({ id: o.id, name: o.name }));
    };
    const seed = createMeetingsSeed({ db, users, members: members.record, meetings, branchesUnder });
    // The big screen's panel may lag; the meetings' pages, reread after each write, read the primary.
    return { meetings, lagTolerant: meetingsOn(reads), attendance, seed };
  },
  routes: ({ meetings, attendance }, { config }) => [
    mount('/meetings', meetingsRoutes, { meetings, attendance, publicUrl: config.publicUrl }),
  ],
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
  contributes: ({ meetings }) => ({
    'files.owners': [
      {
        type: 'meeting',
        auditDownloads: false,
        authorize: (executor, actor, id, access) => meetings.authorizeFiles(executor, actor, id, access),
      },
    ],
  }),
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', (tx, { oldPath, newPath }) =>
      meetingsRepository.rewriteOrgPaths(tx, oldPath, newPath),
    );
  },
});
