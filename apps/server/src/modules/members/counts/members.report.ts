/**
 * Member figures of the annual statistical report (年度党内统计, the stats/reports module): one
 * grouped statement per table, over the members in the actor's `stats.read` scope and, when
 * given, an org's subtree. At the committee's size (~12,000 members) a grouped read of `members`
 * is a few milliseconds; the facet rollup (`member_facet_counts`) takes its place once it exists.
 */
import { and, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import { memberStatusEvents, members } from '../../../db/schema';
import type { Actor } from '../../../policy/policy';
import { inOrgSubtree, memberScopeCondition } from '../record/members.scope';

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

export interface ReportFiguresDeps {
  db: Db;
}

export function createMemberReportFigures({ db }: ReportFiguresDeps) {
  const where = (actor: Actor, orgPath: string | null): SQL | undefined =>
    and(memberScopeCondition(actor, 'stats.read'), orgPath ? inOrgSubtree(orgPath) : undefined);

  return {
    /**
     * Members on the rolls by gender, birth year, education, member type and joining year: one
     * statement, a group of rows per facet (GROUPING SETS).
     */
    async profile(actor: Actor, orgPath: string | null): Promise<ProfileRow[]> {
      const birthYear = sql`extract(year from ${members.birthDate})::int::text`;
      const joinedYear = sql`extract(year from ${members.joinedAt})::int::text`;
      const rows = await queryRows<{
        g: number;
        gender: string | null;
        birth_year: string | null;
        education: string | null;
        member_type: string | null;
        joined_year: string | null;
        n: number;
      }>(
        db,
        sql`select grouping(${members.gender}, ${birthYear}, ${members.education}, ${members.memberType}, ${joinedYear})::int as g,
            ${members.gender} as gender, ${birthYear} as birth_year, ${members.education} as education,
            ${members.memberType} as member_type, ${joinedYear} as joined_year, count(*)::int as n
          from ${members}
          where ${members.status} in ('active', 'lost') and (${where(actor, orgPath) ?? sql`true`})
          group by grouping sets ((${members.gender}), (${birthYear}), (${members.education}), (${members.memberType}), (${joinedYear}))`,
      );
      // grouping() sets a bit for each column NOT in the row's set (first column = highest bit).
      const facets: [ProfileFacet, number, keyof (typeof rows)[number]][] = [
        ['gender', 0b01111, 'gender'],
        ['birthYear', 0b10111, 'birth_year'],
        ['education', 0b11011, 'education'],
        ['memberType', 0b11101, 'member_type'],
        ['joinedYear', 0b11110, 'joined_year'],
      ];
      return rows.flatMap((r) => {
        const f = facets.find(([, bits]) => bits === Number(r.g));
        return f ? [{ facet: f[0], value: (r[f[2]] as string | null) ?? null, n: Number(r.n) }] : [];
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

    /** Members on the rolls by the org they are placed in directly. */
    async byOrg(actor: Actor, orgPath: string | null): Promise<{ orgId: number; n: number }[]> {
      const rows = await db
        .select({ orgId: members.orgId, n: sql<number>`count(*)::int` })
        .from(members)
        .where(and(sql`${members.status} in ('active', 'lost')`, where(actor, orgPath)))
        .groupBy(members.orgId);
      return rows.map((r) => ({ orgId: r.orgId, n: Number(r.n) }));
    },
  };
}

export type MemberReportFigures = ReturnType<typeof createMemberReportFigures>;
