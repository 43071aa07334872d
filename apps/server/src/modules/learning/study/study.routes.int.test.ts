/** API tests of the study hours ledger: who may ask, scope, the threshold board, its export, offline records. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../../test/app';
import { loadXlsx, sheetRows } from '../../../../test/excel';
import { queryRows } from '../../../db/client';
import {
  auditCount,
  BASE,
  board,
  get,
  haidian,
  haidianBranch,
  hoursOf,
  kangbao,
  ledgerOf,
  me,
  member,
  office,
  record,
  recorded,
  t,
  tongzhou,
  useStudyApp,
  wholeBoard,
  YEAR,
} from './study.fixture';

useStudyApp();

/** A member on the rolls placed in the haidian branch. */
const haidianMember = async () =>
  (
    await queryRows<{ id: number }>(
      t.store.db,
      sql`select id from members where org_id = ${haidianBranch.id} and status = 'active' order by id limit 1`,
    )
  )[0]!.id;

const pathsOf = async (ids: number[]) =>
  queryRows<{ id: number; org_path: string; home_county: string }>(
    t.store.db,
    sql`select id, org_path, home_county from members where id = any(${`{${ids.join(',')}}`}::int[])`,
  );

describe('who may ask', () => {
  it('401, 403 and 400 on every route', async () => {
    for (const url of [`${BASE}/board`, `${BASE}/hours`, `${BASE}/records`, `${BASE}/hours/members/${me.id}`])
      expect((await get(url)).statusCode, url).toBe(401);
    expect((await get(`${BASE}/hours/mine`)).statusCode).toBe(401);
    // A member reads their own hours only; staff have no own hours.
    for (const url of [`${BASE}/board`, `${BASE}/hours`, `${BASE}/records`, `${BASE}/board/export`])
      expect((await get(url, member)).statusCode, url).toBe(403);
    expect((await get(`${BASE}/hours/members/${me.id}`, member)).statusCode).toBe(403);
    expect((await get(`${BASE}/hours/mine`, tongzhou)).statusCode).toBe(403);
    expect(faultyFields(await get(`${BASE}/board?sort=size&year=1999`, tongzhou))).toEqual(['sort', 'year']);
    expect(faultyFields(await get(`${BASE}/board?cursor=@@`, tongzhou))).toEqual(['cursor']);
    expect(faultyFields(await get(`${BASE}/hours?orgId=x`, tongzhou))).toEqual(['orgId']);

    expect((await record(undefined, { memberId: me.id })).statusCode).toBe(401);
    expect((await record(member, { memberId: me.id })).statusCode).toBe(403);
    // The home county reads study hours but records none.
    expect((await record(kangbao, { memberId: me.id })).statusCode).toBe(403);
    expect(
      new Set(
        faultyFields(
          await record(tongzhou, { memberId: 'x', studiedOn: '2999-01-01', hours: 0.25, title: '学' }),
        ),
      ),
    ).toEqual(new Set(['hours', 'memberId', 'studiedOn', 'title']));
    expect(
      faultyFields(
        await record(tongzhou, { memberId: me.id, studiedOn: `${YEAR}-01-02`, hours: 25, title: '自学党章' }),
      ),
    ).toEqual(['hours']);

    const del = (cookie?: string) =>
      t.request({ method: 'DELETE', url: `${BASE}/records/1`, ...(cookie ? { cookie } : {}) });
    expect((await del()).statusCode).toBe(401);
    expect((await del(member)).statusCode).toBe(403);
    expect((await del(kangbao)).statusCode).toBe(403);
    expect((await del(tongzhou)).statusCode).toBe(404);
  });
});

