import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { loadXlsx, sheetRows } from '../../../../test/excel';
import { auditCount, branchOf, createUser } from '../../../../test/factories';
import { memberBody } from '../../../../test/member-factory';
import { hasPoppler, inCI, pdfPages } from '../../../../test/pdf';
import { queryRows } from '../../../db/client';
import type { ActivityEntryInput } from '../../activity/activity.entry';

let t: TestApp;
let office: string;
let haidian: string;
let tongzhou: string;
let kangbao: string;
let xicheng: string;
let ownAccount: string;
/** 海淀 branch, home 康保: a year of deeds in the ledger. */
let busy: { id: number };
/** 海淀 branch, home 康保: nothing recorded. */
let idle: { id: number };

const YEAR = 2025;

beforeAll(async () => {
  t = await createTestApp({}, { members: 80 });
  [office, haidian, tongzhou, kangbao, xicheng] = (await Promise.all(
    ['office', 'haidian', 'tongzhou', 'kangbao', 'xicheng'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  const branch = (await branchOf(t.store, '驻北京海淀区流动党委')).id;
  const create = async (name: string) => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/members',
      payload: memberBody(branch, { name, homeCounty: '130723', hostDistrict: '110108' }),
      cookie: office,
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: number };
  };
  busy = await create('反馈测试甲');
  idle = await create('反馈测试乙');
  const entry = (
    kind: ActivityEntryInput['kind'],
    occurredOn: string,
    quantity: number,
    source: string,
    title: string,
  ): ActivityEntryInput => {
    const [sourceModule, sourceId] = source.split(':') as [string, string];
    return { memberId: busy.id, kind, occurredOn, quantity, sourceModule, sourceId, title };
  };
  await t.store.db.transaction((tx) =>
    t.services.activity.recordMany(tx, [
      entry('meeting_attended', '2025-03-01', 1, 'life:1', '主题党日'),
      entry('meeting_attended', '2025-04-01', 1, 'life:2', '主题党日'),
      entry('meeting_attended', '2024-12-01', 1, 'life:0', '上一年的会'),
      entry('study_hours', '2025-05-10', 2.5, 'learning:1', '党史学习'),
      entry('study_hours', '2025-06-10', 1.5, 'learning:2', '党章学习'),
      entry('volunteer_hours', '2025-07-20', 4, 'service:1', '平安守望'),
      entry('contribution', '2025-08-01', 150_000, 'hometown:1', '捐赠课桌'),
      entry('honour', '2025-09-01', 1, 'care:1', '优秀共产党员'),
      entry('evaluation', '2025-01-20', 90, 'life:e1', '合格'),
      entry('evaluation', '2025-12-20', 95, 'life:e2', '优秀'),
    ]),
  );
  const account = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: idle.id });
  ownAccount = await t.login(account.username, account.password);
});
afterAll(() => t.close());

const get = (u: string, cookie?: string) =>
  t.request({ method: 'GET', url: u, ...(cookie ? { cookie } : {}) });
const put = (memberId: number | string, year: number | string, payload: unknown, cookie?: string) =>
  t.request({
    method: 'PUT',
    url: `/api/v1/feedback/${memberId}/${year}`,
    payload: payload as object,
    ...(cookie ? { cookie } : {}),
  });
