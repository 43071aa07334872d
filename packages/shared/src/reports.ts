import { z } from 'zod';
import { localIsoDate } from './common/calendar';
import { QueryId, QueryInt } from './common/ids';

/**
 * Reports (统计报表): the annual statistical report workbook (年度党内统计) and the whole
 * committee's home-county feedback workbook (现实表现反馈), generated as a run with progress.
 */

export const REPORT_FIRST_YEAR = 2000;

const thisYear = () => Number(localIsoDate(new Date()).slice(0, 4));

/** `?year=&orgId=`: the annual report of a year, for the actor's scope or one org's subtree. */
export const AnnualReportQuery = z.object({
  year: QueryInt('年度', REPORT_FIRST_YEAR, 2199).refine((y) => y <= thisYear(), '年度不能晚于今年'),
  /** A second-level committee (or any org) whose subtree the report covers; the actor's scope when absent. */
  orgId: QueryId('组织').optional(),
});
export type AnnualReportQuery = z.infer<typeof AnnualReportQuery>;

/** `POST /stats/reports/feedback-runs`: the year whose feedback the run gathers. */
export const FeedbackRunBody = z.object({
  year: z
    .number({ error: '年度应为整数' })
    .int('年度应为整数')
    .min(REPORT_FIRST_YEAR, `年度不能早于 ${REPORT_FIRST_YEAR} 年`)
    .max(2199, '年度不能晚于今年')
    .refine((y) => y <= thisYear(), '年度不能晚于今年'),
});
export type FeedbackRunBody = z.infer<typeof FeedbackRunBody>;

export const FEEDBACK_RUN_STATES = ['queued', 'running', 'done', 'failed'] as const;
export const FeedbackRunState = z.enum(FEEDBACK_RUN_STATES);
export type FeedbackRunState = z.infer<typeof FeedbackRunState>;
export const FEEDBACK_RUN_STATE_LABELS: Record<FeedbackRunState, string> = {
  queued: '排队中',
  running: '生成中',
  done: '已完成',
  failed: '失败',
};

/** `/stats/reports/feedback-runs/:id` */
export const FeedbackRunParams = z.object({
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '编号格式不正确'),
});

/** `/stats/reports/feedback-runs/:id/counties/:county.pdf`: a county of the home city, by division code. */
export const FeedbackRunCountyParams = FeedbackRunParams.extend({
  county: z.string().regex(/^\d{6}$/, '县区代码应为 6 位数字'),
});

/** A county of a run: its members in the actor's scope and, once made, its feedback PDF. */
export const FeedbackRunCounty = z.object({
  code: z.string(),
  name: z.string(),
  /** Members of the county in the run's workbook sheet and PDF. */
  members: z.number().int(),
  /** The PDF's pages (one a member) once it is made; null before, and for a county without members. */
  pdfPages: z.number().int().nullable(),
});
export type FeedbackRunCounty = z.infer<typeof FeedbackRunCounty>;

export const FeedbackRun = z
  .object({
    id: z.string(),
    year: z.number().int(),
    state: FeedbackRunState,
    countiesDone: z.number().int(),
    countiesTotal: z.number().int(),
    membersDone: z.number().int(),
    /** Members on the rolls in the actor's scope, counted when the run starts. */
    membersTotal: z.number().int(),
    /** Members whose page of the county feedback PDF is made (of `membersTotal`). */
    pdfMembersDone: z.number().int(),
    /** The home city's counties in order, with their PDFs as they are made. */
    counties: z.array(FeedbackRunCounty),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    /** Why a run failed (a Chinese message). */
    error: z.string().nullable(),
  })
  .meta({ id: 'FeedbackRun' });
export type FeedbackRun = z.infer<typeof FeedbackRun>;
