import { defineModule, mount } from '../../lib/modules';
import { type AnniversaryReminder, createAnniversaryReminder } from './anniversaries';
import { inboxRoutes } from './inbox.routes';
import { createInboxService, type InboxService } from './inbox.service';
import { createNoticeReceipts, type NoticeReceipts } from './notices.receipts';
import { noticesRoutes } from './notices.routes';
import { noticesSeed } from './notices.seed';
import { createNoticesService, type NoticesService } from './notices.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    notices: {
      notices: NoticesService;
      receipts: NoticeReceipts;
      /** Each account's inbox; other modules post system messages with `inbox.post(tx, …)`. */
      inbox: InboxService;
      anniversaries: AnniversaryReminder;
    };
  }
}

/** Notices (通知公告) with read receipts, each account's inbox, and the Party anniversary reminder. */
export const noticesModule = defineModule({
  name: 'notices',
  needs: ['orgs', 'users', 'members'],
  build({ db }, { orgs, users, members }) {
    const inbox = createInboxService({ db });
    const deps = { db, orgs: orgs.tree, users, members: members.record, inbox };
    return {
      notices: createNoticesService(deps),
      receipts: createNoticeReceipts(deps),
      inbox,
      anniversaries: createAnniversaryReminder(deps),
    };
  },
  routes: ({ notices, receipts, inbox }) => [
    mount('/notices', noticesRoutes, { notices, receipts }),
    mount('/inbox', inboxRoutes, { inbox }),
  ],
  seed: ({ notices }, { users }) => noticesSeed(notices, users),
  jobs: ({ notices, anniversaries }) => [
    {
      name: 'notices.publish_due',
      label: '发布到时的定时通知',
      schedule: '* * * * *',
      run: () => notices.publishDue(),
    },
    {
      name: 'notices.anniversaries',
      label: '政治生日提醒',
      schedule: '0 8 * * *',
      run: () => anniversaries.run(),
    },
  ],
  contributes: ({ notices, inbox }) => ({
    'files.owners': [
      {
        type: 'notice',
        auditDownloads: false,
        authorize: (executor, actor, id, access) => notices.authorizeFiles(executor, actor, id, access),
      },
    ],
    'workbench.todos': [
      async (actor) => [
        {
          key: 'inbox.unread',
          label: '未读消息',
          count: await inbox.unreadCount(actor.userId),
          link: '/inbox',
          severity: 'info' as const,
        },
      ],
    ],
  }),
});
