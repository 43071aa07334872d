import {
  NOTICE_REMIND_INTERVAL_MINUTES,
  type NoticeReceiptListResponse,
  type NoticeReceiptQuery,
  type NoticeRemindResponse,
} from '@ningxin/shared';
import type { Db, Executor } from '../../db/client';
import type { Actor } from '../../policy/policy';
import { audited } from '../audit/audit.service';
import type { MembersService } from '../members/record/members.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { UsersService } from '../users/users.service';
import { inboxRepository, reminderKeyPrefix } from './inbox.repository';
import type { InboxMessage } from './inbox.service';
import { accessNotice, mayFollowUp, type NoticeAccess } from './notices.access';
import { nothingToRemind, notPublished, notTheSender, remindTooSoon } from './notices.errors';
import { countsOf, mapReceipt } from './notices.mapper';

const INTERVAL_MS = NOTICE_REMIND_INTERVAL_MINUTES * 60_000;

/** When the next reminder may go out after one at `last`; null when it may go out now. */
export function nextRemindAt(last: Date | null, now: Date): Date | null {
  if (!last) return null;
  const next = new Date(last.getTime() + INTERVAL_MS);
  return next > now ? next : null;
}

export interface ReceiptsDeps {
  db: Db;
  orgs: Pick<OrgsService, 'lookup'>;
  users: Pick<UsersService, 'cards'>;
  members: Pick<MembersService, 'placements'>;
  inbox: { post(tx: Executor, message: InboxMessage): Promise<number> };
}

/** Read receipts (已读回执) of a notice and the reminder to the unread (提醒未读). */
export function createNoticeReceipts({ db, orgs, users, members, inbox }: ReceiptsDeps) {
  /** The notice, for one who may follow it up: 404 unless they may see it, 403 for a mere recipient. */
  async function followed(executor: Executor, actor: Actor, id: number, lock = false): Promise<NoticeAccess> {
    const access = await accessNotice(executor, orgs, actor, id, lock);
    if (!mayFollowUp(actor, access)) throw notTheSender();
    return access;
  }

  return {
    async list(actor: Actor, id: number, q: NoticeReceiptQuery): Promise<NoticeReceiptListResponse> {
      const { row } = await followed(db, actor, id);
      const [rows, read] = await Promise.all([
        inboxRepository.receipts(db, id, q),
        inboxRepository.readCounts(db, [id]),
      ]);
      const cards = await users.cards(
        db,
        rows.map((r) => r.userId),
      );
      const memberIds = [...cards.values()].flatMap((c) => (c.memberId ? [c.memberId] : []));
      const placed = new Map((await members.placements(db, memberIds)).map((m) => [m.id, m.orgName]));
      const last = rows.at(-1);
      return {
        items: rows.map((r) => {
          const card = cards.get(r.userId);
          return mapReceipt(r, card, card?.memberId ? (placed.get(card.memberId) ?? null) : null);
        }),
        counts: countsOf(row.recipients, read.get(id) ?? 0),
        nextCursor: rows.length === q.limit && last ? last.id : null,
      };
    },

    /**
     * Reminds every recipient who has not read the notice: their item is stamped and a message
     * goes to their inbox. At most once an hour per notice; the notice's row lock makes two
     * reminders at the same moment one after the other, so the second sees the first.
     */
    async remind(actor: Actor, id: number): Promise<NoticeRemindResponse> {
      return audited(db, actor, async (tx, audit) => {
        const { row } = await followed(tx, actor, id, true);
        if (row.state !== 'published') throw notPublished();
        const now = new Date();
        const wait = nextRemindAt(await inboxRepository.lastReminded(tx, id), now);
        if (wait) throw remindTooSoon(wait);
        const unread = await inboxRepository.remindUnread(tx, id, now);
        if (unread.length === 0) throw nothingToRemind();
        await inbox.post(tx, {
          userIds: unread,
          kind: 'notice_reminder',
          title: `请阅读通知：${row.title}`,
          link: `/notices/${id}`,
          dedupeKey: `${reminderKeyPrefix(id)}${now.getTime()}`,
        });
        audit({
          action: 'notice.reminded',
          targetType: 'notice',
          targetId: id,
          targetLabel: row.title,
          after: { reminded: unread.length },
        });
        return {
          reminded: unread.length,
          nextRemindAt: new Date(now.getTime() + INTERVAL_MS).toISOString(),
        };
      });
    },
  };
}

export type NoticeReceipts = ReturnType<typeof createNoticeReceipts>;
