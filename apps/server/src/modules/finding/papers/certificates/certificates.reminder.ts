import { addDays, CERTIFICATE_EXPIRING_DAYS } from '@ningxin/shared';
import type { Db, Executor } from '../../../../db/client';
import { isWithinPath } from '../../../../policy/policy';
import { committeeDay } from '../../../notices/anniversaries';
import type { InboxMessage } from '../../../notices/inbox.service';
import type { UsersService } from '../../../users/users.service';
import { certificatesRepository as repo } from './certificates.repository';

export interface ExpiryReminderDeps {
  db: Db;
  users: Pick<UsersService, 'roleHolders'>;
  inbox: { post(tx: Executor, message: InboxMessage): Promise<number> };
}

/**
 * The daily reminder of certificates about to expire: each secretary whose subtree holds the
 * issuing org gets a message for every certificate in force that expires within 30 days. It
 * marks nothing (an expired certificate is one past its last day); the dedupe key makes it
 * once per certificate and last day, however often the job runs.
 */
export function createExpiryReminder({ db, users, inbox }: ExpiryReminderDeps) {
  return {
    /** Returns how many messages were new. */
    async run(now = new Date()): Promise<number> {
      const today = committeeDay(now);
      return db.transaction(async (tx) => {
        const due = await repo.expiringBetween(tx, today, addDays(today, CERTIFICATE_EXPIRING_DAYS));
        if (due.length === 0) return 0;
        const secretaries = (await users.roleHolders(tx, 'secretary')).filter(
          (h) => h.scopeKind === 'org' && h.orgPath !== null,
        );
        let sent = 0;
        for (const c of due) {
          const to = secretaries
            .filter((s) => isWithinPath(c.issuingOrgPath, s.orgPath as string))
            .map((s) => s.userId);
          if (to.length === 0) continue;
          sent += await inbox.post(tx, {
            userIds: to,
            kind: 'certificate_expiring',
            title: `活动证即将到期：${c.memberName}（${c.number}）有效期至 ${c.validUntil}，请及时换发`,
            link: `/certificates?status=expiring`,
            dedupeKey: `certificate_expiring:${c.id}:${c.validUntil}`,
          });
        }
        return sent;
      });
    },
  };
}

export type ExpiryReminder = ReturnType<typeof createExpiryReminder>;
