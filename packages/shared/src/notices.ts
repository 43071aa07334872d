import { z } from 'zod';
import { DateTime } from './common/dates';
import { IdParams, PathId, QueryBool, QueryInt, RecordId, Version } from './common/ids';
import { pageOf } from './common/page';
import { Text } from './common/text';
import type { Role } from './roles';

/**
 * Notices (通知公告) and each account's inbox (收件箱). A notice goes to org subtrees, to the
 * holders of roles and to named members; publishing turns that target into accounts, and each
 * account's inbox holds one item per notice, read or unread (read receipts, 已读回执).
 */

/** The roles a notice may be addressed to: the business roles (not the three administrators). */
export const NOTICE_TARGET_ROLES = [
  'committee_admin',
  'secretary',
  'home_viewer',
  'host_viewer',
  'finder',
  'member',
] as const satisfies readonly Role[];
export const NoticeTargetRole = z.enum(NOTICE_TARGET_ROLES, { error: '不是可选的通知对象角色' });
export type NoticeTargetRole = z.infer<typeof NoticeTargetRole>;

export const NOTICE_TITLE_MAX = 100;
/** The body as sent (HTML, before sanitizing): about 100 pages of text. */
export const NOTICE_BODY_MAX = 100_000;

/** Who a notice goes to: everyone in these subtrees, the holders of these roles, these members. */
export const NoticeTarget = z
  .object({
    /** Org subtrees: the staff whose scope lies in them and the members placed in them. */
    orgIds: z.array(RecordId('党组织')).max(50, '组织不能超过 50 个').default([]),
    /** Every account holding one of these roles (within the sender's scope). */
    roles: z.array(NoticeTargetRole).max(NOTICE_TARGET_ROLES.length).default([]),
    /** Named members (their own accounts). */
    memberIds: z.array(RecordId('党员')).max(200, '点名的党员不能超过 200 人').default([]),
  })
  .refine((t) => t.orgIds.length + t.roles.length + t.memberIds.length > 0, {
    message: '请选择通知对象（组织、角色或党员）',
    path: ['orgIds'],
  });
export type NoticeTarget = z.infer<typeof NoticeTarget>;
export type NoticeTargetInput = z.input<typeof NoticeTarget>;

const NoticeTitle = Text('标题', { min: 2, max: NOTICE_TITLE_MAX, minMessage: '请填写标题（至少 2 个字）' });
/** Rich text (HTML); the server keeps only the allowed tags and attributes. */
const NoticeBody = Text('正文', { min: 1, max: NOTICE_BODY_MAX, multiline: true, minMessage: '请填写正文' });

/** A deadline must come after the time the notice goes out. */
const replyAfterPublish = (n: { publishAt?: string | undefined; replyBy?: string | null | undefined }) =>
  !n.replyBy || Date.parse(n.replyBy) > (n.publishAt ? Date.parse(n.publishAt) : Date.now());
const REPLY_BY_RULE = { message: '回复截止时间应晚于发布时间', path: ['replyBy'] };

export const NoticeCreateBody = z
  .object({
    title: NoticeTitle,
    bodyHtml: NoticeBody,
    target: NoticeTarget,
    /** When the notice goes out; now when absent or past. */
    publishAt: DateTime('发布时间').optional(),
    /** An optional deadline for a reply (回复截止时间). */
    replyBy: DateTime('回复截止时间').nullable().optional(),
  })
  .refine(replyAfterPublish, REPLY_BY_RULE);
export type NoticeCreateBody = z.infer<typeof NoticeCreateBody>;
export type NoticeCreateInput = z.input<typeof NoticeCreateBody>;

/** A change to a notice that has not gone out yet (a scheduled one). */
export const NoticeUpdateBody = z
  .object({
    title: NoticeTitle.optional(),
    bodyHtml: NoticeBody.optional(),
    target: NoticeTarget.optional(),
    publishAt: DateTime('发布时间').optional(),
    replyBy: DateTime('回复截止时间').nullable().optional(),
    version: Version,
  })
  .refine(replyAfterPublish, REPLY_BY_RULE);
export type NoticeUpdateBody = z.infer<typeof NoticeUpdateBody>;

export const NoticeIdParams = IdParams;
/** Inbox items are numbered by a bigint column. */
export const InboxItemIdParams = z.object({ id: PathId(Number.MAX_SAFE_INTEGER) });

export const NOTICE_STATES = ['scheduled', 'published'] as const;
export const NoticeState = z.enum(NOTICE_STATES);
export type NoticeState = z.infer<typeof NoticeState>;
export const NOTICE_STATE_LABELS: Record<NoticeState, string> = { scheduled: '待发布', published: '已发布' };

