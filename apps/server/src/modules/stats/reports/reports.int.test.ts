import {
  AGE_BANDS,
  type Band,
  bandOf,
  CITIES,
  EDUCATION_LEVELS,
  localIsoDate,
  PARTY_AGE_BANDS,
} from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { loadXlsx } from '../../../../test/excel';
import { auditCount, branchOf, createUser, orgByName } from '../../../../test/factories';
import { memberBody } from '../../../../test/member-factory';
import { hasPoppler, pdfPages } from '../../../../test/pdf';
import { queryRows } from '../../../db/client';

let t: TestApp;
let office: string;
let haidian: string;
let kangbao: string;
let memberCookie: string;
let haidianPath: string;
const YEAR = Number(localIsoDate(new Date()).slice(0, 4));
const TODAY = localIsoDate(new Date());

beforeAll(async () => {
  t = await createTestApp({}, { members: 120 });
  [office, haidian, kangbao] = (await Promise.all(
    ['office', 'haidian', 'kangbao'].map((u) => t.login(u)),
  )) as [string, string, string];
  haidianPath = (await orgByName(t.store, '驻北京海淀区流动党委')).path;
  // The fixture: members entered this year, then changes of status with known effects.
  const branch = (await branchOf(t.store, '驻北京海淀区流动党委')).id;
  const create = async (name: string, over: Record<string, unknown> = {}) => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/members',
      payload: memberBody(branch, { name, homeCounty: '130723', hostDistrict: '110108', ...over }),
      cookie: office,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number };
  };
  const status = async (m: { id: number; version: number }, to: string) => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/members/${m.id}/status`,
      payload: { status: to, effectiveDate: TODAY, reason: '报表测试', version: m.version },
      cookie: office,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; version: number };
  };
  const a = await create('报表甲', {
    source: 'found',
    joinedAt: `${YEAR}-01-05`,
    fullMemberAt: null,
    memberType: 'probationary',
  });
  const b = await create('报表乙', { source: 'self_registered' });
  const c = await create('报表丙');
  await status(await status(a, 'lost'), 'active');
  await status(b, 'transferred_out');
  await status(c, 'deceased');
  const account = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: c.id });
  memberCookie = await t.login(account.username, account.password);
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const annual = (q: string, cookie?: string) => get(`/api/v1/stats/reports/annual.xlsx?${q}`, cookie);

/** Direct counts over the records: `select key, count(*)` of the members on the rolls where `where`. */
async function direct(key: SQL, where: SQL): Promise<Map<string, number>> {
  const rows = await queryRows<{ k: string | null; n: number }>(
    t.store.db,
    sql`select ${key} as k, count(*)::int as n from members m where m.status in ('active', 'lost') and ${where} group by 1`,
  );
  return new Map(rows.map((r) => [r.k ?? '未填写', Number(r.n)]));
}

/** A band's name of each row of a year column, added up. */
function banded(rows: Map<string, number>, bands: readonly Band[]) {
  const out = new Map<string, number>();
  for (const [k, n] of rows) {
    const name = k === '未填写' ? '未填写' : bandOf(bands, YEAR - Number(k)).name;
    out.set(name, (out.get(name) ?? 0) + n);
  }
  return out;
}

/** The 党员基本情况 sheet as (项目, 类别) → 人数, and the total. */
function basicCells(ws: ExcelJS.Worksheet) {
  const cells = new Map<string, number>();
  ws.eachRow((row, i) => {
    if (i < 4) return;
    const [item, cat, n] = [row.getCell(1).value, row.getCell(2).value, row.getCell(3).value];
    if (typeof n === 'number') cells.set(`${item}/${cat}`, n);
  });
  return cells;
}

/** Every figure of the basic sheet against the direct counts under `where`. */
async function expectBasic(ws: ExcelJS.Worksheet, where: SQL) {
  const cells = basicCells(ws);
  const total = [...(await direct(sql`'all'`, where)).values()][0] ?? 0;
  expect(cells.get('党员总数/合计')).toBe(total);
  const gender = await direct(sql`case m.gender when 'male' then '男' when 'female' then '女' end`, where);
  const age = banded(await direct(sql`extract(year from m.birth_date)::int::text`, where), AGE_BANDS);
  const party = banded(await direct(sql`extract(year from m.joined_at)::int::text`, where), PARTY_AGE_BANDS);
  const edu = await direct(sql`m.education`, where);
  const type = await direct(sql`case m.member_type when 'full' then '正式党员' else '预备党员' end`, where);
  const checks: [string, Map<string, number>][] = [
    ['性别', gender],
    ['年龄', age],
    ['学历', new Map([...edu].map(([k, n]) => [EDUCATION_LEVELS.find((e) => e.code === k)?.name ?? k, n]))],
    ['党员类别', type],
    ['党龄', party],
  ];
  for (const [section, counts] of checks) {
    let sum = 0;
    for (const [key, n] of cells) {
      if (!key.startsWith(`${section}/`)) continue;
      expect(n, key).toBe(counts.get(key.slice(section.length + 1)) ?? 0);
      sum += n;
    }
    expect(sum, section).toBe(total);
    for (const [name, n] of counts)
      if (n > 0) expect(cells.has(`${section}/${name}`), `${section}/${name}`).toBe(true);
  }
  return total;
}

/** The 合计 row of 党员变动情况 against the status history of the year under `where`. */
async function expectChanges(ws: ExcelJS.Worksheet, where: SQL) {
  const [d] = await queryRows<Record<string, number>>(
    t.store.db,
    sql`select
      count(*) filter (where e.from_status is null)::int as added,
      count(*) filter (where e.from_status is null and m.source = 'found')::int as found,
      count(*) filter (where e.from_status is null and m.source = 'self_registered')::int as self,
      count(*) filter (where e.from_status is null and m.source in ('imported', 'manual'))::int as other,
      count(*) filter (where e.from_status is not null and e.to_status = 'active')::int as restored,
      count(*) filter (where e.to_status = 'transferred_out')::int as out,
      count(*) filter (where e.to_status = 'returned')::int as returned,
      count(*) filter (where e.to_status = 'lost')::int as lost,
      count(*) filter (where e.to_status = 'suspended')::int as suspended,
      count(*) filter (where e.to_status = 'deceased')::int as deceased
    from member_status_events e join members m on m.id = e.member_id
    where e.effective_date between ${`${YEAR}-01-01`} and ${`${YEAR}-12-31`} and ${where}`,
  );
  let totalRow: unknown[] = [];
  ws.eachRow((row) => {
    if (row.getCell(1).value === '合计') totalRow = (row.values as unknown[]).slice(2);
  });
  const want = d!;
  expect(totalRow).toEqual([
    want.added,
    want.found,
    want.self,
    want.other,
    want.restored,
    want.out,
    want.returned,
    want.lost,
    want.suspended,
    want.deceased,
  ]);
  return totalRow as number[];
}

describe('GET /api/v1/stats/reports/annual.xlsx', () => {
  it('401 without a session, 403 for a member, 400 for a bad year, 404 for an org out of reach', async () => {
    expect((await annual(`year=${YEAR}`)).statusCode).toBe(401);
    expect((await annual(`year=${YEAR}`, memberCookie)).statusCode).toBe(403);
    for (const q of ['year=1999', `year=${YEAR + 1}`, 'year=abc', '', `year=${YEAR}&orgId=x`])
      expect((await annual(q, office)).statusCode, q).toBe(400);
    expect((await annual(`year=${YEAR}&orgId=999999`, office)).statusCode).toBe(404);
    const tongzhou = await orgByName(t.store, '驻北京通州区流动党委');
    expect((await annual(`year=${YEAR}&orgId=${tongzhou.id}`, haidian)).statusCode).toBe(404);
  });

  it("the office's workbook: every cell equals a direct count of the records; audited", async () => {
    const before = await auditCount(t.store, 'stats.annual_report_exported');
    const res = await annual(`year=${YEAR}`, office);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(await auditCount(t.store, 'stats.annual_report_exported')).toBe(before + 1);
    const wb = await loadXlsx(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['党员基本情况', '党员变动情况', '党组织基本情况']);
    const basic = wb.getWorksheet('党员基本情况')!;
    expect(String(basic.getCell('A1').value)).toBe(`${YEAR}年度党员基本情况`);
    expect(basic.pageSetup.orientation).toBe('landscape');
    expect(basic.pageSetup.paperSize).toBe(9);
    expect(await expectBasic(basic, sql`true`)).toBeGreaterThan(100);
    // The fixture: 3 entered this year (组织寻找 1, 自主报到 1, 录入 1), one lost then restored,
    // one transferred out, one deceased.
    const changes = await expectChanges(wb.getWorksheet('党员变动情况')!, sql`true`);
    expect(changes[1]).toBeGreaterThanOrEqual(1);
    expect(changes.slice(4)).toEqual([
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
      expect.any(Number),
    ]);
    expect(changes[4]).toBeGreaterThanOrEqual(1);
    expect(changes[5]).toBeGreaterThanOrEqual(1);
    expect(changes[9]).toBeGreaterThanOrEqual(1);
    // 党组织基本情况: open orgs by kind, members by the kind of org they are placed in.
    const orgRows = await queryRows<{ kind: string; n: number }>(
      t.store.db,
      sql`select kind, count(*)::int as n from orgs where closed_at is null group by kind`,
    );
    const orgsOf = (k: string) => Number(orgRows.find((r) => r.kind === k)?.n ?? 0);
    const memberRows = await queryRows<{ kind: string; n: number }>(
      t.store.db,
      sql`select o.kind, count(*)::int as n from members m join orgs o on o.id = m.org_id
        where m.status in ('active', 'lost') group by o.kind`,
    );
    const membersOf = (...k: string[]) =>
      memberRows.filter((r) => k.includes(r.kind)).reduce((s, r) => s + Number(r.n), 0);
    let total: unknown[] = [];
    wb.getWorksheet('党组织基本情况')!.eachRow((row) => {
      if (row.getCell(1).value === '合计') total = (row.values as unknown[]).slice(2);
    });
    expect(total).toEqual([
      orgsOf('sub_committee'),
      orgsOf('branch'),
      orgsOf('group'),
      orgsOf('sub_committee') + orgsOf('branch') + orgsOf('group'),
      membersOf('committee', 'sub_committee'),
      membersOf('branch'),
      membersOf('group'),
      membersOf('committee', 'sub_committee', 'branch', 'group'),
    ]);
    expect(orgsOf('sub_committee')).toBe(17);
  });

  it("a secretary's workbook counts its subtree only; ?orgId narrows the office's to one committee", async () => {
    const inHaidian = sql`(m.org_path = ${haidianPath} or m.org_path like ${`${haidianPath}.%`})`;
    const own = await loadXlsx((await annual(`year=${YEAR}`, haidian)).rawPayload);
    const officeCut = await loadXlsx(
      (await annual(`year=${YEAR}&orgId=${haidianPath.split('.').at(-1)}`, office)).rawPayload,
    );
    for (const wb of [own, officeCut]) {
      const n = await expectBasic(wb.getWorksheet('党员基本情况')!, inHaidian);
      expect(n).toBeGreaterThan(0);
      await expectChanges(wb.getWorksheet('党员变动情况')!, inHaidian);
      const names: unknown[] = [];
      wb.getWorksheet('党组织基本情况')!.eachRow((row, i) => {
        if (i >= 5 && typeof row.getCell(2).value === 'number') names.push(row.getCell(1).value);
      });
      expect(names).toEqual(['驻北京海淀区流动党委', '合计']);
    }
    const all = basicCells(
      (await loadXlsx((await annual(`year=${YEAR}`, office)).rawPayload)).worksheets[0]!,
    );
    expect(basicCells(own.worksheets[0]!).get('党员总数/合计')).toBeLessThan(all.get('党员总数/合计')!);
  });

  it("a county viewer's workbook counts its county's members only, without the org sheet", async () => {
    const wb = await loadXlsx((await annual(`year=${YEAR}`, kangbao)).rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['党员基本情况', '党员变动情况']);
    expect(String(wb.worksheets[0]!.getCell('A2').value)).toContain('康保县籍党员');
    await expectBasic(wb.worksheets[0]!, sql`m.home_county = '130723'`);
    await expectChanges(wb.worksheets[1]!, sql`m.home_county = '130723'`);
  });
});

describe('feedback runs (/api/v1/stats/reports/feedback-runs)', () => {
  const runs = '/api/v1/stats/reports/feedback-runs';
  const start = (payload: unknown, cookie?: string) =>
    t.request({ method: 'POST', url: runs, payload: payload as object, ...(cookie ? { cookie } : {}) });

  async function finished(id: string, cookie: string) {
    for (let i = 0; i < 600; i++) {
      const res = await get(`${runs}/${id}`, cookie);
      expect(res.statusCode).toBe(200);
      const run = res.json() as { state: string };
      if (run.state === 'done' || run.state === 'failed') return res.json();
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the run did not end');
  }

  it('401, 403, 400; another account does not see the run', async () => {
    expect((await start({ year: YEAR })).statusCode).toBe(401);
    expect((await start({ year: YEAR }, memberCookie)).statusCode).toBe(403);
    for (const body of [{}, { year: 1999 }, { year: YEAR + 1 }, { year: '2025' }])
      expect((await start(body, office)).statusCode, JSON.stringify(body)).toBe(400);
    expect((await get(`${runs}/not-a-run`, office)).statusCode).toBe(400);
    expect((await get(`${runs}/00000000-0000-4000-8000-000000000000`, office)).statusCode).toBe(404);
  });

  it('makes one sheet per county whose rows are the feedback list of that county; progress; audited download', async () => {
    const res = await start({ year: YEAR }, office);
    expect(res.statusCode).toBe(202);
    const { id } = res.json() as { id: string };
    expect((await get(`${runs}/${id}`, haidian)).statusCode).toBe(404);
    const run = await finished(id, office);
    const counties = CITIES[t.config.homeCity]!.divisions;
    expect(run).toMatchObject({ state: 'done', countiesDone: 16, countiesTotal: 16, error: null });
    expect(run.membersDone).toBe(run.membersTotal);
    expect(run.pdfMembersDone).toBe(run.membersTotal);
    expect((await get(runs, office)).json().items[0].id).toBe(id);
    const before = await auditCount(t.store, 'stats.feedback_workbook_exported');
    const file = await get(`${runs}/${id}/workbook.xlsx`, office);
    expect(file.statusCode).toBe(200);
    expect(await auditCount(t.store, 'stats.feedback_workbook_exported')).toBe(before + 1);
    const wb = await loadXlsx(file.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(counties.map((c) => c.name));
    let members = 0;
    for (const county of counties) {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await get(
          `/api/v1/feedback?year=${YEAR}&county=${county.code}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          office,
        );
        expect(page.statusCode).toBe(200);
        const body = page.json() as { items: { member: { name: string } }[]; nextCursor: string | null };
        names.push(...body.items.map((i) => i.member.name));
        cursor = body.nextCursor;
      } while (cursor);
      const ws = wb.getWorksheet(county.name)!;
      const rows: string[] = [];
      ws.eachRow((row, i) => {
        if (i > 1) rows.push(String(row.getCell(1).value));
      });
      expect(rows, county.name).toEqual(names);
      members += names.length;
      // The county's PDF: one page a member, the sheet's members in its order.
      const entry = run.counties.find((c: { code: string }) => c.code === county.code);
      expect(entry, county.name).toMatchObject({ members: names.length });
      const pdf = await get(`${runs}/${id}/counties/${county.code}.pdf`, office);
      if (names.length === 0) {
        expect(pdf.statusCode, county.name).toBe(404);
        continue;
      }
      expect(pdf.statusCode, county.name).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(Number(pdf.headers['x-pdf-pages']), county.name).toBe(names.length);
      expect(entry.pdfPages).toBe(names.length);
      if (hasPoppler) {
        const pages = pdfPages(pdf.rawPayload).map((p) => p.replace(/\s+/g, ''));
        expect(
          pages.map((page, i) => (page.includes(names[i]!) ? names[i] : page)),
          county.name,
        ).toEqual(names);
      }
    }
    expect(await auditCount(t.store, 'stats.feedback_pdf_exported')).toBeGreaterThan(0);
    expect(members).toBe(run.membersDone);
    expect(members).toBeGreaterThan(0);
  });
});

