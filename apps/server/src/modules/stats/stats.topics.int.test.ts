import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { loadXlsx, sheetRows } from '../../../test/excel';
import { auditCount } from '../../../test/factories';
import { queryRows } from '../../db/client';
import { thisYear } from './members/stats.members';

let t: TestApp;
const cookies: Record<string, string> = {};
const year = thisYear();

beforeAll(async () => {
  t = await createTestApp({}, { moduleSeeds: true });
  for (const who of ['office', 'tongzhou', 'kangbao', 'xicheng', 'member']) cookies[who] = await t.login(who);
});
afterAll(() => t.close());

async function get(who: string, url: string) {
  const res = await t.request({ method: 'GET', url, cookie: cookies[who]! });
  expect(res.statusCode, `${who} ${url}: ${res.body}`).toBe(200);
  return res.json();
}

/** The first year of a table's dates (null: no rows). */
async function firstYear(table: string, column: string) {
  const [row] = await queryRows<{ y: number }>(
    t.store.db,
    sql`select extract(year from ${sql.identifier(column)})::int as y from ${sql.identifier(table)}
      order by 1 limit 1`,
  );
  return row?.y ?? null;
}

/** An org `o` whose second-level committee is `cm` (the top committee keeps only its own). */
const keptBy = sql`(o.path = cm.path or (strpos(cm.path, '.') > 0 and o.path like cm.path || '.%'))`;

interface Topic {
  columns: { key: string }[];
  rows: { key: string; name: string; values: Record<string, number | null> }[];
  total: Record<string, number | null>;
}