export const NoticeListQuery = z.object({
  q: Text('标题关键词', { max: 50 }).optional(),
  /** Only the notices the user sent (else also those sent within the user's scope). */
  mine: QueryBool('只看我发的', false),
  limit: QueryInt('每页条数', 1, 100).default(20),
  /** Keyset: the id of the last notice of the previous page. */
  before: QueryInt('分页位置', 1, 2_147_483_647).optional(),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuery>;

export const NoticeCounts = z.object({
  recipients: z.number().int(),
  read: z.number().int(),
  unread: z.number().int(),
});
export type NoticeCounts = z.infer<typeof NoticeCounts>;

const Named = z.object({ id: z.number().int(), name: z.string() });

export const NoticeListItem = z.object({
  id: z.number().int(),
  title: z.string(),
  state: NoticeState,
  publishAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  replyBy: z.string().nullable(),
  sender: Named,
  senderOrg: Named.nullable(),
  counts: NoticeCounts,
  createdAt: z.string(),
});
export type NoticeListItem = z.infer<typeof NoticeListItem>;

export const NoticeListResponse = pageOf(NoticeListItem, z.number().int());
export type NoticeListResponse = z.infer<typeof NoticeListResponse>;

/** The target as the sender chose it, with names (shown to those who manage the notice only). */
export const NoticeTargetView = z.object({
  orgs: z.array(Named),
  roles: z.array(z.object({ role: NoticeTargetRole, label: z.string() })),
  members: z.array(Named),
});
export type NoticeTargetView = z.infer<typeof NoticeTargetView>;

export const NoticeResponse = z
  .object({
    id: z.number().int(),
    title: z.string(),
    /** Sanitized HTML. */
    bodyHtml: z.string(),
    state: NoticeState,
    publishAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    replyBy: z.string().nullable(),
    sender: Named,
    senderOrg: Named.nullable(),
    /** For the sender and those whose scope covers it; null for a recipient. */
    target: NoticeTargetView.nullable(),
    counts: NoticeCounts.nullable(),
    /** The reader's own receipt, when the reader is a recipient. */
    myReceipt: z.object({ readAt: z.string().nullable() }).nullable(),
    /** The last reminder to the unread, and when the next one may be sent. */
    lastRemindedAt: z.string().nullable(),
    nextRemindAt: z.string().nullable(),
    /** What the reader may do with it; the server checks again. */
    policies: z.object({
      update: z.boolean(),
      viewReceipts: z.boolean(),
      remind: z.boolean(),
    }),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notice' });
export type NoticeResponse = z.infer<typeof NoticeResponse>;

export const NOTICE_RECEIPT_STATES = ['all', 'read', 'unread'] as const;

export const NoticeReceiptQuery = z.object({
  state: z.enum(NOTICE_RECEIPT_STATES, { error: '应为 all、read 或 unread' }).default('all'),
  limit: QueryInt('每页条数', 1, 200).default(50),
  /** Keyset: the receipt id of the last row of the previous page. */
  after: QueryInt('分页位置', 1, Number.MAX_SAFE_INTEGER).optional(),
});
export type NoticeReceiptQuery = z.infer<typeof NoticeReceiptQuery>;

/** One recipient of a notice: who, where, and when they read it. */
export const NoticeReceipt = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  name: z.string(),
  /** The recipient's org: the member's branch, or the org of a staff account's scope. */
  orgName: z.string().nullable(),
  /** A member's own account, or a staff account. */
  kind: z.enum(['member', 'staff']),
  readAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
});
export type NoticeReceipt = z.infer<typeof NoticeReceipt>;

export const NoticeReceiptListResponse = pageOf(NoticeReceipt, z.number().int()).extend({
  counts: NoticeCounts,
});
export type NoticeReceiptListResponse = z.infer<typeof NoticeReceiptListResponse>;

export const NoticeRemindResponse = z.object({
  /** How many unread recipients were reminded. */
  reminded: z.number().int(),
  nextRemindAt: z.string(),
});
export type NoticeRemindResponse = z.infer<typeof NoticeRemindResponse>;

/** A reminder to the unread goes out at most once in this many minutes. */
export const NOTICE_REMIND_INTERVAL_MINUTES = 60;

/** Kinds of inbox item: a notice, or a system message of a module. */
export const INBOX_KIND_LABELS: Record<string, string> = {
  notice: '通知',
  notice_reminder: '催阅提醒',
  anniversary: '政治生日',
  registration: '报到登记',
  meetings_behind: '组织生活落后',
  study_behind: '学时提醒',
};

export const InboxItemResponse = z.object({
  id: z.number().int(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  /** Where the item leads in the app (`/notices/12`, `/members/34`). */
  link: z.string().nullable(),
  noticeId: z.number().int().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxItemResponse = z.infer<typeof InboxItemResponse>;

export const InboxListQuery = z.object({
  unread: QueryBool('只看未读', false),
  limit: QueryInt('每页条数', 1, 100).default(20),
  before: QueryInt('分页位置', 1, Number.MAX_SAFE_INTEGER).optional(),
});
export type InboxListQuery = z.infer<typeof InboxListQuery>;

export const InboxListResponse = pageOf(InboxItemResponse, z.number().int()).extend({
  /** Unread items in the whole inbox (the bell's number). */
  unread: z.number().int(),
});
export type InboxListResponse = z.infer<typeof InboxListResponse>;

export const InboxReadAllResponse = z.object({ updated: z.number().int(), unread: z.number().int() });
export type InboxReadAllResponse = z.infer<typeof InboxReadAllResponse>;
