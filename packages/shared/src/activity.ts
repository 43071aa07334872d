import { z } from 'zod';
import { ACTIVITY_KIND_LIST, ACTIVITY_UNITS } from './activity-names';
import { MIN_DATE } from './common/calendar';
import { MAX_DATE } from './common/dates';
import { QueryInt } from './common/ids';
import { pageOf } from './common/page';
import { MemberStatus } from './members/enums';

export const ActivityUnit = z.enum(ACTIVITY_UNITS);
export type ActivityUnit = z.infer<typeof ActivityUnit>;

export const ActivityKind = z.enum(ACTIVITY_KIND_LIST);
export type ActivityKind = z.infer<typeof ActivityKind>;

/** `GET /members/:id/activity`: a year's entries, or without a year the most recent; newest first. */
export const ActivityQuery = z.object({
  year: QueryInt('年份', Number(MIN_DATE.slice(0, 4)), Number(MAX_DATE.slice(0, 4))).optional(),
  limit: QueryInt('每页条数', 1, 200).default(50),
  cursor: z.string().max(200, '分页游标无效').meta({ format: 'page-cursor' }).optional(),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

/** A status change's own facts, from the member's status timeline. */
export const ActivityStatusChange = z.object({
  fromStatus: MemberStatus.nullable(),
  toStatus: MemberStatus,
  /** The account that made the change as logged at the time, and its display name now. */
  actorName: z.string().nullable(),
  actorDisplayName: z.string().nullable(),
});
export type ActivityStatusChange = z.infer<typeof ActivityStatusChange>;

/** One entry of a member's timeline. */
export const ActivityItem = z.object({
  id: z.number().int(),
  kind: ActivityKind,
  occurredOn: z.string(),
  /** In the unit (fen for money). */
  quantity: z.number(),
  unit: ActivityUnit,
  /** What it was: the meeting's topic, the status change's reason. */
  title: z.string(),
  /** The org the member belonged to when it happened, with its name now. */
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  /** The record behind the entry. */
  source: z.object({ module: z.string(), id: z.string() }),
  recordedAt: z.string(),
  /** For a status change: from which status to which, and who made it. */
  statusChange: ActivityStatusChange.nullable(),
});
export type ActivityItem = z.infer<typeof ActivityItem>;

/** An entry of any member in the user's scope, for the workbench's 最近动态. */
export const RecentActivityItem = z.object({
  id: z.number().int(),
  member: z.object({ id: z.number().int(), name: z.string() }),
  kind: ActivityKind,
  occurredOn: z.string(),
  title: z.string(),
  recordedAt: z.string(),
});
export type RecentActivityItem = z.infer<typeof RecentActivityItem>;

/** One kind's total in a year: the quantities summed, and how many entries. */
export const ActivityTotal = z.object({
  kind: ActivityKind,
  unit: ActivityUnit,
  quantity: z.number(),
  entries: z.number().int(),
});
export type ActivityTotal = z.infer<typeof ActivityTotal>;

/** A member's year: the kinds that have entries, in the order of ACTIVITY_KIND_LIST. */
export const ActivityYearSummary = z
  .object({ year: z.number().int(), totals: z.array(ActivityTotal) })
  .meta({ id: 'ActivityYearSummary' });
export type ActivityYearSummary = z.infer<typeof ActivityYearSummary>;

export const ActivityTimelineResponse = pageOf(ActivityItem, z.string())
  .extend({
    memberId: z.number().int(),
    /** The year asked for; null for the most recent entries. */
    year: z.number().int().nullable(),
    /** The year's totals by kind; null without a year. */
    summary: ActivityYearSummary.nullable(),
    /** The years that have entries, newest first (for a year picker). */
    years: z.array(z.number().int()),
  })
  .meta({ id: 'MemberActivity' });
export type ActivityTimelineResponse = z.infer<typeof ActivityTimelineResponse>;
