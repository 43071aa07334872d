import { STATS_MEMBER_DIMENSIONS, type StatsMemberDimension } from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { loadXlsx, sheetRows, XLSX } from '../../../test/excel';
import { auditCount, branchOf, orgByName } from '../../../test/factories';
import { demoReadScopes, type ReadScope } from '../../../test/member-counts';
import { memberBody, syntheticIdNumber } from '../../../test/member-factory';
import { queryRows } from '../../db/client';
import { thisYear } from './members/stats.members';

let t: TestApp;
let scopes: ReadScope[];

beforeAll(async () => {
  t = await createTestApp();
  scopes = await demoReadScopes(t);
});
afterAll(() => t.close());

const IN_REGISTER = sql`status in ('active', 'lost', 'suspended')`;

/**
 * The direct count behind each dimension: an expression over `members` giving the row's key as
 * the API names it (bands by this year − the year, unknown values 'unknown').
 */
function keyOf(by: StatsMemberDimension): SQL {
  const y = thisYear();
  const age = sql`(${y} - extract(year from birth_date)::int)`;
  const partyAge = sql`(${y} - extract(year from joined_at)::int)`;
  switch (by) {
    case 'secondCommittee':
      return sql`coalesce(nullif(split_part(org_path, '.', 2), ''), split_part(org_path, '.', 1))`;
    case 'homeCounty':
      return sql`home_county`;
    case 'hostDistrict':
      return sql`coalesce(host_district, 'unknown')`;
    case 'status':
      return sql`status`;
    case 'ageBand':
      return sql`case when birth_date is null then 'unknown' when ${age} <= 30 then 'le30'
        when ${age} <= 35 then '31-35' when ${age} <= 40 then '36-40' when ${age} <= 45 then '41-45'
        when ${age} <= 50 then '46-50' when ${age} <= 55 then '51-55' when ${age} <= 60 then '56-60'
        else 'ge61' end`;
    case 'partyAge':
      return sql`case when ${partyAge} < 5 then 'lt5' when ${partyAge} <= 10 then '5-10'
        when ${partyAge} <= 20 then '11-20' when ${partyAge} <= 30 then '21-30' else 'gt30' end`;
    case 'education':
      return sql`coalesce(education, 'unknown')`;
    case 'memberType':
      return sql`member_type`;
    case 'source':
      return sql`source`;
    case 'gender':
      return sql`coalesce(gender, 'unknown')`;
    case 'tag':
      return sql`tag`;
  }
}

/** Key → count by a direct count of the members matching `where`. */
async function direct(by: StatsMemberDimension, where: SQL): Promise<Record<string, number>> {
  const from =
    by === 'tag'
      ? sql`(select distinct m.id, x.tag from members m, unnest(m.tags) x(tag) where ${where}) d`
      : sql`members where ${where}`;
  const rows = await queryRows<{ key: string; n: number }>(
    t.store.db,
    sql`select ${keyOf(by)}::text as key, count(*)::int as n from ${from} group by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

async function figures(cookie: string, query: string) {
  const res = await t.request({ method: 'GET', url: `/api/v1/stats/members?${query}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    rows: { key: string; name: string; count: number; filter: Record<string, string> | null }[];
    total: number;
    filter: Record<string, string>;
  };
}

/** The answer's rows as key → count, rows of 0 (an empty band) left out. */
const counted = (rows: { key: string; count: number }[]) =>
  Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));

const cookieOf = (who: ReadScope['who']) => scopes.find((s) => s.who === who)!.cookie;