describe('GET /api/v1/stats/reports/feedback-runs/:id/counties/:county.pdf', () => {
  const runs = '/api/v1/stats/reports/feedback-runs';
  const pdf = (id: string, county: string, cookie?: string) =>
    get(`${runs}/${id}/counties/${county}.pdf`, cookie);
  async function finishedRun(cookie: string) {
    const res = await t.request({ method: 'POST', url: runs, payload: { year: YEAR }, cookie });
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json() as { id: string };
    for (let i = 0; i < 600; i++) {
      const run = (await get(`${runs}/${id}`, cookie)).json();
      if (run.state === 'done' || run.state === 'failed') return run;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the run did not end');
  }

  it("401, 403, 400; an unknown county 404; a county viewer's run has its county's PDF only", async () => {
    const run = await finishedRun(kangbao);
    expect(run.state).toBe('done');
    expect((await pdf(run.id, '130723')).statusCode).toBe(401);
    expect((await pdf(run.id, '130723', memberCookie)).statusCode).toBe(403);
    expect((await pdf(run.id, '1307', kangbao)).statusCode).toBe(400);
    expect((await pdf('not-a-run', '130723', kangbao)).statusCode).toBe(400);
    expect((await pdf(run.id, '110108', kangbao)).statusCode).toBe(404);
    // Another account does not see the run.
    expect((await pdf(run.id, '130723', office)).statusCode).toBe(404);
    expect(run.counties.filter((c: { pdfPages: number | null }) => c.pdfPages !== null)).toEqual([
      expect.objectContaining({ code: '130723', members: run.membersTotal, pdfPages: run.membersTotal }),
    ]);
    expect((await pdf(run.id, '130722', kangbao)).statusCode).toBe(404);
    const own = await pdf(run.id, '130723', kangbao);
    expect(own.statusCode).toBe(200);
    expect(Number(own.headers['x-pdf-pages'])).toBe(run.membersTotal);
  });
});
