import { z } from 'zod';
import { YearMonth } from '../common/dates';
import { IdParams, QueryId, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { YuanAmount } from '../hometown/money-amount';
import { DuesNamed } from './months';

/** Reduced or waived dues (党费减免): a request, the branch's review, the next level's approval. */

export const DUES_RELIEF_KINDS = ['reduced', 'waived'] as const;
export const DuesReliefKind = z.enum(DUES_RELIEF_KINDS, { error: '减免方式应为减交或免交' });
export type DuesReliefKind = z.infer<typeof DuesReliefKind>;
export const DUES_RELIEF_KIND_LABELS: Record<DuesReliefKind, string> = { reduced: '减交', waived: '免交' };

export const DUES_RELIEF_STATES = ['submitted', 'reviewed', 'approved', 'rejected'] as const;
export const DuesReliefState = z.enum(DUES_RELIEF_STATES);
export type DuesReliefState = z.infer<typeof DuesReliefState>;
export const DUES_RELIEF_STATE_LABELS: Record<DuesReliefState, string> = {
  submitted: '待支部审议',
  reviewed: '待上级审批',
  approved: '已批准',
  rejected: '未批准',
};

export const DuesReliefCreateBody = z.object({
  memberId: RecordId('党员'),
  kind: DuesReliefKind,
  fromMonth: YearMonth('起始月份'),
  toMonth: YearMonth('截止月份'),
  /** The reduced monthly amount in yuan (kind reduced). */
  monthlyYuan: YuanAmount('减交后每月金额').optional(),
  reason: Text('减免理由', { min: 1, max: 500, multiline: true }),
});
export type DuesReliefCreateBody = z.infer<typeof DuesReliefCreateBody>;
export type DuesReliefCreateInput = z.input<typeof DuesReliefCreateBody>;

export const DuesReliefStepBody = z.object({
  version: Version,
  approve: z.boolean({ error: '请选择同意或不同意' }),
  note: OptionalText('意见', 500),
});
export type DuesReliefStepBody = z.infer<typeof DuesReliefStepBody>;

export const DuesReliefResponse = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  org: DuesNamed,
  kind: DuesReliefKind,
  kindLabel: z.string(),
  fromMonth: z.string(),
  toMonth: z.string(),
  monthlyFen: z.number().int(),
  reason: z.string(),
  state: DuesReliefState,
  stateLabel: z.string(),
  reviewedBy: z.string().nullable(),
  reviewNote: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
  policies: z.object({ review: z.boolean(), decide: z.boolean() }),
});
export type DuesReliefResponse = z.infer<typeof DuesReliefResponse>;

export const DuesReliefListQuery = z.object({
  state: DuesReliefState.optional(),
  orgId: QueryId('组织').optional(),
  limit: PageLimit(200, 50),
  cursor: PageCursor.optional(),
});
export type DuesReliefListQuery = z.infer<typeof DuesReliefListQuery>;
export const DuesReliefListResponse = z.object({
  items: z.array(DuesReliefResponse),
  nextCursor: z.string().nullable(),
});
export type DuesReliefListResponse = z.infer<typeof DuesReliefListResponse>;
export const DuesReliefIdParams = IdParams;