describe('scope', () => {
  it('a secretary’s board holds only their subtree; the office sees both; the home county its own', async () => {
    const mine = await wholeBoard(tongzhou);
    const theirs = await wholeBoard(haidian);
    const all = await wholeBoard(office);
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    const rows = await pathsOf(mine.map((m) => m.memberId));
    const tz = (
      await queryRows<{ path: string }>(
        t.store.db,
        sql`select path from orgs where name = '驻北京通州区流动党委'`,
      )
    )[0]!.path;
    expect(rows.every((r) => r.org_path.startsWith(`${tz}.`))).toBe(true);
    expect(mine.every((m) => m.committeeName === '驻北京通州区流动党委')).toBe(true);
    expect(theirs.some((m) => mine.some((x) => x.memberId === m.memberId))).toBe(false);
    const everyone = new Set(all.map((m) => m.memberId));
    expect([...mine, ...theirs].every((m) => everyone.has(m.memberId))).toBe(true);
    expect(all.length).toBeGreaterThan(mine.length + theirs.length - 1);
    const county = await wholeBoard(kangbao);
    expect(county.length).toBeGreaterThan(0);
    expect((await pathsOf(county.map((m) => m.memberId))).every((r) => r.home_county === '130723')).toBe(
      true,
    );
  });

  it('a member, an org or a record outside the scope answers 404', async () => {
    const other = await haidianMember();
    expect((await get(`${BASE}/hours/members/${other}`, tongzhou)).statusCode).toBe(404);
    expect((await get(`${BASE}/hours/members/2000000000`, tongzhou)).statusCode).toBe(404);
    expect((await get(`${BASE}/board?orgId=${haidianBranch.id}`, tongzhou)).statusCode).toBe(404);
    expect((await get(`${BASE}/hours?orgId=${haidianBranch.id}`, tongzhou)).statusCode).toBe(404);
    expect((await get(`${BASE}/records?orgId=${haidianBranch.id}`, tongzhou)).statusCode).toBe(404);
    expect((await get(`${BASE}/board/export?orgId=${haidianBranch.id}`, tongzhou)).statusCode).toBe(404);
    expect(
      (await record(tongzhou, { memberId: other, studiedOn: `${YEAR}-01-02`, hours: 2, title: '自学党章' }))
        .statusCode,
    ).toBe(404);
    expect((await hoursOf(other, haidian)).member.id).toBe(other);
    expect((await hoursOf(other, office)).member.id).toBe(other);
  });
});

