import { z } from 'zod';
import { PastDate } from '../common/dates';
import { ClassHours } from '../common/hours';
import { IdParams, QueryId, QueryInt, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';

/**
 * Contracts of self-reported volunteer hours (自主志愿服务): a member reports service done outside
 * the campaigns (a day, hours, what, where); the secretaries over the member's org approve or
 * reject it; an approved report counts in the member's volunteer hours (the activity ledger).
 */

/** submitted (待审核) → approved (已通过) or rejected (未通过); withdrawn (已撤回) by the member while submitted. */
export const VOLUNTEER_HOURS_STATES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export const VolunteerHoursState = z.enum(VOLUNTEER_HOURS_STATES, { error: '状态无效' });
export type VolunteerHoursState = z.infer<typeof VolunteerHoursState>;

export const VOLUNTEER_HOURS_STATE_LABELS: Record<VolunteerHoursState, string> = {
  submitted: '待审核',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** Hours of one report: 0.1 to 24 (a day), one decimal (the column is numeric(5, 1)). */
export const VolunteerHoursAmount = ClassHours('服务时长', { min: 0.1, max: 24 });

export const VolunteerHoursCreateBody = z.object({
  servedOn: PastDate('服务日期', '2000-01-01'),
  hours: VolunteerHoursAmount,
  description: Text('服务内容', { min: 2, max: 200, multiline: true, minMessage: '请填写服务内容' }),
  place: OptionalText('服务地点', 100),
});
export type VolunteerHoursCreateBody = z.infer<typeof VolunteerHoursCreateBody>;
export type VolunteerHoursCreateInput = z.input<typeof VolunteerHoursCreateBody>;

/** A reviewer's decision; a rejection names its reason. */
export const VolunteerHoursDecideBody = z.object({
  decision: z.enum(['approve', 'reject'], { error: '请选择通过或不通过' }),
  reason: Text('原因', { max: 200, multiline: true }).nullable().optional(),
  version: Version,
});
export type VolunteerHoursDecideBody = z.infer<typeof VolunteerHoursDecideBody>;
export type VolunteerHoursDecideInput = z.input<typeof VolunteerHoursDecideBody>;

export const VolunteerHoursWithdrawBody = z.object({ version: Version });
export type VolunteerHoursWithdrawBody = z.infer<typeof VolunteerHoursWithdrawBody>;

export const VolunteerHoursParams = IdParams;

/** The reviewers' list: those awaiting review first, then newest first. */
export const VolunteerHoursListQuery = z.object({
  state: VolunteerHoursState.optional(),
  /** Reported by members of this org or one below it. */
  orgId: QueryId('党组织').optional(),
  limit: PageLimit(100, 20),
  cursor: PageCursor.optional(),
});
export type VolunteerHoursListQuery = z.infer<typeof VolunteerHoursListQuery>;

export const VolunteerHoursResponse = z
  .object({
    id: z.number().int(),
    member: z.object({ id: z.number().int(), name: z.string() }),
    org: z.object({ id: z.number().int(), name: z.string() }),
    servedOn: z.string(),
    hours: z.number(),
    description: z.string(),
    place: z.string().nullable(),
    state: VolunteerHoursState,
    stateLabel: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    /** Why it was rejected (or the reviewer's note on an approval). */
    decisionNote: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
    policies: z.object({ decide: z.boolean(), withdraw: z.boolean() }),
  })
  .meta({ id: 'VolunteerHours' });
export type VolunteerHoursResponse = z.infer<typeof VolunteerHoursResponse>;

export const VolunteerHoursListResponse = pageOf(VolunteerHoursResponse, z.string());
export type VolunteerHoursListResponse = z.infer<typeof VolunteerHoursListResponse>;

/** Where a member's volunteer hours come from, as the ledger entry's source tells. */
export const VOLUNTEER_HOURS_SOURCES = ['campaign', 'self', 'other'] as const;
export const VolunteerHoursSource = z.enum(VOLUNTEER_HOURS_SOURCES);
export type VolunteerHoursSource = z.infer<typeof VolunteerHoursSource>;

export const VOLUNTEER_HOURS_SOURCE_LABELS: Record<VolunteerHoursSource, string> = {
  campaign: '志愿服务活动',
  self: '自主志愿服务',
  other: '其他',
};

export const VolunteerHoursSummaryQuery = z.object({
  /** Default: this year. */
  year: QueryInt('年度', 2000, 2100).optional(),
});
export type VolunteerHoursSummaryQuery = z.infer<typeof VolunteerHoursSummaryQuery>;

/** A member's volunteer hours of a year from the ledger: campaign shifts and approved reports. */
export const VolunteerHoursSummaryResponse = z
  .object({
    year: z.number().int(),
    hours: z.number(),
    bySource: z.array(
      z.object({
        source: VolunteerHoursSource,
        label: z.string(),
        hours: z.number(),
        entries: z.number().int(),
      }),
    ),
    /** Hours of the member's reports still awaiting review (not counted yet). */
    pendingHours: z.number(),
  })
  .meta({ id: 'VolunteerHoursSummary' });
export type VolunteerHoursSummaryResponse = z.infer<typeof VolunteerHoursSummaryResponse>;
