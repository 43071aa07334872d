import { z } from 'zod';
import { IdParams, QueryInt, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { MemberReportKindSchema, MemberReportStateSchema } from './enums';

/** Contracts of a member's yearly reports (思想汇报、情况报告) to the home org. */

const Year = z
  .number({ error: '年份应为数字' })
  .int('年份应为整数')
  .min(2000, '年份不能早于 2000')
  .max(2199, '年份不能晚于 2199');

export const MemberReportCreateBody = z.object({
  year: Year,
  kind: MemberReportKindSchema,
  title: Text('标题', { min: 2, max: 100, minMessage: '请填写标题' }),
  /** The text; may be left empty when the report is an uploaded file. */
  body: OptionalText('正文', 20_000, { multiline: true }),
});
export type MemberReportCreateBody = z.infer<typeof MemberReportCreateBody>;
export type MemberReportCreateInput = z.input<typeof MemberReportCreateBody>;

export const MemberReportUpdateBody = z.object({
  title: Text('标题', { min: 2, max: 100, minMessage: '请填写标题' }).optional(),
  body: OptionalText('正文', 20_000, { multiline: true }),
  version: Version,
});
export type MemberReportUpdateBody = z.infer<typeof MemberReportUpdateBody>;
export type MemberReportUpdateInput = z.input<typeof MemberReportUpdateBody>;

export const MemberReportAckBody = z.object({
  comment: Text('意见', { max: 500, multiline: true }).nullable().optional(),
  version: Version,
});
export type MemberReportAckBody = z.infer<typeof MemberReportAckBody>;
export type MemberReportAckInput = z.input<typeof MemberReportAckBody>;

export const MemberReportIdParams = IdParams;

export const MemberReportListQuery = z.object({
  year: QueryInt('年份', 2000, 2199).optional(),
  kind: MemberReportKindSchema.optional(),
  state: MemberReportStateSchema.optional(),
  /** Members of this org or one below it. */
  orgId: QueryInt('党组织', 1, 2_147_483_647).optional(),
  limit: PageLimit(100, 20),
  cursor: PageCursor.optional(),
});
export type MemberReportListQuery = z.infer<typeof MemberReportListQuery>;

export const MemberReportResponse = z
  .object({
    id: z.number().int(),
    member: z.object({ id: z.number().int(), name: z.string() }),
    org: z.object({ id: z.number().int(), name: z.string() }),
    year: z.number().int(),
    kind: MemberReportKindSchema,
    kindLabel: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    state: MemberReportStateSchema,
    stateLabel: z.string(),
    ackComment: z.string().nullable(),
    ackByName: z.string().nullable(),
    ackAt: z.string().nullable(),
    submittedAt: z.string(),
    version: z.number().int(),
    policies: z.object({ edit: z.boolean(), acknowledge: z.boolean() }),
  })
  .meta({ id: 'MemberReport' });
export type MemberReportResponse = z.infer<typeof MemberReportResponse>;

export const MemberReportListResponse = pageOf(MemberReportResponse, z.string());
export type MemberReportListResponse = z.infer<typeof MemberReportListResponse>;

/** A member's own reports, and whether this year's is still owed. */
export const MyReportsResponse = z.object({
  year: z.number().int(),
  owed: z.boolean(),
  items: z.array(MemberReportResponse),
});
export type MyReportsResponse = z.infer<typeof MyReportsResponse>;
