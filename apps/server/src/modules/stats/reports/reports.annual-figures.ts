/**
 * The figures of the annual statistical report (年度党内统计), gathered from the members service
 * (one grouped statement per table) and the org tree, in the actor's `stats.read` scope.
 */
import {
  AGE_BANDS,
  type Band,
  bandOf,
  EDUCATION_LEVELS,
  GENDER_LABELS,
  MEMBER_TYPE_LABELS,
  ORG_KIND_LABELS,
  PARTY_AGE_BANDS,
} from '@ningxin/shared';
import type { ChangeRow, ProfileFacet, ProfileRow } from '../../members/counts/members.report';

export const UNKNOWN = '未填写';

export interface Category {
  name: string;
  n: number;
}
export interface Section {
  title: string;
  rows: Category[];
}

/** The columns of 党员变动情况: which status changes each counts (see the README). */
export const CHANGE_COLUMNS = [
  { group: '增加', name: '合计', counts: (r: ChangeRow) => r.fromStatus === null },
  {
    group: '增加',
    name: '组织寻找',
    counts: (r: ChangeRow) => r.fromStatus === null && r.source === 'found',
  },
  {
    group: '增加',
    name: '自主报到',
    counts: (r: ChangeRow) => r.fromStatus === null && r.source === 'self_registered',
  },
  {
    group: '增加',
    name: '导入及录入',
    counts: (r: ChangeRow) => r.fromStatus === null && (r.source === 'imported' || r.source === 'manual'),
  },
  {
    group: '恢复',
    name: '恢复在册',
    counts: (r: ChangeRow) => r.fromStatus !== null && r.toStatus === 'active',
  },
  { group: '减少', name: '转出', counts: (r: ChangeRow) => r.toStatus === 'transferred_out' },
  { group: '减少', name: '返乡', counts: (r: ChangeRow) => r.toStatus === 'returned' },
  { group: '减少', name: '失联', counts: (r: ChangeRow) => r.toStatus === 'lost' },
  { group: '减少', name: '停止党籍', counts: (r: ChangeRow) => r.toStatus === 'suspended' },
  { group: '减少', name: '去世', counts: (r: ChangeRow) => r.toStatus === 'deceased' },
] as const;

const educationName = (code: string) => EDUCATION_LEVELS.find((e) => e.code === code)?.name ?? code;

/** Adds up rows by a name, keeping the given order of names first (and 未填写 last). */
function tally(rows: { name: string; n: number }[], order: readonly string[]): Category[] {
  const sums = new Map<string, number>(order.map((name) => [name, 0]));
  for (const r of rows) sums.set(r.name, (sums.get(r.name) ?? 0) + r.n);
  const unknown = sums.get(UNKNOWN);
  sums.delete(UNKNOWN);
  const out = [...sums].map(([name, n]) => ({ name, n }));
  if (unknown) out.push({ name: UNKNOWN, n: unknown });
  return out;
}

/**
 * 党员基本情况: by gender, age band, education, member type and Party-age band. Ages and Party
 * ages are whole years at the end of the report year (year − birth year, year − joining year).
 */
export function basicSections(
  rows: readonly ProfileRow[],
  year: number,
): { total: number; sections: Section[] } {
  const of = (facet: ProfileFacet) => rows.filter((r) => r.facet === facet);
  const years = (value: string | null) => (value === null ? null : year - Number(value));
  const bandName = (bands: readonly Band[], y: number | null) =>
    y === null ? UNKNOWN : bandOf(bands, y).name;
  const total = of('memberType').reduce((s, r) => s + r.n, 0);
  const sections: Section[] = [
    {
      title: '性别',
      rows: tally(
        of('gender').map((r) => ({
          name: r.value ? (GENDER_LABELS[r.value as keyof typeof GENDER_LABELS] ?? r.value) : UNKNOWN,
          n: r.n,
        })),
        Object.values(GENDER_LABELS),
      ),
    },
    {
      title: '年龄',
      rows: tally(
        of('birthYear').map((r) => ({ name: bandName(AGE_BANDS, years(r.value)), n: r.n })),
        AGE_BANDS.map((b) => b.name),
      ),
    },
    {
      title: '学历',
      rows: tally(
        of('education').map((r) => ({ name: r.value ? educationName(r.value) : UNKNOWN, n: r.n })),
        EDUCATION_LEVELS.filter((e) => e.code !== '10').map((e) => e.name),
      ),
    },
    {
      title: '党员类别',
      rows: tally(
        of('memberType').map((r) => ({
          name: MEMBER_TYPE_LABELS[r.value as keyof typeof MEMBER_TYPE_LABELS] ?? r.value ?? UNKNOWN,
          n: r.n,
        })),
        Object.values(MEMBER_TYPE_LABELS),
      ),
    },
    {
      title: '党龄',
      rows: tally(
        of('joinedYear').map((r) => ({
          name: bandName(PARTY_AGE_BANDS, years(r.value)),
          n: r.n,
        })),
        PARTY_AGE_BANDS.map((b) => b.name),
      ),
    },
  ];
  return { total, sections };
}

