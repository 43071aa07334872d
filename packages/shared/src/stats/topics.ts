import { z } from 'zod';
import { QueryId, QueryInt } from '../common/ids';
import { StatsYear } from './members';

/**
 * The domain topics of the statistics (统计), each read from its module's service in the actor's
 * scope: one table of named rows with figures in named columns, and the total row.
 */
export const STATS_TOPICS = [
  'finding',
  'meetings',
  'study',
  'volunteer',
  'hometown',
  'honours',
  'dues',
] as const;
export const StatsTopic = z.enum(STATS_TOPICS);
export type StatsTopic = z.infer<typeof StatsTopic>;

export const StatsYearQuery = z.object({ year: StatsYear.optional() });
export type StatsYearQuery = z.infer<typeof StatsYearQuery>;

/** The volunteer topic's rows: one a campaign of the year, or one an organizing second-level committee. */
export const STATS_VOLUNTEER_BY = ['campaign', 'committee'] as const;
export const StatsVolunteerQuery = StatsYearQuery.extend({
  by: z.enum(STATS_VOLUNTEER_BY, { error: '分组方式只能是 campaign 或 committee' }).default('campaign'),
});
export type StatsVolunteerQuery = z.infer<typeof StatsVolunteerQuery>;

/** The honours topic's rows: one a level, or one a second-level committee (its honours by level). */
export const STATS_HONOURS_BY = ['level', 'committee'] as const;
export const StatsHonoursQuery = StatsYearQuery.extend({
  by: z.enum(STATS_HONOURS_BY, { error: '分组方式只能是 level 或 committee' }).default('level'),
});
export type StatsHonoursQuery = z.infer<typeof StatsHonoursQuery>;

export const StatsDuesQuery = z.object({
  year: StatsYear.optional(),
  /** 1–12; default: this month (of this year), December of a past year. */
  month: QueryInt('月份', 1, 12).optional(),
});
export type StatsDuesQuery = z.infer<typeof StatsDuesQuery>;

export const StatsFindingQuery = z.object({
  /** Default: the latest campaign in scope. */
  campaignId: QueryId('寻找活动').optional(),
});
export type StatsFindingQuery = z.infer<typeof StatsFindingQuery>;

export const StatsColumn = z.object({
  key: z.string(),
  label: z.string(),
  /** How a figure reads: a count (人, 个, 人次), hours, a percentage, yuan. */
  unit: z.string(),
});
export type StatsColumn = z.infer<typeof StatsColumn>;

export const StatsTopicRow = z.object({
  key: z.string(),
  name: z.string(),
  /** By column key; null where a figure does not apply (a rate with nothing required). */
  values: z.record(z.string(), z.number().nullable()),
});
export type StatsTopicRow = z.infer<typeof StatsTopicRow>;

export const StatsTopicResponse = z
  .object({
    topic: StatsTopic,
    /** The table's title (the chart's and the sheet's). */
    title: z.string(),
    /** What a row is (活动, 二级流动党委, 县区…): the heading of the rows' names. */
    rowLabel: z.string(),
    year: z.number().int().nullable(),
    columns: z.array(StatsColumn),
    rows: z.array(StatsTopicRow),
    total: z.record(z.string(), z.number().nullable()),
  })
  .meta({ id: 'StatsTopic' });
export type StatsTopicResponse = z.infer<typeof StatsTopicResponse>;
