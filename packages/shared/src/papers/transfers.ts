import { z } from 'zod';
import { localIsoDate } from '../common/calendar';
import { IsoDate, PastDate } from '../common/dates';
import { IdParams, QueryBool, QueryInt, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { MemberCreateBody } from '../members/members';
import { duesPaidUntilIssue } from './rules';

/**
 * 组织关系转接: formal membership moves out of the committee (outgoing: a member leaves for an
 * org outside) or into it (incoming: a member joins one of its branches from outside), with
 * the three-part letter (存根 stub, 介绍信 letter, 回执 receipt).
 */

export const TRANSFER_DIRECTIONS = ['outgoing', 'incoming'] as const;
export const TransferDirection = z.enum(TRANSFER_DIRECTIONS, { error: '转接方向应为转出或转入' });
export type TransferDirection = z.infer<typeof TransferDirection>;
export const TRANSFER_DIRECTION_LABELS: Record<TransferDirection, string> = {
  outgoing: '转出',
  incoming: '转入',
};

export const TRANSFER_STATES = ['issued', 'completed', 'cancelled'] as const;
export const TransferState = z.enum(TRANSFER_STATES, { error: '不是可选的转接状态' });
export type TransferState = z.infer<typeof TransferState>;
export const TRANSFER_STATE_LABELS: Record<TransferState, string> = {
  issued: '待回执',
  completed: '已完成',
  cancelled: '已取消',
};

/** The month the member's dues are paid up to: `YYYY-MM`, not after this month. */
export const DuesPaidUntil = z
  .string({ error: '党费交至月份应为文字' })
  .superRefine((v, ctx) => {
    const issue = duesPaidUntilIssue(v, localIsoDate(new Date()));
    if (issue) ctx.addIssue({ code: 'custom', message: issue.message, params: { code: issue.code } });
  })
  .meta({ format: 'year-month', description: '党费交至月份 YYYY-MM' });

const OrgName = (label: string) => Text(label, { min: 2, max: 100, minMessage: `请填写${label}` });

const letterFields = {
  reason: OptionalText('转接原因', 200),
  duesPaidUntil: DuesPaidUntil,
  /** Default today. */
  issuedOn: PastDate('开具日期').optional(),
  /** Default about 10 days after it is issued; never more than 3 months. */
  validUntil: IsoDate('有效期至').optional(),
};

/** A member of the committee leaves for an org outside it. */
export const TransferOutgoingBody = z.object({
  direction: z.literal('outgoing'),
  memberId: RecordId('党员'),
  toOrgName: OrgName('转往党组织'),
  ...letterFields,
});

/**
 * A member joins a branch of the committee from outside: the person's record is created in the
 * branch (`person.orgId`) or, when the ID number already is a member's, linked to it.
 */
export const TransferIncomingBody = z.object({
  direction: z.literal('incoming'),
  fromOrgName: OrgName('原党组织'),
  person: MemberCreateBody,
  ...letterFields,
});

export const TransferCreateBody = z.discriminatedUnion('direction', [
  TransferOutgoingBody,
  TransferIncomingBody,
]);
export type TransferCreateBody = z.infer<typeof TransferCreateBody>;
export type TransferCreateInput = z.input<typeof TransferCreateBody>;

export const TransferReceiptBody = z.object({
  /** The day the receipt came back (outgoing) or was sent back (incoming). */
  receiptReturnedOn: PastDate('回执日期'),
  version: Version,
});
export type TransferReceiptBody = z.infer<typeof TransferReceiptBody>;

export const TransferCancelBody = z.object({
  reason: Text('取消原因', { min: 2, max: 200, minMessage: '请填写取消原因' }),
  version: Version,
});
export type TransferCancelBody = z.infer<typeof TransferCancelBody>;

export const TransferIdParams = IdParams;

export const TransferListQuery = z.object({
  direction: TransferDirection.optional(),
  state: TransferState.optional(),
  /** Only open letters whose receipt is past due. */
  overdue: QueryBool('只看回执逾期', false),
  /** This side's org or an org below it. */
  orgId: QueryInt('党组织', 1, 2_147_483_647).optional(),
  memberId: QueryInt('党员', 1, 2_147_483_647).optional(),
  /** A letter number, or the start of the member's name. */
  q: Text('关键词', { max: 30 }).optional(),
  limit: PageLimit(100, 20),
  cursor: PageCursor.optional(),
});
export type TransferListQuery = z.infer<typeof TransferListQuery>;
export const TransferExportQuery = TransferListQuery.omit({ limit: true, cursor: true });
export type TransferExportQuery = z.infer<typeof TransferExportQuery>;
export const TransferOverdueQuery = TransferListQuery.pick({ limit: true, cursor: true });
export type TransferOverdueQuery = z.infer<typeof TransferOverdueQuery>;

const Named = z.object({ id: z.number().int(), name: z.string() });

export const TransferResponse = z
  .object({
    id: z.number().int(),
    letterNumber: z.string(),
    direction: TransferDirection,
    directionLabel: z.string(),
    member: Named.extend({ idMasked: z.string() }),
    /** This side's org (the member's org on an outgoing letter, the receiving branch on an incoming one). */
    org: Named,
    fromOrgName: z.string(),
    toOrgName: z.string(),
    reason: z.string().nullable(),
    duesPaidUntil: z.string(),
    issuedOn: z.string(),
    validUntil: z.string(),
    receiptDueOn: z.string(),
    receiptReturnedOn: z.string().nullable(),
    stubKeepUntil: z.string(),
    state: TransferState,
    stateLabel: z.string(),
    /** An open letter whose receipt is past due. */
    overdue: z.boolean(),
    /** Days past the receipt's due day (0 when not overdue). */
    overdueDays: z.number().int(),
    cancelReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    policies: z.object({ receipt: z.boolean(), cancel: z.boolean(), print: z.boolean() }),
  })
  .meta({ id: 'Transfer' });
export type TransferResponse = z.infer<typeof TransferResponse>;

export const TransferListResponse = pageOf(TransferResponse, z.string());
export type TransferListResponse = z.infer<typeof TransferListResponse>;
