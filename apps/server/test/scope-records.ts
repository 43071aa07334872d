/**
 * A few records of each domain, one in a branch of 通州 (where the demo member is) and one in a
 * branch of 海淀, made through the API by the committee office: what the route × role matrix reads
 * inside and outside each role's scope, without the domains' demo seeds. The 通州 records serve
 * 康保 (the home viewer's county) and 西城 (the host viewer's district); the 海淀 ones neither.
 * And the records the matrix walks, each with who may read it, as the policy says.
 */
import type { Action } from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../src/db/client';
import { memberTarget } from '../src/modules/members/record/members.scope';
import type { Target } from '../src/policy/policy';
import type { TestApp } from './app';
import { branchOf, orgByName } from './factories';

const KANGBAO = '130723';
const YUXIAN = '130726';
const XICHENG = '110102';
const CHAOYANG = '110105';

interface Side {
  /** A second-level committee and one of its branches. */
  committee: { id: number; path: string };
  branch: { id: number; path: string };
  /**
   * The member the side's care records are about (of 康保 for 通州, preferably placed there), and the
   * home county and host district the side's other records name.
   */
  member: number;
  county: string;
  district: string;
}

/** An active member, of the county when one is named (else of another), under the path if one is. */
async function memberOf(t: TestApp, path: string, county: string, ofCounty: boolean) {
  const [row] = await queryRows<{ id: number }>(
    t.store.db,
    sql`select id from members where status = 'active' and (home_county = ${county}) = ${ofCounty}
      order by (org_path = ${path} or org_path like ${`${path}.%`}) desc, id limit 1`,
  );
  if (!row) throw new Error(`no active member for ${county}`);
  return Number(row.id);
}

