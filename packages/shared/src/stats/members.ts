import { z } from 'zod';
import { QueryInt } from '../common/ids';
import { MemberListQuery } from '../members/members';

/**
 * Member figures of the statistics (统计): what they group by. secondCommittee, homeCounty,
 * hostDistrict and status come from the member counts by group; the others from the facet
 * counts (age and Party age in bands, see bands.ts).
 */
export const STATS_MEMBER_DIMENSIONS = [
  'secondCommittee',
  'homeCounty',
  'hostDistrict',
  'ageBand',
  'partyAge',
  'education',
  'memberType',
  'status',
  'source',
  'tag',
  'gender',
] as const;
export const StatsMemberDimension = z.enum(STATS_MEMBER_DIMENSIONS);
export type StatsMemberDimension = z.infer<typeof StatsMemberDimension>;

/** Members still on the committee's register (在册, 失联, 停止党籍): the default status filter. */
export const IN_REGISTER_STATUSES = ['active', 'lost', 'suspended'] as const;

const list = MemberListQuery.shape;

/** The filters every member figure takes: an org subtree, home counties, host districts, statuses. */
export const StatsMemberFilterQuery = z.object({
  orgId: list.orgId,
  homeCounty: list.homeCounty,
  hostDistrict: list.hostDistrict,
  /** Empty: the in-register statuses. */
  status: list.status,
});

export const StatsMembersQuery = StatsMemberFilterQuery.extend({ by: StatsMemberDimension });
export type StatsMembersQuery = z.infer<typeof StatsMembersQuery>;

/**
 * The member list's query that shows the members behind a figure (drill-down), as query-string
 * pairs; absent where the list has no such filter (source, gender, an unknown value).
 */
export const StatsListFilter = z.record(z.string(), z.string());
export type StatsListFilter = z.infer<typeof StatsListFilter>;

export const StatsMemberRow = z.object({
  /** The committee's org id, the division code, the band key, the code or the tag. */
  key: z.string(),
  name: z.string(),
  count: z.number().int(),
  filter: StatsListFilter.nullable(),
});
export type StatsMemberRow = z.infer<typeof StatsMemberRow>;

export const StatsMembersResponse = z
  .object({
    by: StatsMemberDimension,
    rows: z.array(StatsMemberRow),
    /** Members counted (for tags: members with the tag, a member with two tags counts in both rows). */
    total: z.number().int(),
    /** The member list's query of the whole figure. */
    filter: StatsListFilter,
  })
  .meta({ id: 'StatsMembers' });
export type StatsMembersResponse = z.infer<typeof StatsMembersResponse>;

/** A year of the statistics. */
export const StatsYear = QueryInt('年份', 2000, 2100);

export const StatsFlowQuery = StatsMemberFilterQuery.omit({ status: true }).extend({ year: StatsYear });
export type StatsFlowQuery = z.infer<typeof StatsFlowQuery>;

const FlowFigures = z.object({
  /** Records created (建立档案), found by the finding drive or not. */
  created: z.number().int(),
  /** Of those, records whose source is the finding drive (组织寻找). */
  found: z.number().int(),
  transferredOut: z.number().int(),
  lost: z.number().int(),
  /** Back to 在册 from 失联, 停止党籍, 已转出 or 已返乡. */
  restored: z.number().int(),
});

export const StatsFlowResponse = z
  .object({
    year: z.number().int(),
    /** Twelve rows, January first; key `YYYY-MM`. */
    rows: z.array(FlowFigures.extend({ key: z.string(), name: z.string() })),
    total: FlowFigures,
  })
  .meta({ id: 'StatsMemberFlow' });
export type StatsFlowResponse = z.infer<typeof StatsFlowResponse>;

/** The export of a topic's table (`?format=xlsx`). */
export const StatsFormat = z.object({ format: z.enum(['json', 'xlsx']).default('json') });
