import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { committeeDay } from '../../notices/anniversaries';
import type { InboxMessage } from '../../notices/inbox.service';
import type { SettingsService } from '../../settings/settings.service';
import type { UsersService } from '../../users/users.service';
import { studyLedger } from './study.ledger';

export interface StudyReminderDeps {
  db: Db;
  users: Pick<UsersService, 'memberAccounts'>;
  settings: Pick<SettingsService, 'get'>;
  inbox: { post(tx: Executor, message: InboxMessage): Promise<number> };
}

/** The months of the last quarter, when members behind are reminded. */
const REMIND_FROM_MONTH = 10;

/**
 * The daily reminder (09:00) of the last quarter (October–December): each member on the rolls
 * below their requirement this year who has an account gets a 「学时提醒」 with their hours and the
 * gap. The dedupe key (member, year and month) makes it once a month per member, however often
 * the job runs.
 */
export function createStudyReminder({ db, users, settings, inbox }: StudyReminderDeps) {
  return {
    /** Returns how many messages were new. */
    async run(now = new Date()): Promise<number> {
      const today = committeeDay(now);
      if (Number(today.slice(5, 7)) < REMIND_FROM_MONTH) return 0;
      const year = Number(today.slice(0, 4));
      const { memberHours, cadreHours } = await settings.get('learning.studyHours');
      return db.transaction(async (tx) => {
        const accounts = await users.memberAccounts(tx);
        if (accounts.length === 0) return 0;
        const ids = [...new Set(accounts.map((a) => a.memberId))];
        const behind = await studyLedger.below(
          tx,
          { year, memberHours, cadreHours },
          sql`r.member_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
          { sort: 'gap', desc: true, after: null, limit: null },
        );
        let sent = 0;
        for (const m of behind) {
          const to = accounts.filter((a) => a.memberId === m.memberId).map((a) => a.userId);
          sent += await inbox.post(tx, {
            userIds: to,
            kind: 'study_behind',
            title: `学时提醒：您 ${year} 年已修 ${Number(m.hours)} 学时，距年度要求 ${Number(m.required)} 学时还差 ${Number(m.gap)} 学时`,
            link: '/my-study',
            dedupeKey: `study_behind:${m.memberId}:${today.slice(0, 7)}`,
          });
        }
        return sent;
      });
    },
  };
}

export type StudyReminder = ReturnType<typeof createStudyReminder>;
