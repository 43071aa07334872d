import { z } from 'zod';
import { IsoDate, PastDate } from '../common/dates';
import { IdParams, QueryId, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { PostingState } from './enums';
import { County, HomeCounty, LedgerPolicies, LedgerYearQuery, Named } from './fields';
import { YuanAmount } from './money-amount';

/** Contracts of labour export (劳务输出): job postings and placements of hometown workers. */

const Headcount = (label: string, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(1, `${label}至少为 1`)
    .max(max, `${label}不能超过 ${max}`);

const PostingFields = {
  employer: Text('用工单位', { min: 1, max: 100 }),
  /** The member whose enterprise it is, if one. */
  employerMemberId: RecordId('企业负责党员').nullable().optional(),
  title: Text('岗位', { min: 1, max: 100 }),
  headcount: Headcount('招聘人数', 100_000),
  /** Monthly pay range in 元. */
  payMinYuan: YuanAmount('月薪下限').nullable().optional(),
  payMaxYuan: YuanAmount('月薪上限').nullable().optional(),
  place: Text('工作地点', { min: 1, max: 100 }),
  /** The home county it recruits in, if one. */
  countyCode: HomeCounty.nullable().optional(),
  postedOn: PastDate('发布日期', '2000-01-01'),
  closesOn: IsoDate('截止日期', { min: '2000-01-01' }).nullable().optional(),
  state: PostingState.default('open'),
  note: OptionalText('备注', 2000, { multiline: true }),
};

export const PostingCreateBody = z.object({ ...PostingFields, orgId: RecordId('填报组织') });
export type PostingCreateBody = z.infer<typeof PostingCreateBody>;
export type PostingCreateInput = z.input<typeof PostingCreateBody>;
export const PostingUpdateBody = z.object({ ...PostingFields, version: Version });
export type PostingUpdateBody = z.infer<typeof PostingUpdateBody>;
export type PostingUpdateInput = z.input<typeof PostingUpdateBody>;

export const PostingListQuery = z.object({
  countyCode: HomeCounty.optional(),
  state: PostingState.optional(),
  year: LedgerYearQuery.optional(),
  orgId: QueryId('填报组织').optional(),
  q: Text('关键词', { max: 30 }).optional(),
  limit: PageLimit(200, 20),
  cursor: PageCursor.optional(),
});
export type PostingListQuery = z.infer<typeof PostingListQuery>;

/** The list's filters, for its .xlsx export. */
export const PostingExportQuery = PostingListQuery.omit({ limit: true, cursor: true });
export type PostingExportQuery = z.infer<typeof PostingExportQuery>;

export const PostingResponse = z
  .object({
    id: z.number().int(),
    employer: z.string(),
    employerMember: Named.nullable(),
    title: z.string(),
    headcount: z.number().int(),
    payMinFen: z.number().int().nullable(),
    payMaxFen: z.number().int().nullable(),
    place: z.string(),
    county: County.nullable(),
    postedOn: z.string(),
    closesOn: z.string().nullable(),
    state: PostingState,
    stateLabel: z.string(),
    note: z.string().nullable(),
    placedPersonTimes: z.number().int(),
    org: Named,
    version: z.number().int(),
    createdAt: z.string(),
    policies: LedgerPolicies,
  })
  .meta({ id: 'HometownJobPosting' });
export type PostingResponse = z.infer<typeof PostingResponse>;
export const PostingListResponse = pageOf(PostingResponse, z.string());
export type PostingListResponse = z.infer<typeof PostingListResponse>;

const PlacementFields = {
  /** The posting it came through, if one. */
  postingId: RecordId('用工信息').nullable().optional(),
  employer: Text('用工单位', { min: 1, max: 100 }),
  countyCode: HomeCounty,
  placedOn: PastDate('输出日期', '2000-01-01'),
  personTimes: Headcount('输出人次', 1_000_000),
  note: OptionalText('备注', 2000, { multiline: true }),
};

export const PlacementCreateBody = z.object({ ...PlacementFields, orgId: RecordId('填报组织') });
export type PlacementCreateBody = z.infer<typeof PlacementCreateBody>;
export type PlacementCreateInput = z.input<typeof PlacementCreateBody>;
export const PlacementUpdateBody = z.object({ ...PlacementFields, version: Version });
export type PlacementUpdateBody = z.infer<typeof PlacementUpdateBody>;
export type PlacementUpdateInput = z.input<typeof PlacementUpdateBody>;

export const PlacementListQuery = z.object({
  countyCode: HomeCounty.optional(),
  year: LedgerYearQuery.optional(),
  postingId: QueryId('用工信息').optional(),
  orgId: QueryId('填报组织').optional(),
  q: Text('关键词', { max: 30 }).optional(),
  limit: PageLimit(200, 20),
  cursor: PageCursor.optional(),
});
export type PlacementListQuery = z.infer<typeof PlacementListQuery>;

/** The list's filters, for its .xlsx export. */
export const PlacementExportQuery = PlacementListQuery.omit({ limit: true, cursor: true });
export type PlacementExportQuery = z.infer<typeof PlacementExportQuery>;

export const PlacementResponse = z
  .object({
    id: z.number().int(),
    posting: z.object({ id: z.number().int(), title: z.string() }).nullable(),
    employer: z.string(),
    county: County,
    placedOn: z.string(),
    personTimes: z.number().int(),
    note: z.string().nullable(),
    org: Named,
    version: z.number().int(),
    createdAt: z.string(),
    policies: LedgerPolicies,
  })
  .meta({ id: 'HometownPlacement' });
export type PlacementResponse = z.infer<typeof PlacementResponse>;
export const PlacementListResponse = pageOf(PlacementResponse, z.string()).extend({
  totals: z.object({ count: z.number().int(), personTimes: z.number().int() }),
});
export type PlacementListResponse = z.infer<typeof PlacementListResponse>;

export const LabourIdParams = IdParams;
