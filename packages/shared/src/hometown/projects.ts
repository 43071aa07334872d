import { z } from 'zod';
import { PastDate } from '../common/dates';
import { IdParams, QueryId, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { ProjectStage } from './enums';
import { County, HomeCounty, LedgerPolicies, LedgerYear, LedgerYearQuery, Named } from './fields';
import { WanAmount } from './money-amount';

/** Contracts of investment projects (引进项目): the project, its stages, yearly figures, introducers. */

const Enterprises = z
  .array(Text('企业名称', { min: 1, max: 100 }), { error: '企业应为名称列表' })
  .max(50, '企业最多 50 家');
const IntroducerIds = z
  .array(RecordId('招商员'), { error: '招商员应为党员列表' })
  .max(20, '招商员最多 20 人')
  .refine((ids) => new Set(ids).size === ids.length, '招商员不能重复');

/** One year's figures: output (产值) and tax (税收) in 万元, jobs (就业岗位). */
export const ProjectYearBody = z.object({
  year: LedgerYear,
  outputWan: WanAmount('产值'),
  taxWan: WanAmount('税收'),
  jobs: z
    .number({ error: '就业岗位应为数字' })
    .int('就业岗位应为整数')
    .min(0, '就业岗位不能为负数')
    .max(1_000_000, '就业岗位超出范围'),
});
export type ProjectYearBody = z.infer<typeof ProjectYearBody>;
export type ProjectYearInput = z.input<typeof ProjectYearBody>;

export const ProjectCreateBody = z.object({
  name: Text('项目名称', { min: 2, max: 100, minMessage: '请填写项目名称' }),
  industry: Text('行业', { min: 1, max: 40 }),
  countyCode: HomeCounty,
  park: OptionalText('园区或乡镇', 100),
  enterprises: Enterprises.default([]),
  /** The stage it is in now, and the day it got there (the first row of its history). */
  stage: ProjectStage,
  stageOn: PastDate('阶段日期', '2000-01-01'),
  /** The day it was signed (签约); required once the stage is 签约 or later. */
  signedOn: PastDate('签约日期', '2000-01-01').nullable().optional(),
  signedWan: WanAmount('签约投资额'),
  actualWan: WanAmount('实际投资额').default(0),
  note: OptionalText('备注', 2000, { multiline: true }),
  /** The recording org: its subtree's secretaries keep the project. */
  orgId: RecordId('填报组织'),
  introducerIds: IntroducerIds.default([]),
});
export type ProjectCreateBody = z.infer<typeof ProjectCreateBody>;
export type ProjectCreateInput = z.input<typeof ProjectCreateBody>;

export const ProjectUpdateBody = z.object({
  name: ProjectCreateBody.shape.name.optional(),
  industry: ProjectCreateBody.shape.industry.optional(),
  countyCode: HomeCounty.optional(),
  park: ProjectCreateBody.shape.park,
  enterprises: Enterprises.optional(),
  signedOn: PastDate('签约日期', '2000-01-01').nullable().optional(),
  signedWan: WanAmount('签约投资额').optional(),
  actualWan: WanAmount('实际投资额').optional(),
  note: ProjectCreateBody.shape.note,
  introducerIds: IntroducerIds.optional(),
  version: Version,
});
export type ProjectUpdateBody = z.infer<typeof ProjectUpdateBody>;
export type ProjectUpdateInput = z.input<typeof ProjectUpdateBody>;

/** The yearly figures, all of them: what is not listed is removed. */
export const ProjectYearsBody = z.object({
  years: z
    .array(ProjectYearBody, { error: '年度数据应为列表' })
    .max(200, '年度数据最多 200 年')
    .refine((ys) => new Set(ys.map((y) => y.year)).size === ys.length, '年份不能重复'),
  version: Version,
});
export type ProjectYearsBody = z.infer<typeof ProjectYearsBody>;

/** A stage change: the new stage, the day, a note; it becomes a row of the history. */
export const ProjectStageBody = z.object({
  stage: ProjectStage,
  onDate: PastDate('阶段日期', '2000-01-01'),
  note: OptionalText('说明', 500),
  version: Version,
});
export type ProjectStageBody = z.infer<typeof ProjectStageBody>;

export const ProjectIdParams = IdParams;

export const ProjectListQuery = z.object({
  countyCode: HomeCounty.optional(),
  stage: ProjectStage.optional(),
  /** Projects signed in this year. */
  year: LedgerYearQuery.optional(),
  /** Recorded by this org or one below it. */
  orgId: QueryId('填报组织').optional(),
  q: Text('关键词', { max: 30 }).optional(),
  limit: PageLimit(200, 20),
  cursor: PageCursor.optional(),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;

/** The list's filters, for its .xlsx export. */
export const ProjectExportQuery = ProjectListQuery.omit({ limit: true, cursor: true });
export type ProjectExportQuery = z.infer<typeof ProjectExportQuery>;

export const ProjectStageEntry = z.object({
  id: z.number().int(),
  stage: ProjectStage,
  stageLabel: z.string(),
  onDate: z.string(),
  note: z.string().nullable(),
});

export const ProjectYearEntry = z.object({
  year: z.number().int(),
  outputFen: z.number().int(),
  taxFen: z.number().int(),
  jobs: z.number().int(),
});

export const ProjectResponse = z
  .object({
    id: z.number().int(),
    name: z.string(),
    industry: z.string(),
    county: County,
    park: z.string().nullable(),
    enterprises: z.array(z.string()),
    stage: ProjectStage,
    stageLabel: z.string(),
    signedOn: z.string().nullable(),
    signedFen: z.number().int(),
    actualFen: z.number().int(),
    note: z.string().nullable(),
    org: Named,
    introducers: z.array(Named),
    version: z.number().int(),
    createdAt: z.string(),
    policies: LedgerPolicies,
  })
  .meta({ id: 'HometownProject' });
export type ProjectResponse = z.infer<typeof ProjectResponse>;

/** A project with its history and yearly figures (the editor). */
export const ProjectDetailResponse = ProjectResponse.extend({
  stages: z.array(ProjectStageEntry),
  years: z.array(ProjectYearEntry),
}).meta({ id: 'HometownProjectDetail' });
export type ProjectDetailResponse = z.infer<typeof ProjectDetailResponse>;

/** A page of projects; `totals` sums every project the filters match (not only the page). */
export const ProjectListResponse = pageOf(ProjectResponse, z.string()).extend({
  totals: z.object({ count: z.number().int(), signedFen: z.number().int(), actualFen: z.number().int() }),
});
export type ProjectListResponse = z.infer<typeof ProjectListResponse>;