const listOf = async (cookie: string, query = `?year=${YEAR}&county=130723&limit=200`) => {
  const items: { member: { id: number; homeCounty: string }; [k: string]: unknown }[] = [];
  let cursor: string | null = null;
  do {
    const res = await get(`/api/v1/feedback${query}${cursor ? `&cursor=${cursor}` : ''}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    items.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return items;
};

describe('GET /api/v1/feedback', () => {
  it('401, 403 for the host side and members, 400 naming the field', async () => {
    expect((await get(`/api/v1/feedback?year=${YEAR}`)).statusCode).toBe(401);
    for (const cookie of [xicheng, ownAccount])
      expect((await get(`/api/v1/feedback?year=${YEAR}`, cookie)).statusCode).toBe(403);
    for (const [query, field] of [
      ['', 'year'],
      ['?year=1999', 'year'],
      ['?year=2100', 'year'],
      [`?year=${YEAR}&county=12`, 'county'],
      [`?year=${YEAR}&county=110102`, 'county'],
      [`?year=${YEAR}&limit=201`, 'limit'],
    ] as const) {
      const res = await get(`/api/v1/feedback${query}`, office);
      expect(res.statusCode, query).toBe(400);
      expect(faultyFields(res), query).toEqual([field]);
    }
  });

  it('the year’s figures from the ledger, zero where nothing was recorded', async () => {
    const items = await listOf(kangbao);
    const mine = items.find((i) => i.member.id === busy.id);
    expect(mine).toMatchObject({
      year: YEAR,
      figures: {
        meetings: 2,
        studyHours: 4,
        volunteerHours: 4,
        contributions: 1,
        contributionFen: 150_000,
        honours: 1,
        evaluation: '优秀',
      },
      comment: null,
      sentAt: null,
      version: 0,
      canWrite: false,
    });
    expect(items.find((i) => i.member.id === idle.id)?.figures).toEqual({
      meetings: 0,
      studyHours: 0,
      volunteerHours: 0,
      contributions: 0,
      contributionFen: 0,
      honours: 0,
      evaluation: null,
      care: 0,
      reflections: 0,
      reflectionTitles: [],
    });
    expect(items.every((i) => i.member.homeCounty === '130723')).toBe(true);
  });

  it('each reader sees the members of their scope', async () => {
    const home = await listOf(kangbao, `?year=${YEAR}&limit=200`);
    expect(home.every((i) => i.member.homeCounty === '130723')).toBe(true);
    const tz = await listOf(tongzhou);
    expect(tz.map((i) => i.member.id)).not.toContain(busy.id);
    const hd = await listOf(haidian);
    expect(hd.find((i) => i.member.id === busy.id)?.canWrite).toBe(true);
  });
});

describe('PUT /api/v1/feedback/:memberId/:year', () => {
  it('401, 403 for readers, 400 naming the field, 404 out of scope', async () => {
    const body = { comment: '表现良好', version: 0 };
    expect((await put(busy.id, YEAR, body)).statusCode).toBe(401);
    expect((await put(busy.id, YEAR, body, kangbao)).statusCode).toBe(403);
    for (const [id, year, payload, field] of [
      [busy.id, YEAR, { comment: 'x'.repeat(1001), version: 0 }, 'comment'],
      [busy.id, YEAR, { comment: '好', version: -1 }, 'version'],
      [busy.id, YEAR, { comment: '好' }, 'version'],
      [busy.id, 'abcd', body, 'year'],
      [busy.id, 1999, body, 'year'],
      [busy.id, 2100, body, 'year'],
    ] as const) {
      const res = await put(id, year, payload, office);
      expect(res.statusCode, `${year} ${JSON.stringify(payload)}`).toBe(400);
      expect(faultyFields(res)).toEqual([field]);
    }
    expect((await put(busy.id, YEAR, body, tongzhou)).statusCode).toBe(404);
    expect((await put(9_999_999, YEAR, body, office)).statusCode).toBe(404);
  });

  it('writes the comment with its version; a stale one is refused', async () => {
    const first = await put(busy.id, YEAR, { comment: '该同志表现良好。', version: 0 }, haidian);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ comment: '该同志表现良好。', version: 1, figures: { meetings: 2 } });
    const stale = await put(busy.id, YEAR, { comment: '另一位书记的意见', version: 0 }, office);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const second = await put(
      busy.id,
      YEAR,
      { comment: '该同志表现突出，热心服务家乡。', version: 1 },
      office,
    );
    expect(second.json()).toMatchObject({ version: 2 });
    expect(await auditCount(t.store, 'feedback.updated', busy.id)).toBe(2);
    const listed = (await listOf(kangbao)).find((i) => i.member.id === busy.id);
    expect(listed?.comment).toBe('该同志表现突出，热心服务家乡。');
  });
});

describe('GET /api/v1/feedback/:memberId/:year.pdf', () => {
  const pdfUrl = (id: number | string, year: number | string = YEAR) => `/api/v1/feedback/${id}/${year}.pdf`;

  it('401, 403, 400, 404 out of scope', async () => {
    expect((await get(pdfUrl(busy.id))).statusCode).toBe(401);
    expect((await get(pdfUrl(busy.id), xicheng)).statusCode).toBe(403);
    expect((await get(pdfUrl(busy.id, 1999), office)).statusCode).toBe(400);
    expect((await get(pdfUrl(busy.id), tongzhou)).statusCode).toBe(404);
  });

  it.skipIf(!hasPoppler && !inCI)('holds the member, the figures and the comment; audited', async () => {
    const res = await get(pdfUrl(busy.id), kangbao);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfPages(res.rawPayload)
      .join('\n')
      .replace(/[ \t]+/g, ' ');
    expect(text).toContain('反馈测试甲');
    expect(text).toContain('流动党员现实表现反馈表');
    expect(text).toMatch(/参加组织生活\s*2\s*次/);
    expect(text).toMatch(/民主评议\s*优秀/);
    expect(text).toMatch(/服务家乡\s*1\s*项，1500\s*元/);
    expect(text).toContain('热心服务家乡');
    expect(text).toContain('2008-07-01');
    expect(await auditCount(t.store, 'feedback.downloaded', busy.id)).toBe(1);
  });
});

describe('GET /api/v1/feedback/workbook', () => {
  it('401, 403, 400 naming the field', async () => {
    expect((await get(`/api/v1/feedback/workbook?year=${YEAR}&county=130723`)).statusCode).toBe(401);
    expect((await get(`/api/v1/feedback/workbook?year=${YEAR}&county=130723`, xicheng)).statusCode).toBe(403);
    const res = await get(`/api/v1/feedback/workbook?year=${YEAR}`, office);
    expect(res.statusCode).toBe(400);
    expect(faultyFields(res)).toEqual(['county']);
  });

  it('one row a member of the county in scope, with the figures and the comment; audited', async () => {
    const res = await get(`/api/v1/feedback/workbook?year=${YEAR}&county=130723`, kangbao);
    expect(res.statusCode, res.body).toBe(200);
    const wb = await loadXlsx(res.rawPayload);
    const rows = sheetRows(wb.worksheets[0]!);
    const header = rows[0]!;
    expect(header.slice(0, 2)).toEqual(['姓名', '入党时间']);
    const expected = (await listOf(kangbao)).length;
    expect(rows.length - 1).toBe(expected);
    const row = rows.find((r) => r[0] === '反馈测试甲')!;
    const cell = (h: string) => row[header.indexOf(h)];
    expect(cell('参加组织生活（次）')).toBe(2);
    expect(cell('学习（学时）')).toBe(4);
    expect(cell('服务家乡金额（元）')).toBe(1500);
    expect(cell('民主评议')).toBe('优秀');
    expect(cell('党组织意见')).toBe('该同志表现突出，热心服务家乡。');
    const audit = await queryRows<{ after: { format: string; count: number } }>(
      t.store.db,
      sql`select after from audit_log where action = 'feedback.downloaded' and target_id = '130723'`,
    );
    expect(audit.map((a) => a.after)).toEqual([{ year: YEAR, format: 'xlsx', count: expected }]);
  });
});

describe('POST /api/v1/feedback/send', () => {
  const send = (payload: unknown, cookie?: string) =>
    t.request({
      method: 'POST',
      url: '/api/v1/feedback/send',
      payload: payload as object,
      ...(cookie ? { cookie } : {}),
    });

  it('401, 403 for readers, 400 naming the field', async () => {
    expect((await send({ year: YEAR, county: '130723' })).statusCode).toBe(401);
    expect((await send({ year: YEAR, county: '130723' }, kangbao)).statusCode).toBe(403);
    for (const [payload, field] of [
      [{ county: '130723' }, 'year'],
      [{ year: 2100, county: '130723' }, 'year'],
      [{ year: YEAR, county: '110102' }, 'county'],
      [{ year: YEAR }, 'county'],
    ] as const) {
      const res = await send(payload, office);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(faultyFields(res)).toEqual([field]);
    }
  });

  it('marks the secretary’s members sent and tells the county’s organization department', async () => {
    const before = (await get('/api/v1/inbox', kangbao)).json().items.length;
    const res = await send({ year: YEAR, county: '130723' }, haidian);
    expect(res.statusCode, res.body).toBe(200);
    const hd = await listOf(haidian);
    expect(res.json()).toMatchObject({ members: hd.length, recipients: 1 });
    const all = await listOf(kangbao);
    const sent = all.filter((i) => i.sentAt !== null).map((i) => i.member.id);
    expect(sent.sort()).toEqual(hd.map((i) => i.member.id).sort());
    expect(all.find((i) => i.member.id === busy.id)?.comment).toBe('该同志表现突出，热心服务家乡。');
    const inbox = (await get('/api/v1/inbox', kangbao)).json().items;
    expect(inbox.length).toBe(before + 1);
    expect(inbox[0]).toMatchObject({
      kind: 'feedback',
      link: `/finding/feedback?year=${YEAR}&county=130723`,
    });
    expect(inbox[0].title).toContain('康保县');
    const audit = await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from audit_log where action = 'feedback.sent' and target_id = '130723'`,
    );
    expect(audit[0]!.n).toBe(1);
  });
});