describe('the domain topics of /api/v1/stats', () => {
  it('401 without a session, 403 for a member, 400 for a bad year or campaign', async () => {
    for (const topic of ['finding', 'meetings', 'study', 'volunteer', 'hometown', 'honours', 'dues']) {
      expect((await t.request({ method: 'GET', url: `/api/v1/stats/${topic}` })).statusCode).toBe(401);
      const member = await t.request({
        method: 'GET',
        url: `/api/v1/stats/${topic}`,
        cookie: cookies.member!,
      });
      expect(member.statusCode, topic).toBe(403);
    }
    for (const url of [
      '/api/v1/stats/meetings?year=1999',
      '/api/v1/stats/hometown?year=x',
      '/api/v1/stats/finding?campaignId=0',
      '/api/v1/stats/volunteer?by=level',
      '/api/v1/stats/honours?by=campaign',
    ])
      expect((await t.request({ method: 'GET', url, cookie: cookies.office! })).statusCode, url).toBe(400);
  });

  it('hometown: each county equals a direct count of the ledgers; a county viewer sees its county only', async () => {
    const answer: Topic = await get('office', `/api/v1/stats/hometown?year=${year}`);
    const projects = await queryRows<{ county: string; n: number }>(
      t.store.db,
      sql`select county_code as county, count(*)::int as n from hometown_projects
          where extract(year from signed_on) = ${year} group by 1`,
    );
    for (const p of projects)
      expect(answer.rows.find((r) => r.key === p.county)?.values.projects, p.county).toBe(p.n);
    expect(answer.total.projects).toBe(projects.reduce((s, p) => s + p.n, 0));
    const ledger = await get('office', `/api/v1/hometown/totals?year=${year}`);
    expect(answer.total.personTimes).toBe(ledger.total.personTimes);
    expect(answer.total.donations).toBe(ledger.total.donations);
    const kangbao: Topic = await get('kangbao', `/api/v1/stats/hometown?year=${year}`);
    expect(kangbao.rows.every((r) => r.key === '130723')).toBe(true);
    // A district viewer may read the statistics but not the hometown ledgers: an empty table.
    const xicheng: Topic = await get('xicheng', `/api/v1/stats/hometown?year=${year}`);
    expect(xicheng.rows).toEqual([]);
    expect(xicheng.total.projects).toBe(0);
  });

  it('meetings: the compliance board by committee, in the secretary’s subtree', async () => {
    const answer: Topic = await get('office', `/api/v1/stats/meetings?year=${year}`);
    const board = await get('office', `/api/v1/meetings/compliance?year=${year}`);
    expect(answer.rows.map((r) => [r.name, r.values.branches, r.values.behindBranches])).toEqual(
      board.committees.map((c: { name: string; branches: number; behindBranches: number }) => [
        c.name,
        c.branches,
        c.behindBranches,
      ]),
    );
    expect(answer.total.branches).toBe(board.total.branches);
    const tongzhou: Topic = await get('tongzhou', `/api/v1/stats/meetings?year=${year}`);
    expect(tongzhou.rows.map((r) => r.name)).toEqual(['驻北京通州区流动党委']);
  });

  it('study: members at and below the requirement add up to the study ledger’s', async () => {
    const answer: Topic = await get('office', `/api/v1/stats/study?year=${year}`);
    const hours = await get('office', `/api/v1/study/hours?year=${year}`);
    expect(answer.total.members).toBe(hours.total.members);
    expect(answer.total.below).toBe(hours.total.below);
    expect(answer.rows.reduce((s, r) => s + (r.values.members ?? 0), 0)).toBe(hours.total.members);
    expect(answer.rows.reduce((s, r) => s + (r.values.below ?? 0), 0)).toBe(hours.total.below);
    expect(answer.total.members).toBeGreaterThan(0);
  });

  it('volunteer: one row a campaign of the year, with its board’s figures', async () => {
    const [campaign] = await queryRows<{ y: number }>(
      t.store.db,
      sql`select extract(year from starts_on)::int as y from volunteer_campaigns order by starts_on limit 1`,
    );
    const y = campaign!.y;
    const answer: Topic = await get('office', `/api/v1/stats/volunteer?year=${y}`);
    expect(answer.rows.length).toBeGreaterThan(0);
    const [served] = await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from volunteer_campaigns where extract(year from starts_on) = ${y}`,
    );
    expect(answer.rows.length).toBe(served!.n);
    for (const r of answer.rows) {
      const summary = await get('office', `/api/v1/volunteer/campaigns/${r.key}/summary`);
      expect([r.values.volunteers, r.values.hours, r.values.served], r.name).toEqual([
        summary.totals.volunteers,
        summary.totals.hours,
        summary.totals.served,
      ]);
    }
    expect(answer.total.served).toBe(answer.rows.reduce((s, r) => s + (r.values.served ?? 0), 0));
  });

  it('volunteer by committee: each organizing committee’s campaigns counted directly; a secretary sees its own', async () => {
    for (const y of [(await firstYear('volunteer_campaigns', 'starts_on')) ?? year, year]) {
      const answer: Topic = await get('office', `/api/v1/stats/volunteer?year=${y}&by=committee`);
      const campaigns: Topic = await get('office', `/api/v1/stats/volunteer?year=${y}`);
      for (const key of ['shifts', 'hours', 'served'])
        expect(answer.total[key], key).toBe(campaigns.total[key]);
      for (const r of answer.rows) {
        const [direct] = await queryRows<{ campaigns: number; shifts: number; served: number }>(
          t.store.db,
          sql`select count(distinct c.id)::int as campaigns, count(s.id)::int as shifts,
              coalesce(sum(s.served_count), 0)::int as served
            from volunteer_campaigns c join orgs o on o.id = c.org_id
            join orgs cm on cm.id = ${Number(r.key)}
            left join volunteer_shifts s on s.campaign_id = c.id
            where ${keptBy} and extract(year from c.starts_on) = ${y}`,
        );
        expect([r.values.campaigns, r.values.shifts, r.values.served], r.name).toEqual([
          direct!.campaigns,
          direct!.shifts,
          direct!.served,
        ]);
      }
      expect(answer.total.campaigns).toBe(campaigns.rows.length);
    }
    const tongzhou: Topic = await get('tongzhou', `/api/v1/stats/volunteer?year=${year}&by=committee`);
    expect(tongzhou.rows.map((r) => r.name)).toEqual(['驻北京通州区流动党委']);
  });

  it('finding: the latest campaign’s found curve ends at its found total', async () => {
    const answer: Topic & { title: string } = await get('office', '/api/v1/stats/finding');
    expect(answer.rows.length).toBeGreaterThan(0);
    const [latest] = await queryRows<{ id: number }>(
      t.store.db,
      sql`select id from finding_campaigns order by starts_on desc, id desc limit 1`,
    );
    const progress = await get('office', `/api/v1/finding/campaigns/${latest!.id}/progress`);
    expect(answer.rows.at(-1)!.values.cumulative).toBe(progress.daily.at(-1).cumulative);
    expect(answer.total.found).toBe(progress.totals.found);
    const founding = await queryRows<{ id: number }>(
      t.store.db,
      sql`select id from finding_campaigns order by starts_on, id limit 1`,
    );
    const named: Topic = await get('office', `/api/v1/stats/finding?campaignId=${founding[0]!.id}`);
    const [found] = await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from finding_leads where campaign_id = ${founding[0]!.id} and state = 'found'`,
    );
    expect(named.total.found).toBe(found!.n);
  });

  it('honours: each level equals a direct count of the year’s honours', async () => {
    const [latest] = await queryRows<{ y: number }>(
      t.store.db,
      sql`select extract(year from awarded_on)::int as y from honours order by awarded_on desc limit 1`,
    );
    const y = latest?.y ?? year;
    const answer: Topic = await get('office', `/api/v1/stats/honours?year=${y}`);
    const levels = await queryRows<{ level: string; n: number }>(
      t.store.db,
      sql`select level, count(*)::int as n from honours where extract(year from awarded_on) = ${y} group by 1`,
    );
    for (const r of answer.rows)
      expect(r.values.count, r.key).toBe(levels.find((l) => l.level === r.key)?.n ?? 0);
    expect(answer.total.count).toBeGreaterThan(0);
  });

  it('honours by committee: each committee’s levels counted directly; a secretary sees its own', async () => {
    const [latest] = await queryRows<{ day: string; org: number }>(
      t.store.db,
      sql`select (select max(awarded_on)::text from honours) as day,
          (select id from orgs where name = '驻北京通州区流动党委') as org`,
    );
    const y = Number(latest!.day.slice(0, 4));
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/honours',
      cookie: cookies.tongzhou!,
      payload: {
        kind: 'collective',
        level: 'county',
        title: '优秀志愿服务集体',
        issuer: '通州区委组织部',
        awardedOn: latest!.day,
        recipientName: '通州平安守望志愿服务队',
        orgId: latest!.org,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const answer: Topic = await get('office', `/api/v1/stats/honours?year=${y}&by=committee`);
    const byLevel: Topic = await get('office', `/api/v1/stats/honours?year=${y}`);
    expect(answer.total.count).toBe(byLevel.total.count);
    expect(answer.rows.length).toBeGreaterThan(0);
    for (const r of answer.rows) {
      const levels = await queryRows<{ level: string; n: number }>(
        t.store.db,
        sql`select h.level, count(*)::int as n from honours h join orgs o on o.id = h.org_id
          join orgs cm on cm.id = ${Number(r.key)}
          where ${keptBy} and extract(year from h.awarded_on) = ${y}
          group by 1`,
      );
      for (const l of byLevel.rows)
        expect(r.values[l.key], `${r.name} ${l.key}`).toBe(levels.find((x) => x.level === l.key)?.n ?? 0);
      expect(r.values.count).toBe(levels.reduce((s, x) => s + x.n, 0));
    }
    const tongzhou: Topic = await get('tongzhou', `/api/v1/stats/honours?year=${y}&by=committee`);
    expect(tongzhou.rows.map((r) => r.name)).toEqual(['驻北京通州区流动党委']);
  });

  it('dues: each branch’s month as the dues module counts it, and the rate of the whole', async () => {
    const [month] = await queryRows<{ m: string }>(
      t.store.db,
      sql`select to_char(month, 'YYYY-MM') as m from dues_months order by month desc limit 1`,
    );
    const [y, m] = month!.m.split('-').map(Number) as [number, number];
    const answer: Topic = await get('office', `/api/v1/stats/dues?year=${y}&month=${m}`);
    expect(answer.rows.length).toBeGreaterThan(0);
    let due = 0;
    let paid = 0;
    for (const r of answer.rows) {
      const detail = await get('office', `/api/v1/dues/months/${r.key}`);
      expect([r.values.due, r.values.paid], r.name).toEqual([detail.totals.due, detail.totals.paid]);
      due += detail.totals.due;
      paid += detail.totals.paid;
    }
    expect([answer.total.due, answer.total.paid]).toEqual([due, paid]);
    expect(answer.total.rate).toBe(due ? Math.round((paid / due) * 1000) / 10 : null);
  });

  it('exports a topic’s table as .xlsx with its total row, audited', async () => {
    const before = await auditCount(t.store, 'stats.exported');
    const answer: Topic = await get('office', `/api/v1/stats/meetings?year=${year}`);
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/stats/meetings.xlsx?year=${year}`,
      cookie: cookies.office!,
    });
    expect(res.statusCode).toBe(200);
    const rows = sheetRows((await loadXlsx(res.rawPayload)).worksheets[0]!);
    expect(rows.length).toBe(answer.rows.length + 2);
    expect(rows[1]![0]).toBe(answer.rows[0]!.name);
    expect(rows.at(-1)![0]).toBe('合计');
    expect(await auditCount(t.store, 'stats.exported')).toBe(before + 1);
  });
});
