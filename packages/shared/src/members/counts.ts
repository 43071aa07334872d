import { z } from 'zod';
import { MemberListQuery } from './members';

/**
 * What member counts group by: home county (流出地县区), second-level committee (二级流动党委,
 * the second segment of the org path; members placed in the top committee itself count under
 * it) or status.
 */
export const MEMBER_COUNT_DIMENSIONS = ['homeCounty', 'committee', 'status'] as const;
export const MemberCountDimension = z.enum(MEMBER_COUNT_DIMENSIONS);
export type MemberCountDimension = z.infer<typeof MemberCountDimension>;

const list = MemberListQuery.shape;

/** Member counts of the actor's scope, narrowed by the list's filters that a count by group can answer. */
export const MemberCountsQuery = z.object({
  by: MemberCountDimension,
  orgId: list.orgId,
  homeCounty: list.homeCounty,
  hostDistrict: list.hostDistrict,
  status: list.status,
});
export type MemberCountsQuery = z.infer<typeof MemberCountsQuery>;

export const MemberCountItem = z.object({
  /** The county's division code, the committee's org id, or the status. */
  key: z.string(),
  /** The county's, the committee's or the status's Chinese name. */
  name: z.string(),
  count: z.number().int(),
});
export type MemberCountItem = z.infer<typeof MemberCountItem>;

export const MemberCountsResponse = z
  .object({
    by: MemberCountDimension,
    /** The groups that hold members, largest first. */
    items: z.array(MemberCountItem),
    /** All members counted (the sum of the items). */
    total: z.number().int(),
  })
  .meta({ id: 'MemberCounts' });
export type MemberCountsResponse = z.infer<typeof MemberCountsResponse>;
