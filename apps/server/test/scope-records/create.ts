/**
 * A few records of each domain, one in a branch of 通州 (where the demo member is) and one in a
 * branch of 海淀, made through the API by the committee office: what the route × role matrix reads
 * inside and outside each role's scope, without the domains' demo seeds. The 通州 records serve
 * 康保 (the home viewer's county) and 西城 (the host viewer's district); the 海淀 ones neither.
 * The other domains' records come from their demo seeds (createScopeRecords names them).
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client';
import type { TestApp } from '../app';
import { branchOf, orgByName } from '../factories';
import { callAs, createNestedRecords } from './nested';

/**
 * The modules whose demo seeds make the other records walked (a second or less each on 150
 * members): dues, finding campaigns and leads, self-registrations, notices, courses, reflections
 * and yearly reports.
 */
export const SEEDED = ['archives', 'dues', 'finding', 'registrations', 'notices', 'learning', 'reflections'];

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
  /** The leader of the side's volunteer post: the demo member in 通州, nobody in 海淀. */
  leader: number | null;
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
  const [me] = await queryRows<{ id: number; org_id: number; org_path: string }>(
    t.store.db,
    sql`select m.id, m.org_id, m.org_path from users u join members m on m.id = u.member_id where u.username = 'member'`,
  );
  const tongzhou = await orgByName(t.store, '驻北京通州区流动党委');
  const haidian = await orgByName(t.store, '驻北京海淀区流动党委');
  return [
    {
      committee: tongzhou,
      branch: { id: Number(me!.org_id), path: me!.org_path },
      member: await memberOf(t, tongzhou.path, KANGBAO, true),
      leader: Number(me!.id),
      county: KANGBAO,
      district: XICHENG,
    },
    {
      committee: haidian,
      branch: await branchOf(t.store, '驻北京海淀区流动党委'),
      member: await memberOf(t, haidian.path, KANGBAO, false),
      leader: null,
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
    '/meetings/exemptions',
    (s) => ({ orgId: s.branch.id, type: 'theme_day', fromOn: inDays(0), reason: '支部书记外出培训' }),
  ],
  [
    '/courses',
    (s) => ({
      title: '学习党章：党员的义务和权利',
      kind: 'article',
      orgId: s.committee.id,
      body: '<p>党员必须履行下列义务。</p>',
      plannedMinutes: 1,
      creditHours: 1,
    }),
  ],
  ['/study/records', (s) => ({ memberId: s.member, studiedOn: inDays(-3), hours: 2, title: '党章专题学习' })],
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
    '/certificates',
    (s) => ({ memberId: s.member, destination: '北京市', reason: '外出务工', validUntil: inDays(180) }),
  ],
  [
    '/transfers',
    (s) => ({
      direction: 'outgoing',
      memberId: s.member,
      toOrgName: '中共康保县委组织部',
      duesPaidUntil: inDays(0).slice(0, 7),
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
  const call = callAs(t, office);
  const post = (url: string, payload: Record<string, unknown>) => call('POST', url, payload);
  for (const side of await sides(t)) {
    let campaign = 0;
    let volunteerPost = 0;
    for (const [url, body] of BODIES) {
      const created = await post(url, body(side));
      // Published: read by the members of the committee's subtree, the demo member among 通州's.
      if (url === '/courses')
        await post(`/courses/${created.id}/state`, { to: 'published', version: created.version });
      if (url === '/trainings') {
        await post(`/trainings/${created.id}/sessions`, {
          title: '开班式',
          startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
        });
        // A member of the committee's, the class's audience.
        const [enrolled] = await queryRows<{ id: number }>(
          t.store.db,
          sql`select id from members where status = 'active' and org_path like ${`${side.committee.path}.%`}
            order by id limit 1`,
        );
        await post(`/trainings/${created.id}/enrolments`, { memberIds: [Number(enrolled!.id)] });
      }
      if (url === '/volunteer/campaigns') {
        campaign = created.id;
        volunteerPost = (
          await post(`/volunteer/campaigns/${created.id}/posts`, {
            name: '西门岗',
            task: 'patrol',
            headcount: 2,
            leaderMemberId: side.leader,
          })
        ).id;
      }
    }
    await createNestedRecords(t, call, { ...side, campaign, post: volunteerPost });
  }
}
