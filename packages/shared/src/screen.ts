import { z } from 'zod';
import { IdParams } from './common/ids';
import { Text } from './common/text';

/**
 * The big screen (数据大屏): the headline figures of a scope, the whole screen in one answer,
 * and the kiosk links (screen tokens) that open it without a password.
 */

const Int = z.number().int();

/** The headline figures of the actor's scope; amounts in fen. A figure the scope cannot read is null. */
export const StatsOverviewResponse = z
  .object({
    /** Members on the rolls (在册 and 失联). */
    members: Int,
    /** Second-level committees (二级流动党委) with members in the scope. */
    committees: Int,
    /** Members found by the founding drive (组织找党员集中行动). */
    found: Int.nullable(),
    /** Volunteers and person-times served in the 平安守望 campaign. */
    volunteers: Int.nullable(),
    servedPersonTimes: Int.nullable(),
    /** Hometown projects (家乡项目), signed investment, donations (funds and goods), labour export person-times. */
    projects: Int.nullable(),
    investmentFen: Int.nullable(),
    donationsFen: Int.nullable(),
    labourPersonTimes: Int.nullable(),
    /** Donations against COVID (抗疫), funds and goods. */
    covidFen: Int.nullable(),
  })
  .meta({ id: 'StatsOverview' });
export type StatsOverviewResponse = z.infer<typeof StatsOverviewResponse>;

const Area = z.object({ code: z.string(), name: z.string(), count: Int });

export const ScreenResponse = z
  .object({
    overview: StatsOverviewResponse,
    /** Members on the rolls by Beijing district (host district) and by Zhangjiakou county (home county). */
    byDistrict: z.array(Area),
    byCounty: z.array(Area),
    /** The founding drive's cumulative found curve. */
    finding: z
      .object({
        name: z.string(),
        targetCount: Int,
        found: Int,
        daily: z.array(z.object({ day: z.string(), cumulative: Int })),
      })
      .nullable(),
    /** The 平安守望 volunteer campaign's board. */
    volunteer: z
      .object({
        title: z.string(),
        startsOn: z.string(),
        endsOn: z.string(),
        days: Int,
        volunteers: Int,
        served: Int,
        hours: z.number(),
        byPost: z.array(z.object({ name: z.string(), volunteers: Int, served: Int })),
      })
      .nullable(),
    /** Hometown contributions by county, all years. */
    hometown: z
      .array(
        z.object({
          code: z.string(),
          name: z.string(),
          projects: Int,
          investmentFen: Int,
          donationsFen: Int,
          labourPersonTimes: Int,
        }),
      )
      .nullable(),
    /** This month's organizational life by second-level committee. */
    life: z
      .object({
        month: z.string(),
        held: Int,
        planned: Int,
        byCommittee: z.array(z.object({ name: z.string(), held: Int, planned: Int })),
      })
      .nullable(),
    /** Recent deeds: a member's name and the deed, nothing else. */
    feed: z.array(
      z.object({ name: z.string(), kind: z.string(), title: z.string(), occurredOn: z.string() }),
    ),
    refreshSeconds: Int,
    generatedAt: z.string(),
  })
  .meta({ id: 'Screen' });
export type ScreenResponse = z.infer<typeof ScreenResponse>;

export const ScreenTokenItem = z.object({
  id: Int,
  label: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ScreenTokenItem = z.infer<typeof ScreenTokenItem>;

export const ScreenTokenListResponse = z.object({ items: z.array(ScreenTokenItem) });
export type ScreenTokenListResponse = z.infer<typeof ScreenTokenListResponse>;

export const ScreenTokenCreateBody = z.object({ label: Text('放置位置', { min: 1, max: 50 }) });
export type ScreenTokenCreateBody = z.infer<typeof ScreenTokenCreateBody>;

/** The token is shown once, here; only its keyed hash is kept. */
export const ScreenTokenCreatedResponse = ScreenTokenItem.extend({ token: z.string() });
export type ScreenTokenCreatedResponse = z.infer<typeof ScreenTokenCreatedResponse>;

export const ScreenTokenIdParams = IdParams;
