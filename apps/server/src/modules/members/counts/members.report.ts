/**
 * Member figures of the annual statistical report (年度党内统计, the stats/reports module), over
 * the members in the actor's `stats.read` scope and, when given, an org's subtree: the members on
 * the rolls by facet and by org from the rollups kept by triggers (member_facet_counts or its
 * totals, member_counts / member_org_counts), never from the members; the year's changes from the status
 * timeline (no rollup keeps them), one grouped statement.
 */
import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { memberStatusEvents, members } from '../../../db/schema';
import type { Actor } from '../../../policy/policy';
import { scopeNamesDivisions } from '../../../policy/scope';
import { groupCondition, inOrgSubtree, memberScopeCondition } from '../record/members.scope';
import { GROUP_ROLLUP, ORG_ROLLUP, type Rollup } from './members.counts.source';
import { FACET_TABLES, facetRollupFor } from './members.stats.repository';

/** The members a report counts as on the rolls (在册, 失联). */
export const REPORT_ON_ROLLS = ['active', 'lost'] as const;

export type ProfileFacet = 'gender' | 'birthYear' | 'education' | 'memberType' | 'joinedYear';

export interface ProfileRow {
  facet: ProfileFacet;
  /** The value (a code, or a year as text); null where the record has none. */
  value: string | null;
  n: number;
}

export interface ChangeRow {
  /** The org the member is placed in now. */
  orgId: number;
  /** The status before the change; null for the record's first event (it entered the base). */
  fromStatus: string | null;
  toStatus: string;
  source: string;
  n: number;
}

/** The rollup's facets the first sheet reads, and their names here. */
const PROFILE_FACETS = {
  gender: 'gender',
  birth_year: 'birthYear',
  education: 'education',
  member_type: 'memberType',
  joined_year: 'joinedYear',
} as const satisfies Record<string, ProfileFacet>;

/** Rows of a rollup in the actor's `stats.read` scope, on the rolls, within the org's subtree when given. */
const rollupWhere = (actor: Actor, rollup: Rollup, orgPath: string | null): SQL | undefined =>
  and(
    memberScopeCondition(actor, 'stats.read', rollup.columns),
    groupCondition({ orgPath, homeCounty: [], hostDistrict: [], status: REPORT_ON_ROLLS }, rollup.columns),
  );

export interface ReportFiguresDeps {
  db: Db;
}

export function createMemberReportFigures({ db }: ReportFiguresDeps) {
  const where = (actor: Actor, orgPath: string | null): SQL | undefined =>
    and(memberScopeCondition(actor, 'stats.read'), orgPath ? inOrgSubtree(orgPath) : undefined);

  return {
    /**
     * Members on the rolls by gender, birth year, education, member type and joining year, from
     * the smallest facet rollup that answers the scope (`facetRollupFor`): one grouped read.
     */
    async profile(actor: Actor, orgPath: string | null): Promise<ProfileRow[]> {
      const filter = { orgPath, homeCounty: [], hostDistrict: [], status: REPORT_ON_ROLLS };
      const { rollup, columns } = facetRollupFor(actor, filter);
      const t = FACET_TABLES[rollup];
      const rows = await db
        .select({ facet: t.facet, value: t.value, n: sql<number>`sum(${t.n})::int` })
        .from(t)
        .where(
          and(
            inArray(t.facet, Object.keys(PROFILE_FACETS)),
            memberScopeCondition(actor, 'stats.read', columns),
            groupCondition(filter, columns),
          ),
        )
        .groupBy(t.facet, t.value);
      return rows.flatMap((r) => {
        const facet = PROFILE_FACETS[r.facet as keyof typeof PROFILE_FACETS];
        // The rollup keeps a missing value as ''.
        return facet && Number(r.n) ? [{ facet, value: r.value || null, n: Number(r.n) }] : [];
      });
    },

    /**
     * Status changes whose effective date falls in the year, of the members now placed in scope:
     * by the status before and after and the member's source (the first event of a record has no
     * status before: the member entered the base).
     */
    async changes(actor: Actor, year: number, orgPath: string | null): Promise<ChangeRow[]> {
      const rows = await db
        .select({
          orgId: members.orgId,
          fromStatus: memberStatusEvents.fromStatus,
          toStatus: memberStatusEvents.toStatus,
          source: members.source,
          n: sql<number>`count(*)::int`,
        })
        .from(memberStatusEvents)
        .innerJoin(members, sql`${members.id} = ${memberStatusEvents.memberId}`)
        .where(
          and(
            sql`${memberStatusEvents.effectiveDate} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
            where(actor, orgPath),
          ),
        )
        .groupBy(members.orgId, memberStatusEvents.fromStatus, memberStatusEvents.toStatus, members.source);
      return rows.map((r) => ({ ...r, n: Number(r.n) }));
    },

    /**
     * Members on the rolls by the org they are placed in directly, from the group rollups: the
     * (org, status) one unless the scope names a home county or host district.
     */
    async byOrg(actor: Actor, orgPath: string | null): Promise<{ orgId: number; n: number }[]> {
      const rollup = scopeNamesDivisions(actor, 'stats.read') ? GROUP_ROLLUP : ORG_ROLLUP;
      const rows = await db
        .select({ orgId: rollup.orgId, n: sql<number>`sum(${rollup.n})::int` })
        .from(rollup.table)
        .where(rollupWhere(actor, rollup, orgPath))
        .groupBy(rollup.orgId);
      return rows.map((r) => ({ orgId: Number(r.orgId), n: Number(r.n) })).filter((r) => r.n > 0);
    },
  };
}

export type MemberReportFigures = ReturnType<typeof createMemberReportFigures>;
