import { addDays, REQUIRED_MEETING_LABELS } from '@ningxin/shared';
import type { Db, Executor } from '../../../db/client';
import { isWithinPath } from '../../../policy/policy';
import { committeeDay } from '../../notices/anniversaries';
import type { InboxMessage } from '../../notices/inbox.service';
import type { UsersService } from '../../users/users.service';
import type { ComplianceService } from './compliance.service';

export interface BehindReminderDeps {
  db: Db;
  users: Pick<UsersService, 'roleHolders'>;
  inbox: { post(tx: Executor, message: InboxMessage): Promise<number> };
  compliance: Pick<ComplianceService, 'computeBoard'>;
}

/**
 * The monthly reminder (run on the 1st, 09:00): the board of the year the month just ended
 * belongs to, as of today; each secretary whose subtree holds a branch behind schedule gets a
 * "组织生活落后" to-do for it. The dedupe key (org and month) makes it once a month per branch,
 * however often the job runs.
 */
export function createBehindReminder({ db, users, inbox, compliance }: BehindReminderDeps) {
  return {
    /** Returns how many messages were new. */
    async run(now = new Date()): Promise<number> {
      const today = committeeDay(now);
      const year = Number(addDays(today, -1).slice(0, 4));
      const board = await compliance.computeBoard(() => undefined, year, today);
      const behind = board.branches.filter((b) => b.behind.length > 0);
      if (behind.length === 0) return 0;
      return db.transaction(async (tx) => {
        const secretaries = (await users.roleHolders(tx, 'secretary')).filter(
          (h) => h.scopeKind === 'org' && h.orgPath !== null,
        );
        let sent = 0;
        for (const b of behind) {
          const to = [
            ...new Set(
              secretaries.filter((s) => isWithinPath(b.path, s.orgPath as string)).map((s) => s.userId),
            ),
          ];
          if (to.length === 0) continue;
          sent += await inbox.post(tx, {
            userIds: to,
            kind: 'meetings_behind',
            title: `组织生活落后：${b.name} ${year} 年${b.behind.map((t) => REQUIRED_MEETING_LABELS[t]).join('、')}未按要求召开`,
            link: `/compliance?year=${year}&orgId=${b.orgId}`,
            dedupeKey: `meetings_behind:${b.orgId}:${today.slice(0, 7)}`,
          });
        }
        return sent;
      });
    },
  };
}

export type BehindReminder = ReturnType<typeof createBehindReminder>;
