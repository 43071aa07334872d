import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { branchOf, createUser } from '../../../test/factories';
import { memberBody } from '../../../test/member-factory';
import type { ActivityEntryInput } from './activity.entry';

let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let auditor: string;
let ownAccount: string;
/** A member of a Haidian branch whose home is 康保县 (130723). */
let member: { id: number; version: number };

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, haidian, kangbao, auditor] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'kangbao', 'auditor'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  const branch = (await branchOf(t.store, '驻北京海淀区流动党委')).id;
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/members',
    payload: memberBody(branch, { name: '履历测试', homeCounty: '130723' }),
    cookie: office,
  });
  expect(res.statusCode).toBe(201);
  member = res.json();
  const account = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: member.id });
  ownAccount = await t.login(account.username, account.password);
  await record([
    entry('study_hours', '2025-03-02', 2.5, 'life:1', '党史学习'),
    entry('study_hours', '2025-06-18', 1.5, 'life:2', '党章学习'),
    entry('dues_paid', '2025-01-15', 1500, 'care:1', '缴纳 2025 年 1 月党费'),
    entry('dues_paid', '2025-07-15', 1520, 'care:2', '缴纳 2025 年 7 月党费'),
    entry('volunteer_hours', '2025-07-20', 4, 'service:1', '平安守望'),
    entry('meeting_attended', '2024-11-05', 1, 'life:3', '主题党日'),
  ]);
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const url = (query = '') => `/api/v1/members/${member.id}/activity${query}`;

function entry(
  kind: ActivityEntryInput['kind'],
  occurredOn: string,
  quantity: number,
  source: string,
  title: string,
): ActivityEntryInput {
  const [sourceModule, sourceId] = source.split(':') as [string, string];
  return { memberId: member.id, kind, occurredOn, quantity, sourceModule, sourceId, title };
}

const record = (entries: ActivityEntryInput[]) =>
  t.store.db.transaction((tx) => t.services.activity.recordMany(tx, entries));

describe('GET /api/v1/members/:id/activity', () => {
  it('401 without a session, 403 without member.read, 400 naming the field', async () => {
    expect((await get(url())).statusCode).toBe(401);
    for (const cookie of [auditor, ownAccount]) {
      const res = await get(url(), cookie);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    for (const [query, field] of [
      ['?year=25', 'year'],
      ['?year=1899', 'year'],
      ['?year=2025.5', 'year'],
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
    ] as const) {
      const res = await get(url(query), office);
      expect(res.statusCode, query).toBe(400);
      expect(faultyFields(res), query).toEqual([field]);
    }
    for (const cursor of ['x', Buffer.from('["2025-02-30",1]').toString('base64url')]) {
      const res = await get(url(`?cursor=${cursor}`), office);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('INVALID_CURSOR');
      expect(faultyFields(res)).toEqual(['cursor']);
    }
  });

  it('404 for a member outside the scope or not in the base; 200 for every scope that covers the member', async () => {
    const outside = await get(url(), tongzhou);
    expect(outside.statusCode).toBe(404);
    expect(outside.body).not.toContain('党史学习');
    expect((await get('/api/v1/members/2147483646/activity', office)).statusCode).toBe(404);
    expect((await get('/api/v1/members/9999999999/activity', office)).statusCode).toBe(404);
    for (const cookie of [office, haidian, kangbao]) expect((await get(url(), cookie)).statusCode).toBe(200);
  });

  it('answers a year: its entries newest first and its sums by kind', async () => {
    const res = await get(url('?year=2025'), haidian);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2025);
    expect(body.items.map((i: { title: string }) => i.title)).toEqual([
      '平安守望',
      '缴纳 2025 年 7 月党费',
      '党章学习',
      '党史学习',
      '缴纳 2025 年 1 月党费',
    ]);
    expect(body.items[0]).toMatchObject({
      kind: 'volunteer_hours',
      occurredOn: '2025-07-20',
      quantity: 4,
      unit: 'hours',
      orgName: '建筑业流动党支部',
      source: { module: 'service', id: '1' },
      statusChange: null,
    });
    expect(body.summary).toEqual({
      year: 2025,
      totals: [
        { kind: 'study_hours', unit: 'class_hours', quantity: 4, entries: 2 },
        { kind: 'volunteer_hours', unit: 'hours', quantity: 4, entries: 1 },
        { kind: 'dues_paid', unit: 'fen', quantity: 3020, entries: 2 },
      ],
    });
    const y2024 = (await get(url('?year=2024'), haidian)).json();
    expect(y2024.items.map((i: { kind: string }) => i.kind)).toEqual(['meeting_attended']);
    expect(y2024.summary.totals).toEqual([
      { kind: 'meeting_attended', unit: 'times', quantity: 1, entries: 1 },
    ]);
    const empty = (await get(url('?year=2019'), haidian)).json();
    expect(empty).toMatchObject({ items: [], nextCursor: null, summary: { year: 2019, totals: [] } });
  });

  it('without a year: the most recent entries, with the years that have any, and no sums', async () => {
    const body = (await get(url(), office)).json();
    const thisYear = new Date().getFullYear();
    expect(body.year).toBeNull();
    expect(body.summary).toBeNull();
    expect(body.years).toEqual([thisYear, 2025, 2024]);
    // The record's creation today comes first, with the status it began in.
    expect(body.items[0]).toMatchObject({
      kind: 'status_changed',
      title: '建立档案',
      statusChange: { fromStatus: null, toStatus: 'active', actorName: 'office' },
    });
    expect(body.items).toHaveLength(7);
    expect(body.nextCursor).toBeNull();
  });

  it('pages by cursor, newest first, every entry once', async () => {
    const all = (await get(url(), office)).json().items.map((i: { id: number }) => i.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: string | null } = (
        await get(url(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`), office)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i: { id: number }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    // Within a year too: the last page says there is nothing more.
    const first = (await get(url('?year=2025&limit=3'), office)).json();
    const second = (await get(url(`?year=2025&limit=3&cursor=${first.nextCursor}`), office)).json();
    expect([...first.items, ...second.items]).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
  });
});