/** An org of the tree as the report needs it. */
export interface ReportOrg {
  id: number;
  path: string;
  name: string;
  kind: string;
  sortOrder: number;
  closedAt: Date | null;
}

/** A row of a table by second-level committee: its name and a key to order by. */
export interface CommitteeKey {
  key: string;
  name: string;
  order: number;
}

export const DIRECT = '（流动党委直属）';

/** The second-level committee an org lies in (itself, or an ancestor), or the committee's direct orgs. */
export function committeeOf(org: ReportOrg | undefined, byId: ReadonlyMap<number, ReportOrg>): CommitteeKey {
  if (org) {
    for (const id of org.path.split('.').map(Number)) {
      const o = byId.get(id);
      if (o?.kind === 'sub_committee') return { key: String(o.id), name: o.name, order: o.sortOrder };
    }
  }
  return { key: 'direct', name: DIRECT, order: Number.MAX_SAFE_INTEGER };
}

export interface ChangeTableRow {
  name: string;
  values: number[];
}

/** 党员变动情况: one row per second-level committee (in tree order), then the total. */
export function changeTable(
  rows: readonly ChangeRow[],
  byId: ReadonlyMap<number, ReportOrg>,
): ChangeTableRow[] {
  const groups = new Map<string, CommitteeKey & { values: number[] }>();
  for (const r of rows) {
    const c = committeeOf(byId.get(r.orgId), byId);
    const g = groups.get(c.key) ?? { ...c, values: CHANGE_COLUMNS.map(() => 0) };
    CHANGE_COLUMNS.forEach((col, i) => {
      if (col.counts(r)) g.values[i] = (g.values[i] ?? 0) + r.n;
    });
    groups.set(c.key, g);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh'),
  );
  const total = CHANGE_COLUMNS.map((_, i) => ordered.reduce((s, g) => s + (g.values[i] ?? 0), 0));
  return [...ordered.map((g) => ({ name: g.name, values: g.values })), { name: '合计', values: total }];
}

/** The org kinds the org table counts, in its column order. */
export const ORG_TABLE_KINDS = ['sub_committee', 'branch', 'group'] as const;

export interface OrgTableRow {
  name: string;
  /** Open orgs by kind (ORG_TABLE_KINDS order), then their sum. */
  orgs: number[];
  /** Members on the rolls placed directly in a committee's office, a branch, a group; then their sum. */
  members: number[];
}

export const ORG_TABLE_HEADERS = {
  orgs: [...ORG_TABLE_KINDS.map((k) => ORG_KIND_LABELS[k]), '合计'],
  members: ['党委直属', '党支部', '党小组', '合计'],
};

/** 党组织基本情况: open orgs by kind and members by the kind of org they are placed in, per second-level committee. */
export function orgTable(
  orgsInScope: readonly ReportOrg[],
  byId: ReadonlyMap<number, ReportOrg>,
  membersByOrg: readonly { orgId: number; n: number }[],
): OrgTableRow[] {
  const groups = new Map<string, CommitteeKey & { orgs: number[]; members: number[] }>();
  const groupOf = (org: ReportOrg | undefined) => {
    const c = committeeOf(org, byId);
    const g = groups.get(c.key) ?? { ...c, orgs: [0, 0, 0, 0], members: [0, 0, 0, 0] };
    groups.set(c.key, g);
    return g;
  };
  for (const org of orgsInScope) {
    if (org.closedAt) continue;
    const i = ORG_TABLE_KINDS.indexOf(org.kind as (typeof ORG_TABLE_KINDS)[number]);
    if (i < 0) continue;
    const g = groupOf(org);
    g.orgs[i] = (g.orgs[i] ?? 0) + 1;
    g.orgs[3] = (g.orgs[3] ?? 0) + 1;
  }
  for (const m of membersByOrg) {
    const org = byId.get(m.orgId);
    const i = org?.kind === 'branch' ? 1 : org?.kind === 'group' ? 2 : 0;
    const g = groupOf(org);
    g.members[i] = (g.members[i] ?? 0) + m.n;
    g.members[3] = (g.members[3] ?? 0) + m.n;
  }
  const ordered = [...groups.values()].sort(
    (a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh'),
  );
  const sum = (pick: (g: OrgTableRow) => number[]) =>
    [0, 1, 2, 3].map((i) => ordered.reduce((s, g) => s + (pick(g)[i] ?? 0), 0));
  return [
    ...ordered.map((g) => ({ name: g.name, orgs: g.orgs, members: g.members })),
    { name: '合计', orgs: sum((g) => g.orgs), members: sum((g) => g.members) },
  ];
}