describe('the threshold board', () => {
  it('shows a member behind with the gap; recorded hours shrink it; enough take them off; deleting puts them back', async () => {
    const before = (await wholeBoard(tongzhou)).find((m) => m.memberId === me.id)!;
    expect(before).toMatchObject({ name: me.name, cadre: false, required: 32 });
    expect(before.gap).toBeCloseTo(32 - before.hours, 5);
    const first = await recorded({ hours: 4.5 });
    const after = (await wholeBoard(tongzhou)).find((m) => m.memberId === me.id)!;
    expect(after.hours).toBeCloseTo(before.hours + 4.5, 5);
    expect(after.gap).toBeCloseTo(before.gap - 4.5, 5);
    const rest = await recorded({ hours: Math.min(24, Math.ceil(after.gap)), studiedOn: `${YEAR}-04-01` });
    let extra: number | null = null;
    if (Math.ceil(after.gap) > 24) extra = await recorded({ hours: 24, studiedOn: `${YEAR}-05-01` });
    expect((await wholeBoard(tongzhou)).some((m) => m.memberId === me.id)).toBe(false);
    const gone = await t.request({ method: 'DELETE', url: `${BASE}/records/${rest}`, cookie: tongzhou });
    expect(gone.statusCode).toBe(204);
    if (extra) await t.request({ method: 'DELETE', url: `${BASE}/records/${extra}`, cookie: tongzhou });
    expect((await wholeBoard(tongzhou)).find((m) => m.memberId === me.id)?.gap).toBeCloseTo(after.gap, 5);
    await t.request({ method: 'DELETE', url: `${BASE}/records/${first}`, cookie: tongzhou });
  });

  it('a secretary or committee member (holding an org position) needs 56', async () => {
    await t.store.db.execute(sql`insert into org_positions (org_id, title, holder_name, term_start)
      values (${me.orgId}, '委员', ${me.name}, ${`${YEAR - 1}-06-01`})`);
    const row = (await wholeBoard(tongzhou)).find((m) => m.memberId === me.id)!;
    expect(row).toMatchObject({ cadre: true, required: 56 });
    expect((await hoursOf(me.id)).required).toBe(56);
    await t.store.db.execute(
      sql`delete from org_positions where holder_name = ${me.name} and org_id = ${me.orgId}`,
    );
    expect((await hoursOf(me.id)).required).toBe(32);
  });

  it('sorts by gap, hours or name, and its pages join up to the whole', async () => {
    const byGap = await wholeBoard(office, '&sort=gap');
    expect(byGap.map((r) => r.gap)).toEqual([...byGap.map((r) => r.gap)].sort((a, b) => b - a));
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(
        `${BASE}/board?year=${YEAR}&sort=hours&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        tongzhou,
      );
      const page = res.json();
      paged.push(...page.items.map((r: { hours: number }) => r.hours));
      cursor = page.nextCursor;
    } while (cursor);
    const whole = await board(tongzhou, '&sort=hours');
    expect(paged).toEqual(whole.items.map((r) => r.hours));
    expect(paged).toEqual([...paged].sort((a, b) => a - b));
    expect(whole.total).toBe(whole.items.length);
    const byName = await wholeBoard(tongzhou, '&sort=name&order=desc');
    expect(byName.length).toBe(whole.total);
    // A cursor written for one order is refused in another.
    const gapPage = await get(`${BASE}/board?year=${YEAR}&limit=2`, tongzhou);
    expect(
      faultyFields(
        await get(`${BASE}/board?year=${YEAR}&sort=name&cursor=${gapPage.json().nextCursor}`, tongzhou),
      ),
    ).toEqual(['cursor']);
  });

  it('exports the board as .xlsx, audited', async () => {
    const exports = await auditCount('study.board_exported');
    const res = await t.request({
      method: 'GET',
      url: `${BASE}/board/export?year=${YEAR}`,
      cookie: tongzhou,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = sheetRows((await loadXlsx(res.rawPayload)).getWorksheet('学时未达标')!);
    expect(rows[0]).toEqual(['姓名', '二级党委', '所在组织', '身份', '应修学时', '已修学时', '差额']);
    const total = (await board(tongzhou)).total;
    expect(rows.length - 1).toBe(total);
    expect(rows.slice(1).every((r) => r[1] === '驻北京通州区流动党委')).toBe(true);
    expect(await auditCount('study.board_exported')).toBe(exports + 1);
  });
});

describe('offline study records', () => {
  it('records, lists in scope and deletes with the ledger entry; audited', async () => {
    const recordedBefore = await auditCount('study.recorded');
    const id = await recorded({ hours: 2.5, note: '支部集中学习' });
    expect(await ledgerOf('learning', `study:${id}`)).toEqual([
      { member_id: me.id, quantity: '2.50', occurred_on: `${YEAR}-03-01` },
    ]);
    expect(await auditCount('study.recorded')).toBe(recordedBefore + 1);
    const list = (await get(`${BASE}/records?memberId=${me.id}&year=${YEAR}`, tongzhou)).json();
    expect(list.items[0]).toMatchObject({
      id,
      member: { id: me.id, name: me.name },
      hours: 2.5,
      title: '集中学习党的二十大报告',
      note: '支部集中学习',
      policies: { delete: true },
    });
    expect((await get(`${BASE}/records?memberId=${me.id}`, haidian)).json().items).toEqual([]);
    expect((await get(`${BASE}/records?memberId=${me.id}`, office)).json().items[0].id).toBe(id);
    expect(
      (await t.request({ method: 'DELETE', url: `${BASE}/records/${id}`, cookie: haidian })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'DELETE', url: `${BASE}/records/${id}`, cookie: tongzhou })).statusCode,
    ).toBe(204);
    expect(await ledgerOf('learning', `study:${id}`)).toEqual([]);
    expect(
      (await t.request({ method: 'DELETE', url: `${BASE}/records/${id}`, cookie: tongzhou })).statusCode,
    ).toBe(404);
    expect(
      (await get(`${BASE}/records?memberId=${me.id}`, tongzhou))
        .json()
        .items.some((r: { id: number }) => r.id === id),
    ).toBe(false);
    expect(await auditCount('study.record_deleted')).toBeGreaterThan(0);
  });

  it('refuses a member off the rolls (409)', async () => {
    const [gone] = await queryRows<{ id: number }>(
      t.store.db,
      sql`update members set status = 'transferred_out' where id = (
        select id from members where org_id = ${me.orgId} and status = 'active' and id <> ${me.id} order by id limit 1)
        returning id`,
    );
    const res = await record(tongzhou, {
      memberId: gone!.id,
      studiedOn: `${YEAR}-01-02`,
      hours: 2,
      title: '自学党章',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('STUDY_MEMBER_NOT_ON_ROLLS');
  });
});
