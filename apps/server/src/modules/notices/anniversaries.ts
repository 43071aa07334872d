import type { Db, Executor } from '../../db/client';
import { isWithinPath } from '../../policy/policy';
import type { MembersService } from '../members/record/members.service';
import type { UsersService } from '../users/users.service';
import type { InboxMessage } from './inbox.service';

/** The calendar day in the committee's time zone (Asia/Shanghai), `YYYY-MM-DD`. */
export function committeeDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export interface AnniversaryDeps {
  db: Db;
  users: Pick<UsersService, 'roleHolders' | 'memberAccounts'>;
  members: Pick<MembersService, 'anniversariesOn'>;
  inbox: { post(tx: Executor, message: InboxMessage): Promise<number> };
}

/**
 * The Party anniversary reminder (政治生日提醒), run daily: each secretary's inbox gets the
 * members of their subtree who joined the Party on this day of an earlier year, and each such
 * member with a login gets a greeting. The dedupe key makes it once per member and year for
 * each account, however often the job runs.
 */
export function createAnniversaryReminder({ db, users, members, inbox }: AnniversaryDeps) {
  return {
    /** Returns how many messages were new. */
    async run(now = new Date()): Promise<number> {
      const day = committeeDay(now);
      const year = Number(day.slice(0, 4));
      return db.transaction(async (tx) => {
        const people = await members.anniversariesOn(tx, day);
        if (people.length === 0) return 0;
        const [holders, accounts] = await Promise.all([
          users.roleHolders(tx, 'secretary'),
          users.memberAccounts(
            tx,
            people.map((p) => p.id),
          ),
        ]);
        const secretaries = holders.filter((h) => h.scopeKind === 'org' && h.orgPath !== null);
        const ownLogin = new Map(accounts.map((a) => [a.memberId, a.userId]));
        let sent = 0;
        for (const m of people) {
          const years = year - Number(m.joinedAt.slice(0, 4));
          const dedupeKey = `anniversary:${year}:${m.id}`;
          const to = secretaries
            .filter((s) => isWithinPath(m.orgPath, s.orgPath as string))
            .map((s) => s.userId);
          if (to.length)
            sent += await inbox.post(tx, {
              userIds: to,
              kind: 'anniversary',
              title: `政治生日：${m.name}（${m.joinedAt} 入党，${years} 周年）`,
              link: `/members/${m.id}`,
              dedupeKey,
            });
          const own = ownLogin.get(m.id);
          if (own)
            sent += await inbox.post(tx, {
              userIds: [own],
              kind: 'anniversary',
              title: `今天是您的政治生日：入党 ${years} 周年，不忘初心、牢记使命`,
              link: '/me',
              dedupeKey,
            });
        }
        return sent;
      });
    },
  };
}

export type AnniversaryReminder = ReturnType<typeof createAnniversaryReminder>;
