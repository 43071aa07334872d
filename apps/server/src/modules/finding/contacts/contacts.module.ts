import { defineModule, mount } from '../../../lib/modules';
import { pdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { contactsRoutes, memberContactsRoutes } from './contacts.routes';
import { type ContactsDemo, createContactsDemo } from './contacts.seed';
import { type ContactsService, createContactsService } from './contacts.service';
import { feedbackRoutes } from './feedback.routes';
import { createFeedbackService, type FeedbackService } from './feedback.service';
import { createFlagsService, type FlagsService } from './flags.service';

declare module '../../../lib/modules' {
  interface ServiceRegistry {
    contacts: {
      /** A member's contact log (联系记录). */
      log: ContactsService;
      /** The lost-contact review flags and the figures of the home and host sides. */
      flags: FlagsService;
      /** The yearly conduct feedback (现实表现反馈) to the home side. */
      feedback: FeedbackService;
      /** The demo committee's contacts, flags and comments (the seed step). */
      demo: ContactsDemo;
    };
  }
}

/**
 * Contact and lost contact (流动不流失), home and host co-management (双重管理) and the yearly
 * conduct feedback (现实表现反馈): part of 党员双找.
 */
export const contactsModule = defineModule({
  name: 'contacts',
  needs: ['members', 'users', 'settings', 'notices', 'activity', 'orgs'],
  build({ db, config }, { members, users, settings, notices, activity, orgs }) {
    const flags = createFlagsService({ db, members: members.record, settings });
    return {
      log: createContactsService({ db, members: members.record }),
      flags,
      feedback: createFeedbackService({
        db,
        homeCity: config.homeCity,
        members: members.record,
        activity,
        users,
        inbox: notices.inbox,
        orgs: orgs.tree,
        pdf: pdfRenderer(),
      }),
      demo: createContactsDemo({ db, members: members.record, users, flags }),
    };
  },
  routes: ({ log, flags, feedback }) => [
    mount('/members', memberContactsRoutes, { contacts: log }),
    mount('/contacts', contactsRoutes, { flags }),
    mount('/feedback', feedbackRoutes, { feedback }),
  ],
  jobs: ({ flags }) => [
    {
      name: 'contacts.lost_contact_flags',
      label: '失联核查提示（长期未联系、停止党籍审查、除名审查）',
      schedule: '30 1 * * *',
      run: () => flags.raiseFlags(),
    },
  ],
  seed:
    ({ demo }) =>
    () =>
      demo.run(),
  contributes: ({ flags }) => ({
    'workbench.todos': [
      async (actor) => [
        {
          key: 'contacts.flags',
          label: '失联核查待处理',
          count: await flags.openForReview(actor),
          link: '/finding/lost-contact',
          severity: 'warning' as const,
        },
      ],
    ],
  }),
});
