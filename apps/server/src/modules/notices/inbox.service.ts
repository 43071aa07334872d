import type {
  InboxItemResponse,
  InboxListQuery,
  InboxListResponse,
  InboxReadAllResponse,
} from '@ningxin/shared';
import type { Db, Executor } from '../../db/client';
import { notFound } from '../../lib/errors';
import type { Actor } from '../../policy/policy';
import { type InboxItemRow, inboxRepository } from './inbox.repository';
import { mapInboxItem } from './notices.mapper';

/** A system message for some accounts' inboxes. */
export interface InboxMessage {
  userIds: readonly number[];
  /** What kind of message (`anniversary`, `review` …): lower-case letters and underscores. */
  kind: string;
  title: string;
  /** Where it leads in the app: a path of this site (`/members/12`). */
  link?: string | null;
  /**
   * What made it (`anniversary:2026:12`): an account receives one message per key, however often
   * the sender runs.
   */
  dedupeKey?: string | null;
}

const KIND = /^[a-z][a-z_]{0,39}$/;
/** A path of this site; never `//host` (another site) or a scheme. */
const LINK = /^\/(?!\/)[\w\-./?=&%#]*$/;

export function createInboxService({ db }: { db: Db }) {
  async function markNoticeRead(tx: Executor, noticeId: number, userId: number, at = new Date()) {
    const item = await inboxRepository.findForNotice(tx, noticeId, userId);
    if (!item) return null;
    const read = item.readAt ? item : await inboxRepository.markRead(tx, item.id, userId, at);
    await inboxRepository.markRemindersRead(tx, noticeId, userId, at);
    return read;
  }

  return {
    /**
     * For other modules: puts a system message into each account's inbox inside the caller's
     * transaction. An account that already holds a message with the same dedupe key is skipped.
     * Returns how many messages were new.
     */
    async post(tx: Executor, message: InboxMessage): Promise<number> {
      if (!KIND.test(message.kind) || message.kind === 'notice')
        throw new Error(`inbox message kind ${message.kind} is not allowed`);
      if (message.link && !LINK.test(message.link))
        throw new Error('an inbox message links to a path of this site only');
      const title = message.title.trim().slice(0, 200);
      if (!title) throw new Error('an inbox message needs a title');
      const users = [...new Set(message.userIds)];
      const inserted = await inboxRepository.insert(
        tx,
        users.map((userId) => ({
          userId,
          kind: message.kind,
          title,
          link: message.link ?? null,
          dedupeKey: message.dedupeKey ?? null,
        })),
      );
      return inserted.length;
    },

    /** How many unread items the account has (the bell, the workbench). */
    unreadCount: (userId: number) => inboxRepository.unreadCount(db, userId),

    /** Marks the user's item for a notice read, and the reminders to read it; null when not a recipient. */
    markNoticeRead,

    async list(actor: Actor, q: InboxListQuery): Promise<InboxListResponse> {
      const [rows, unread] = await Promise.all([
        inboxRepository.list(db, actor.userId, q),
        inboxRepository.unreadCount(db, actor.userId),
      ]);
      const last = rows.at(-1);
      return {
        items: rows.map(mapInboxItem),
        unread,
        nextCursor: rows.length === q.limit && last ? last.id : null,
      };
    },

    /** Opens an item: marks it read (a notice's item also ends its reminders). Another's item is 404. */
    async read(actor: Actor, id: number): Promise<InboxItemResponse> {
      const row = await db.transaction(async (tx): Promise<InboxItemRow | null> => {
        const at = new Date();
        const item = await inboxRepository.markRead(tx, id, actor.userId, at);
        if (item?.noticeId) await inboxRepository.markRemindersRead(tx, item.noticeId, actor.userId, at);
        return item;
      });
      if (!row) throw notFound('消息');
      return mapInboxItem(row);
    },

    async readAll(actor: Actor): Promise<InboxReadAllResponse> {
      const updated = await db.transaction((tx) => inboxRepository.markAllRead(tx, actor.userId, new Date()));
      return { updated, unread: await inboxRepository.unreadCount(db, actor.userId) };
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