describe('GET /api/v1/stats/members', () => {
  it('401 without a session, 403 for a member, 400 for an unknown dimension or filter', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/stats/members?by=status' })).statusCode).toBe(401);
    const member = await t.login('member');
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/stats/members?by=status', cookie: member })).statusCode,
    ).toBe(403);
    const office = cookieOf('office');
    for (const q of [
      'by=height',
      'by=status&homeCounty=12',
      'by=status&status=gone',
      'by=status&orgId=x',
      '',
    ]) {
      const res = await t.request({ method: 'GET', url: `/api/v1/stats/members?${q}`, cookie: office });
      expect(res.statusCode, q).toBe(400);
    }
  });

  it('every figure equals a direct count of the members, in each scope kind and dimension', async () => {
    for (const scope of scopes) {
      for (const by of STATS_MEMBER_DIMENSIONS) {
        const answer = await figures(scope.cookie, `by=${by}`);
        const expected = await direct(by, sql`${scope.where} and ${IN_REGISTER}`);
        expect(counted(answer.rows), `${scope.who} ${by}`).toEqual(expected);
        expect(answer.total).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
        if (scope.who === 'office') expect(answer.total, by).toBeGreaterThan(0);
      }
    }
  });

  it('a county viewer sees only its county, a district viewer only its district', async () => {
    const kangbao = await figures(cookieOf('kangbao'), 'by=homeCounty');
    expect(kangbao.rows.map((r) => r.key)).toEqual(['130723']);
    // A filter naming another county adds nothing to the viewer's scope.
    const other = await figures(cookieOf('kangbao'), 'by=education&homeCounty=130722');
    expect(other.total).toBe(0);
    const xicheng = await figures(cookieOf('xicheng'), 'by=hostDistrict');
    expect(xicheng.rows.map((r) => r.key)).toEqual(['110102']);
  });

  it('filters by org, county, district and status, and names the list query behind each row', async () => {
    const tongzhou = await orgByName(t.store, '驻北京通州区流动党委');
    const q = `orgId=${tongzhou.id}&homeCounty=130723,130722&status=active`;
    const where = sql`(org_path = ${tongzhou.path} or org_path like ${`${tongzhou.path}.%`})
      and home_county in ('130723', '130722') and status = 'active'`;
    for (const by of ['education', 'partyAge', 'hostDistrict', 'tag'] as const) {
      const answer = await figures(cookieOf('office'), `by=${by}&${q}`);
      expect(counted(answer.rows), by).toEqual(await direct(by, where));
      expect(answer.filter).toEqual({
        orgId: String(tongzhou.id),
        homeCounty: '130723,130722',
        status: 'active',
      });
    }
    const byCounty = await figures(cookieOf('office'), 'by=homeCounty');
    expect(byCounty.rows[0]!.filter).toEqual({
      homeCounty: byCounty.rows[0]!.key,
      status: 'active,lost,suspended',
    });
    // The list shows as many members as the figure (a county row's drill-down).
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/members?${new URLSearchParams(byCounty.rows[0]!.filter!)}&limit=1`,
      cookie: cookieOf('office'),
    });
    expect(list.json().total).toBe(byCounty.rows[0]!.count);
    const partyAge = await figures(cookieOf('office'), 'by=partyAge');
    const band = partyAge.rows.find((r) => r.key === '11-20')!;
    const y = thisYear();
    expect(band.filter).toMatchObject({ joinYearFrom: String(y - 20), joinYearTo: String(y - 11) });
    const listed = await t.request({
      method: 'GET',
      url: `/api/v1/members?${new URLSearchParams(band.filter!)}&limit=1`,
      cookie: cookieOf('office'),
    });
    expect(listed.json().total).toBe(band.count);
    const source = await figures(cookieOf('office'), 'by=source');
    expect(source.rows.every((r) => r.filter === null)).toBe(true);
  });

  it('stays exact after an insert, an update of each facet, a tag change, a delete and a statement of many rows', async () => {
    const office = cookieOf('office');
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const expectExact = async (step: string) => {
      for (const by of STATS_MEMBER_DIMENSIONS)
        expect(counted((await figures(office, `by=${by}`)).rows), `${step}: ${by}`).toEqual(
          await direct(by, IN_REGISTER),
        );
      const run = await t.services.jobs.runNow('members.rollup_check');
      expect((run as { run: { outcome: string; error: string | null } }).run, step).toMatchObject({
        outcome: 'succeeded',
      });
    };

    const created = await t.request({
      method: 'POST',
      url: '/api/v1/members',
      cookie: office,
      payload: memberBody(branch.id, {
        idNumber: syntheticIdNumber('130723', '19700101', 'female'),
        tags: ['招商员', '宣传员'],
        education: '20',
        source: 'found',
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    await expectExact('insert');

    const updates: [string, SQL][] = [
      ['birth date', sql`birth_date = '1999-05-05'`],
      ['joined', sql`joined_at = '2023-07-01'`],
      ['education', sql`education = '30'`],
      ['education removed', sql`education = null`],
      ['member type', sql`member_type = 'probationary'`],
      ['source', sql`source = 'imported'`],
      ['gender', sql`gender = 'male'`],
      ['tag added', sql`tags = array_append(tags, '联络员')`],
      ['tag removed', sql`tags = array_remove(tags, '招商员')`],
      ['tags doubled', sql`tags = tags || tags`],
      ['county', sql`home_county = '130722'`],
      ['district', sql`host_district = null`],
      ['status', sql`status = 'transferred_out'`],
      ['status back', sql`status = 'lost'`],
    ];
    for (const [step, set] of updates) {
      await t.store.db.execute(sql`update members set ${set} where id = ${id}`);
      await expectExact(step);
    }

    // A statement of many rows, as an import writes: 40 copies inserted, then changed, then deleted.
    await t.store.db.execute(sql`
      insert into members (org_id, org_path, name, name_pinyin, name_initials, gender, birth_date, id_cipher,
        id_hash, id_tail, id_masked, phone_cipher, phone_hash, phone_tail, phone_masked, education, joined_at,
        member_type, home_county, host_district, relationship, tags, source, status)
      select org_id, org_path, name, name_pinyin, name_initials, gender, birth_date, id_cipher,
        'copy-' || id_hash, id_tail, id_masked, phone_cipher, phone_hash, phone_tail, phone_masked, education,
        joined_at, member_type, home_county, host_district, relationship, tags || array['复制'], 'imported', status
      from members where id <> ${id} order by id limit 40`);
    await expectExact('insert of many rows');
    await t.store.db.execute(
      sql`update members set education = '10', tags = '{}', birth_date = null where id_hash like 'copy-%'`,
    );
    await expectExact('update of many rows');
    await t.store.db.execute(sql`delete from members where id_hash like 'copy-%'`);
    await expectExact('delete of many rows');

    await t.store.db.execute(sql`delete from member_activity where member_id = ${id}`);
    await t.store.db.execute(sql`delete from member_status_events where member_id = ${id}`);
    await t.store.db.execute(sql`delete from members where id = ${id}`);
    await expectExact('delete');
  });

  it('exports the table behind a chart as .xlsx, audited', async () => {
    const office = cookieOf('office');
    const before = await auditCount(t.store, 'stats.exported');
    const answer = await figures(office, 'by=homeCounty');
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/stats/members.xlsx?by=homeCounty',
      cookie: office,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const rows = sheetRows((await loadXlsx(res.rawPayload)).worksheets[0]!);
    expect(rows[0]).toEqual(['流出地县区', '人数']);
    expect(rows.slice(1, -1)).toEqual(answer.rows.map((r) => [r.name, r.count]));
    expect(rows.at(-1)).toEqual(['合计', answer.total]);
    expect(await auditCount(t.store, 'stats.exported')).toBe(before + 1);
    const member = await t.login('member');
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/stats/members.xlsx?by=status', cookie: member }))
        .statusCode,
    ).toBe(403);
  });
});

describe('GET /api/v1/stats/members/flow', () => {
  it('401, 400, and each month equals a direct count of the status timeline in each scope kind', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/stats/members/flow?year=2026' })).statusCode).toBe(
      401,
    );
    const office = cookieOf('office');
    for (const q of ['year=1800', 'year=x', '']) {
      expect(
        (await t.request({ method: 'GET', url: `/api/v1/stats/members/flow?${q}`, cookie: office }))
          .statusCode,
      ).toBe(400);
    }
    const [busiest] = await queryRows<{ y: number }>(
      t.store.db,
      sql`select extract(year from effective_date)::int as y from member_status_events
          where from_status is not null group by 1 order by count(*) desc limit 1`,
    );
    const year = busiest?.y ?? thisYear();
    for (const scope of scopes) {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/stats/members/flow?year=${year}`,
        cookie: scope.cookie,
      });
      expect(res.statusCode, res.body).toBe(200);
      const rows = await queryRows<{ m: number; kind: string; n: number }>(
        t.store.db,
        sql`select extract(month from e.effective_date)::int as m,
                   case when e.from_status is null then 'created' when e.to_status = 'transferred_out' then 'transferredOut'
                        when e.to_status = 'lost' then 'lost' when e.to_status = 'active' then 'restored' else 'other' end as kind,
                   count(*)::int as n
            from member_status_events e join members on members.id = e.member_id
            where extract(year from e.effective_date) = ${year} and ${scope.where}
            group by 1, 2`,
      );
      const body = res.json();
      for (const kind of ['created', 'transferredOut', 'lost', 'restored'])
        for (let m = 1; m <= 12; m++)
          expect(body.rows[m - 1][kind], `${scope.who} ${kind} ${m}`).toBe(
            rows.find((r) => r.m === m && r.kind === kind)?.n ?? 0,
          );
      const [found] = await queryRows<{ n: number }>(
        t.store.db,
        sql`select count(*)::int as n from member_status_events e join members on members.id = e.member_id
            where extract(year from e.effective_date) = ${year} and e.from_status is null and source = 'found'
              and ${scope.where}`,
      );
      expect(body.total.found, scope.who).toBe(found!.n);
    }
  });
});
