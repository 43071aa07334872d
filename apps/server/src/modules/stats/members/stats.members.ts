import {
  AGE_BANDS,
  type Band,
  bandOf,
  divisionName,
  EDUCATION_LEVELS,
  GENDER_LABELS,
  type Gender,
  IN_REGISTER_STATUSES,
  localIsoDate,
  MEMBER_SOURCE_LABELS,
  MEMBER_STATUS_LABELS,
  MEMBER_TYPE_LABELS,
  type MemberSource,
  type MemberStatus,
  type MemberType,
  PARTY_AGE_BANDS,
  type StatsFlowQuery,
  type StatsFlowResponse,
  type StatsListFilter,
  type StatsMemberDimension,
  type StatsMemberRow,
  type StatsMembersQuery,
  type StatsMembersResponse,
  UNKNOWN_KEY,
  UNKNOWN_NAME,
} from '@ningxin/shared';
import type { ServiceRegistry } from '../../../lib/modules';
import type { Actor } from '../../../policy/policy';
import type {
  MemberStatsDimension,
  MemberStatsFilter,
  MemberStatsRow,
} from '../../members/counts/members.stats';

type Members = ServiceRegistry['members'];

/** This year in Beijing (the server's clock keeps Beijing time). */
export const thisYear = () => Number(localIsoDate(new Date()).slice(0, 4));

/** Where each dimension's figures come from in the members' rollups. */
const SOURCE_OF: Record<StatsMemberDimension, MemberStatsDimension> = {
  secondCommittee: 'committee',
  homeCounty: 'homeCounty',
  hostDistrict: 'hostDistrict',
  status: 'status',
  ageBand: 'birth_year',
  partyAge: 'joined_year',
  education: 'education',
  memberType: 'member_type',
  source: 'source',
  tag: 'tag',
  gender: 'gender',
};

const EDUCATION_ORDER = new Map(EDUCATION_LEVELS.map((e, i) => [e.code, i]));
const byCountThenKey = (a: StatsMemberRow, b: StatsMemberRow) =>
  b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The member list's query of a filter (what the list reads from its URL). */
function listFilter(q: MemberStatsFilter): StatsListFilter {
  const f: StatsListFilter = {};
  if (q.orgId) f.orgId = String(q.orgId);
  if (q.homeCounty.length) f.homeCounty = q.homeCounty.join(',');
  if (q.hostDistrict.length) f.hostDistrict = q.hostDistrict.join(',');
  if (q.status.length) f.status = q.status.join(',');
  return f;
}

/**
 * Rows of years (birth years or years joined) added up into bands of this year − year. The
 * drill-down of an age band is the list's age filter (exact age on today's date: members whose
 * birthday is still to come this year show one band lower there); of a Party-age band, the list's
 * years joined (exact).
 */
function banded(
  rows: MemberStatsRow[],
  bands: readonly Band[],
  year: number,
  filterOf: (b: Band) => StatsListFilter,
): StatsMemberRow[] {
  const counts = new Map<string, number>();
  let unknown = 0;
  for (const r of rows) {
    if (!r.key) {
      unknown += r.count;
      continue;
    }
    const band = bandOf(bands, year - Number(r.key));
    counts.set(band.key, (counts.get(band.key) ?? 0) + r.count);
  }
  const out: StatsMemberRow[] = bands.map((b) => ({
    key: b.key,
    name: b.name,
    count: counts.get(b.key) ?? 0,
    filter: filterOf(b),
  }));
  if (unknown) out.push({ key: UNKNOWN_KEY, name: UNKNOWN_NAME, count: unknown, filter: null });
  return out;
}

