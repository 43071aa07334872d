import { z } from 'zod';
import { localIsoDate } from './common/calendar';
import { DivisionCode, PathId, QueryInt, Version } from './common/ids';
import { PageCursor, PageLimit, pageOf } from './common/page';
import { OptionalText } from './common/text';
import { MemberStatus } from './members/enums';

/**
 * The yearly conduct feedback (现实表现反馈) to the home side: per member and year, the figures
 * the activity ledger counted and the secretary's comment; a PDF per member, one workbook per
 * county, and a send that tells the county's organization department.
 */

export const FEEDBACK_FIRST_YEAR = 2000;
export const FEEDBACK_COMMENT_MAX = 1000;

/** A feedback year: from 2000 to this year. */
const yearRule = (label: string) =>
  z
    .number()
    .int()
    .min(FEEDBACK_FIRST_YEAR, `${label}不能早于 ${FEEDBACK_FIRST_YEAR} 年`)
    .refine((y) => y <= Number(localIsoDate(new Date()).slice(0, 4)), `${label}不能晚于今年`);

export const FeedbackYear = QueryInt('年度', FEEDBACK_FIRST_YEAR, 2199).pipe(yearRule('年度'));

export const FeedbackListQuery = z.object({
  year: FeedbackYear,
  /** Members of a home county (流出地); all in scope when absent. */
  county: DivisionCode.optional(),
  limit: PageLimit(200, 50),
  cursor: PageCursor.optional(),
});
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;

/** A year's figures from the activity ledger (0 where nothing was recorded). */
export const FeedbackFigures = z.object({
  /** 参加组织生活（次） */
  meetings: z.number(),
  /** 学习（学时） */
  studyHours: z.number(),
  /** 志愿服务（小时） */
  volunteerHours: z.number(),
  /** 服务家乡贡献（项） and their amount in fen */
  contributions: z.number().int(),
  contributionFen: z.number(),
  /** 获得表彰（次） */
  honours: z.number(),
  /** 关爱帮扶（次）: visits and hardship help received */
  care: z.number(),
  /** 民主评议等次: the year's latest evaluation; null when none was recorded. */
  evaluation: z.string().nullable(),
  /** 心得体会: the year's approved reflections, how many and their titles. */
  reflections: z.number().int(),
  reflectionTitles: z.array(z.string()),
});
export type FeedbackFigures = z.infer<typeof FeedbackFigures>;

export const FeedbackItem = z.object({
  member: z.object({
    id: z.number().int(),
    name: z.string(),
    status: MemberStatus,
    orgName: z.string(),
    homeCounty: z.string(),
    homeCountyName: z.string().nullable(),
    hostDistrictName: z.string().nullable(),
    joinedAt: z.string(),
  }),
  year: z.number().int(),
  figures: FeedbackFigures,
  comment: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** 0 before any comment was written: the version a first PUT sends. */
  version: z.number().int(),
  canWrite: z.boolean(),
});
export type FeedbackItem = z.infer<typeof FeedbackItem>;

export const FeedbackListResponse = pageOf(FeedbackItem, z.string())
  .extend({ year: z.number().int(), total: z.number().int() })
  .meta({ id: 'FeedbackList' });
export type FeedbackListResponse = z.infer<typeof FeedbackListResponse>;

/** `/feedback/:memberId/:year` */
export const FeedbackParams = z.object({
  memberId: PathId(),
  year: z
    .string()
    .regex(/^\d{4}$/, '年度应为 4 位数字')
    .transform(Number)
    .pipe(yearRule('年度'))
    .meta({ type: 'integer', minimum: FEEDBACK_FIRST_YEAR, maximum: 2199 } as never),
});

export const FeedbackUpdateBody = z.object({
  comment: OptionalText('党组织意见', FEEDBACK_COMMENT_MAX, { multiline: true }),
  version: Version,
});
export type FeedbackUpdateBody = z.infer<typeof FeedbackUpdateBody>;

export const FeedbackWorkbookQuery = z.object({ year: FeedbackYear, county: DivisionCode });
export type FeedbackWorkbookQuery = z.infer<typeof FeedbackWorkbookQuery>;

export const FeedbackSendBody = z.object({
  year: yearRule('年度'),
  county: DivisionCode,
});
export type FeedbackSendBody = z.infer<typeof FeedbackSendBody>;

export const FeedbackSendResponse = z.object({
  /** Members whose feedback was marked sent. */
  members: z.number().int(),
  /** Accounts of the county's organization department that were told. */
  recipients: z.number().int(),
  sentAt: z.string(),
});
export type FeedbackSendResponse = z.infer<typeof FeedbackSendResponse>;