async function sides(t: TestApp): Promise<Side[]> {
  const [me] = await queryRows<{ org_id: number; org_path: string }>(
    t.store.db,
    sql`select m.org_id, m.org_path from users u join members m on m.id = u.member_id where u.username = 'member'`,
  );
  const tongzhou = await orgByName(t.store, '驻北京通州区流动党委');
  const haidian = await orgByName(t.store, '驻北京海淀区流动党委');
  return [
    {
      committee: tongzhou,
      branch: { id: Number(me!.org_id), path: me!.org_path },
      member: await memberOf(t, tongzhou.path, KANGBAO, true),
      county: KANGBAO,
      district: XICHENG,
    },
    {
      committee: haidian,
      branch: await branchOf(t.store, '驻北京海淀区流动党委'),
      member: await memberOf(t, haidian.path, KANGBAO, false),
      county: YUXIAN,
      district: CHAOYANG,
    },
  ];
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The bodies to POST, per side: one record of each kind. */
const BODIES: [string, (s: Side) => Record<string, unknown>][] = [
  [
    '/meetings',
    (s) => ({
      orgId: s.branch.id,
      type: 'theme_day',
      topic: '主题党日：重温入党誓词',
      plannedAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
  ],
  [
    '/trainings',
    (s) => ({
      title: '流动党员示范培训班',
      kind: 'model_class',
      orgId: s.committee.id,
      startsOn: inDays(10),
      endsOn: inDays(12),
      place: '党员教育中心',
      quota: 3,
      studyHours: 24,
    }),
  ],
  [
    '/evaluations',
    (s) => ({ orgId: s.branch.id, year: 2026, opensOn: '2026-11-01', closesOn: '2026-12-20' }),
  ],
  [
    '/volunteer/campaigns',
    (s) => ({
      title: '平安守望·社区志愿服务',
      orgId: s.committee.id,
      partnerName: '街道办事处',
      hostDistrict: s.district,
      startsOn: inDays(-1),
      endsOn: inDays(5),
    }),
  ],
  [
    '/hometown/projects',
    (s) => ({
      name: '古典家具产业园',
      industry: '家具制造',
      countyCode: s.county,
      park: '产业园',
      enterprises: ['古典家具有限公司'],
      stage: 'signed',
      stageOn: '2021-03-15',
      signedWan: '12000.5',
      orgId: s.committee.id,
    }),
  ],
  [
    '/hometown/donations',
    (s) => ({
      donorKind: 'enterprise',
      donorName: '张家口驻京商会',
      kind: 'funds',
      amountYuan: '300000.00',
      purpose: 'covid',
      countyCode: s.county,
      recipient: '疫情防控指挥部',
      donatedOn: '2020-02-10',
      orgId: s.committee.id,
    }),
  ],
  [
    '/hometown/labour/postings',
    (s) => ({
      employer: '物业管理有限公司',
      title: '物业保洁员',
      headcount: 30,
      payMinYuan: '4500',
      payMaxYuan: '6000',
      place: '北京市',
      countyCode: s.county,
      postedOn: '2024-03-01',
      orgId: s.committee.id,
    }),
  ],
  [
    '/hometown/labour/placements',
    (s) => ({
      employer: '城建项目部',
      countyCode: s.county,
      placedOn: '2023-04-01',
      personTimes: 120,
      orgId: s.committee.id,
    }),
  ],
  [
    '/care/visits',
    (s) => ({
      memberId: s.member,
      reason: 'holiday',
      holiday: '春节',
      visitedOn: '2026-02-10',
      visitors: '流动党委书记',
      giftYuan: '500.00',
    }),
  ],
  [
    '/care/help',
    (s) => ({
      memberId: s.member,
      kind: 'money',
      amountYuan: '2000',
      givenOn: '2026-03-05',
      reason: '家属重病住院',
    }),
  ],
  [
    '/honours',
    (s) => ({
      kind: 'individual',
      level: 'committee',
      title: '优秀流动党员',
      issuer: '流动党委',
      awardedOn: '2025-07-01',
      memberId: s.member,
    }),
  ],
];

/** Creates the records (one API call each, as the committee office); throws on any refusal. */
export async function createScopeRecords(t: TestApp, office: string): Promise<void> {
  for (const side of await sides(t)) {
    for (const [url, body] of BODIES) {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1${url}`,
        cookie: office,
        payload: body(side),
      });
      if (res.statusCode !== 201) throw new Error(`POST ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
  }
}

/** Who may read a record: an action over a policy target (the route's own action unless named). */
export interface ScopedRecord {
  id: number;
  reads: { action?: Action; target: Target }[];
}

/** A place as a policy target: an org path, a home county, a host district, a member (-1: none). */
const placedAt = (orgPath: string, homeCounty: string | null, hostDistrict: string | null, memberId = -1) =>
  ({ type: 'member', orgPath, homeCounty, hostDistrict, memberId }) as const;

/** The records of the store, read as the matrix walks them. */
export function recordSources(db: () => Db) {
  /**
   * Records of a query's rows (id, org path, home county, host district): each read in the org's
   * subtree, by the viewer of the county and by the viewer of the district (when named).
   */
  async function placed(query: SQL): Promise<ScopedRecord[]> {
    const rows = await queryRows<Record<string, unknown>>(db(), query);
    return rows.map((r) => {
      const [id, path, county, district] = Object.values(r) as [number, string, string | null, string | null];
      return { id: Number(id), reads: [{ target: placedAt(path, county, district) }] };
    });
  }

  /** Meetings: read over their branch, and by their attendees. */
  async function meetings() {
    const records = await placed(sql`select id, org_path, null, null from meetings`);
    const attendees = await queryRows<{ meeting_id: number; member_id: number }>(
      db(),
      sql`select meeting_id, member_id from meeting_attendees`,
    );
    for (const a of attendees)
      records
        .find((r) => r.id === Number(a.meeting_id))
        ?.reads.push({ action: 'member.self', target: placedAt('-', null, null, Number(a.member_id)) });
    return records;
  }

  /** Evaluation rounds: read over their branch, and by the home viewer of any participant. */
  async function rounds() {
    const records = await placed(sql`select id, org_path, null, null from evaluation_rounds`);
    const participants = await queryRows<{
      round_id: number;
      home_county: string;
      host_district: string | null;
    }>(
      db(),
      sql`select p.round_id, m.home_county, m.host_district from evaluation_participants p
        join members m on m.id = p.member_id`,
    );
    for (const p of participants)
      records
        .find((r) => r.id === Number(p.round_id))
        ?.reads.push({ target: placedAt('-', p.home_county, p.host_district) });
    return records;
  }

  /** Up to 60 members spread over the tree, each its own target. */
  async function sampleMembers(): Promise<ScopedRecord[]> {
    const rows = await queryRows<{
      id: number;
      org_path: string;
      home_county: string;
      host_district: string | null;
    }>(db(), sql`select id, org_path, home_county, host_district from members order by id % 7, id limit 60`);
    return rows.map((r) => ({
      id: r.id,
      reads: [
        {
          target: memberTarget({
            id: r.id,
            orgPath: r.org_path,
            homeCounty: r.home_county,
            hostDistrict: r.host_district,
          }),
        },
      ],
    }));
  }

  async function sampleOrgs(): Promise<ScopedRecord[]> {
    const rows = await queryRows<{ id: number; path: string }>(
      db(),
      sql`select id, path from orgs order by id`,
    );
    return rows.map((r) => ({ id: r.id, reads: [{ target: { type: 'org' as const, path: r.path } }] }));
  }

  return { placed, meetings, rounds, sampleMembers, sampleOrgs };
}
