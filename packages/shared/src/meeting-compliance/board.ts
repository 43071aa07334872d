/** Contracts of the compliance board: the board, the branches behind, attendance rates and absentees. */
import { z } from 'zod';
import { IsoDate } from '../common/dates';
import { QueryId, QueryInt } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { RequiredMeeting } from '../settings/rules';
import { PERIOD_STATUSES, TYPE_STATUSES } from './rules';

const Year = QueryInt('年度', 2000, 2100);

export const ComplianceQuery = z.object({
  /** Default: this year. */
  year: Year.optional(),
  /** A subtree (an org in scope); default: the whole scope. */
  orgId: QueryId('组织').optional(),
});
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

const PeriodItem = z.object({
  key: z.string(),
  label: z.string(),
  held: z.number().int(),
  status: z.enum(PERIOD_STATUSES),
});

export const ComplianceTypeItem = z.object({
  type: RequiredMeeting,
  frequency: z.string(),
  held: z.number().int(),
  required: z.number().int(),
  met: z.number().int(),
  due: z.number().int(),
  status: z.enum(TYPE_STATUSES),
  /** Held in each month, January first. */
  heldByMonth: z.array(z.number().int()),
  periods: z.array(PeriodItem),
});
export type ComplianceTypeItem = z.infer<typeof ComplianceTypeItem>;

export const ComplianceBranch = z.object({
  orgId: z.number().int(),
  name: z.string(),
  path: z.string(),
  committeeId: z.number().int().nullable(),
  committeeName: z.string().nullable(),
  fullMembers: z.number().int(),
  types: z.array(ComplianceTypeItem),
  behind: z.array(RequiredMeeting),
  completionRate: z.number().nullable(),
});
export type ComplianceBranch = z.infer<typeof ComplianceBranch>;

const RollupType = z.object({
  type: RequiredMeeting,
  held: z.number().int(),
  required: z.number().int(),
  /** Branches behind in this type, done with it, and exempt from it. */
  behind: z.number().int(),
  done: z.number().int(),
  exempt: z.number().int(),
  completionRate: z.number().nullable(),
});

export const ComplianceRollup = z.object({
  /** The second-level committee (null: the whole scope). */
  orgId: z.number().int().nullable(),
  name: z.string(),
  branches: z.number().int(),
  behindBranches: z.number().int(),
  completionRate: z.number().nullable(),
  types: z.array(RollupType),
});
export type ComplianceRollup = z.infer<typeof ComplianceRollup>;

export const ComplianceBoardResponse = z.object({
  year: z.number().int(),
  /** The month the board counts to: 1–12 this year, 13 for a past year, 0 for a future one. */
  currentMonth: z.number().int(),
  frequencies: z.record(z.string(), z.string()),
  total: ComplianceRollup,
  committees: z.array(ComplianceRollup),
  branches: z.array(ComplianceBranch),
});
export type ComplianceBoardResponse = z.infer<typeof ComplianceBoardResponse>;

export const BehindBranchItem = z.object({
  orgId: z.number().int(),
  name: z.string(),
  committeeName: z.string().nullable(),
  behind: z.array(RequiredMeeting),
  completionRate: z.number().nullable(),
});
export const BehindListResponse = z.object({
  year: z.number().int(),
  items: z.array(BehindBranchItem),
});
export type BehindListResponse = z.infer<typeof BehindListResponse>;

export const AttendanceRateQuery = z.object({
  orgId: QueryId('组织').optional(),
  from: IsoDate('开始日期').optional(),
  to: IsoDate('结束日期').optional(),
  limit: PageLimit(500, 100),
  cursor: PageCursor.optional(),
});
export type AttendanceRateQuery = z.infer<typeof AttendanceRateQuery>;

export const AttendanceRateItem = z.object({
  memberId: z.number().int(),
  name: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  /** Held meetings the member was expected at, and of these: attended (signed, late), on leave, absent. */
  expected: z.number().int(),
  attended: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  /** attended / expected, 0–1 (3 places). */
  rate: z.number(),
});
export type AttendanceRateItem = z.infer<typeof AttendanceRateItem>;
export const AttendanceRateListResponse = pageOf(AttendanceRateItem, PageCursor);
export type AttendanceRateListResponse = z.infer<typeof AttendanceRateListResponse>;

export const AbsenteesQuery = z.object({
  orgId: QueryId('组织').optional(),
  /** Missed (absent, not on leave) the last n held meetings they were expected at. */
  n: QueryInt('连续缺席次数', 2, 24).default(3),
  limit: PageLimit(500, 200),
});
export type AbsenteesQuery = z.infer<typeof AbsenteesQuery>;

export const AbsenteeItem = z.object({
  memberId: z.number().int(),
  name: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  /** Consecutive held meetings missed, latest first (at least n). */
  missed: z.number().int(),
  /** The day of the last held meeting they attended, if any. */
  lastAttendedOn: z.string().nullable(),
  lastMissedOn: z.string(),
});
export type AbsenteeItem = z.infer<typeof AbsenteeItem>;
export const AbsenteesResponse = z.object({
  n: z.number().int(),
  items: z.array(AbsenteeItem),
  /** More members than the limit match. */
  truncated: z.boolean(),
});
export type AbsenteesResponse = z.infer<typeof AbsenteesResponse>;
