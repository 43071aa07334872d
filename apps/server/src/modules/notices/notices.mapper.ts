import {
  INBOX_KIND_LABELS,
  type InboxItemResponse,
  type NoticeCounts,
  type NoticeListItem,
  type NoticeReceipt,
  type NoticeState,
} from '@ningxin/shared';
import type { InboxItemRow } from './inbox.repository';
import type { NoticeRow } from './notices.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function mapInboxItem(row: InboxItemRow): InboxItemResponse {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: INBOX_KIND_LABELS[row.kind] ?? '系统消息',
    title: row.title,
    link: row.link ?? (row.noticeId ? `/notices/${row.noticeId}` : null),
    noticeId: row.noticeId,
    createdAt: row.createdAt.toISOString(),
    readAt: iso(row.readAt),
  };
}

export const countsOf = (recipients: number, read: number): NoticeCounts => ({
  recipients,
  read,
  unread: Math.max(recipients - read, 0),
});

/** The fields of a notice every view shows. */
export function noticeHead(row: NoticeRow) {
  return {
    id: row.id,
    title: row.title,
    state: row.state as NoticeState,
    publishAt: iso(row.publishAt),
    publishedAt: iso(row.publishedAt),
    replyBy: iso(row.replyBy),
    createdAt: row.createdAt.toISOString(),
  };
}

export function mapListItem(
  row: NoticeRow,
  extra: Pick<NoticeListItem, 'sender' | 'senderOrg'> & { read: number },
): NoticeListItem {
  return {
    ...noticeHead(row),
    sender: extra.sender,
    senderOrg: extra.senderOrg,
    counts: countsOf(row.recipients, extra.read),
  };
}

export function mapReceipt(
  row: InboxItemRow,
  card: { displayName: string; memberId: number | null; orgName: string | null } | undefined,
  memberOrgName: string | null,
): NoticeReceipt {
  const isMember = card?.memberId != null;
  return {
    id: row.id,
    userId: row.userId,
    name: card?.displayName ?? '（已删除的账户）',
    orgName: isMember ? memberOrgName : (card?.orgName ?? null),
    kind: isMember ? 'member' : 'staff',
    readAt: iso(row.readAt),
    remindedAt: iso(row.remindedAt),
  };
}

/** The audit view of a notice: what was sent, to whom, when; not the body. */
export const auditView = (row: NoticeRow) => ({
  title: row.title,
  target: row.target,
  state: row.state,
  publishAt: iso(row.publishAt),
  replyBy: iso(row.replyBy),
  recipients: row.recipients,
});