/** The member figures of the statistics: rollups read through the members service, named and banded. */
export function createStatsMembers(members: Pick<Members, 'stats'>) {
  return {
    async members(actor: Actor, q: StatsMembersQuery): Promise<StatsMembersResponse> {
      const filter: MemberStatsFilter = {
        orgId: q.orgId,
        homeCounty: q.homeCounty,
        hostDistrict: q.hostDistrict,
        status: q.status.length ? q.status : [...IN_REGISTER_STATUSES],
      };
      const base = listFilter(filter);
      const rows = await members.stats.counts(actor, SOURCE_OF[q.by], filter);
      const row = (
        key: string,
        name: string,
        count: number,
        extra: StatsListFilter | null,
      ): StatsMemberRow => ({
        key,
        name,
        count,
        filter: extra ? { ...base, ...extra } : null,
      });
      const year = thisYear();
      let out: StatsMemberRow[];
      switch (q.by) {
        case 'secondCommittee':
          out = rows.map((r) => row(r.key, r.name ?? r.key, r.count, { orgId: r.key })).sort(byCountThenKey);
          break;
        case 'homeCounty':
          out = rows
            .map((r) => row(r.key, divisionName(r.key) ?? r.key, r.count, { homeCounty: r.key }))
            .sort(byCountThenKey);
          break;
        case 'hostDistrict':
          out = rows
            .map((r) =>
              r.key
                ? row(r.key, divisionName(r.key) ?? r.key, r.count, { hostDistrict: r.key })
                : row(UNKNOWN_KEY, UNKNOWN_NAME, r.count, null),
            )
            .sort(byCountThenKey);
          break;
        case 'status':
          out = rows
            .map((r) =>
              row(r.key, MEMBER_STATUS_LABELS[r.key as MemberStatus] ?? r.key, r.count, { status: r.key }),
            )
            .sort(byCountThenKey);
          break;
        case 'ageBand':
          out = banded(rows, AGE_BANDS, year, (b) => ({
            ...base,
            ...(b.from !== null ? { ageFrom: String(b.from) } : {}),
            ...(b.to !== null ? { ageTo: String(b.to) } : {}),
          }));
          break;
        case 'partyAge':
          out = banded(rows, PARTY_AGE_BANDS, year, (b) => ({
            ...base,
            ...(b.to !== null ? { joinYearFrom: String(year - b.to) } : {}),
            ...(b.from !== null && year - b.from >= 1921 ? { joinYearTo: String(year - b.from) } : {}),
          }));
          break;
        case 'education':
          out = rows
            .map((r) =>
              r.key
                ? row(r.key, EDUCATION_LEVELS.find((e) => e.code === r.key)?.name ?? r.key, r.count, {
                    education: r.key,
                  })
                : row(UNKNOWN_KEY, UNKNOWN_NAME, r.count, null),
            )
            .sort((a, b) => (EDUCATION_ORDER.get(a.key) ?? 99) - (EDUCATION_ORDER.get(b.key) ?? 99));
          break;
        case 'memberType':
          out = rows.map((r) =>
            row(r.key, MEMBER_TYPE_LABELS[r.key as MemberType] ?? r.key, r.count, { memberType: r.key }),
          );
          out.sort(byCountThenKey);
          break;
        case 'source':
          // The list has no filter by source: no drill-down.
          out = rows
            .map((r) => row(r.key, MEMBER_SOURCE_LABELS[r.key as MemberSource] ?? r.key, r.count, null))
            .sort(byCountThenKey);
          break;
        case 'tag':
          out = rows.map((r) => row(r.key, r.key, r.count, { tags: r.key })).sort(byCountThenKey);
          break;
        case 'gender':
          // The list has no filter by gender: no drill-down.
          out = rows
            .map((r) =>
              r.key
                ? row(r.key, GENDER_LABELS[r.key as Gender] ?? r.key, r.count, null)
                : row(UNKNOWN_KEY, UNKNOWN_NAME, r.count, null),
            )
            .sort(byCountThenKey);
          break;
      }
      return { by: q.by, rows: out, total: out.reduce((s, r) => s + r.count, 0), filter: base };
    },

    /**
     * The year's flow by month, from the members' status timeline (member_status_events): records
     * created (and of those, found by the drive), transferred out, lost contact, restored to 在册.
     * Members are placed by their current org, county and district.
     */
    async flow(actor: Actor, q: StatsFlowQuery): Promise<StatsFlowResponse> {
      const rows = await members.stats.flow(actor, q.year, {
        orgId: q.orgId,
        homeCounty: q.homeCounty,
        hostDistrict: q.hostDistrict,
        status: [],
      });
      const months = Array.from({ length: 12 }, (_, i) => ({
        key: `${q.year}-${String(i + 1).padStart(2, '0')}`,
        name: `${i + 1}月`,
        created: 0,
        found: 0,
        transferredOut: 0,
        lost: 0,
        restored: 0,
      }));
      for (const r of rows) {
        const m = months[r.month - 1];
        if (!m) continue;
        if (r.fromStatus === null) {
          m.created += r.count;
          if (r.found) m.found += r.count;
        } else if (r.toStatus === 'transferred_out') m.transferredOut += r.count;
        else if (r.toStatus === 'lost') m.lost += r.count;
        else if (r.toStatus === 'active') m.restored += r.count;
      }
      const total = { created: 0, found: 0, transferredOut: 0, lost: 0, restored: 0 };
      for (const m of months) {
        total.created += m.created;
        total.found += m.found;
        total.transferredOut += m.transferredOut;
        total.lost += m.lost;
        total.restored += m.restored;
      }
      return { year: q.year, rows: months, total };
    },
  };
}

export type StatsMembers = ReturnType<typeof createStatsMembers>;
