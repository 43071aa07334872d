/**
 * The shared set-up of the study API tests: one app per test file, the demo accounts' sessions, the
 * demo member (account `member`, placed in a 通州 branch) and helpers to read the API.
 */
import type { MemberStudyHoursResponse, StudyBoardResponse } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { branchOf } from '../../../../test/factories';
import { queryRows } from '../../../db/client';
import { committeeDay } from '../../notices/anniversaries';

export let t: TestApp;
export let office: string;
export let tongzhou: string;
export let haidian: string;
export let kangbao: string;
export let member: string;
export let me: { id: number; orgId: number; name: string };
export let haidianBranch: { id: number; path: string };
export const YEAR = Number(committeeDay(new Date()).slice(0, 4));
export const BASE = '/api/v1/study';

export const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });

export const record = (cookie: string | undefined, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `${BASE}/records`, payload, ...(cookie ? { cookie } : {}) });

/** Records offline study and returns the record's id. */
export async function recorded(payload: Record<string, unknown>, cookie = tongzhou) {
  const res = await record(cookie, {
    memberId: me.id,
    studiedOn: `${YEAR}-03-01`,
    title: '集中学习党的二十大报告',
    ...payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

export async function hoursOf(memberId: number, cookie = tongzhou, year = YEAR) {
  const res = await get(`${BASE}/hours/members/${memberId}?year=${year}`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MemberStudyHoursResponse;
}

export async function board(cookie: string, query = '') {
  const res = await get(`${BASE}/board?year=${YEAR}&limit=200${query}`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StudyBoardResponse;
}

/** Every page of the board. */
export async function wholeBoard(cookie: string, query = '') {
  const items: StudyBoardResponse['items'] = [];
  let cursor: string | null = null;
  do {
    const page = await board(cookie, `${query}${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** A member's study entries in the ledger of one source. */
export const ledgerOf = async (sourceModule: string, sourceId: string) =>
  queryRows<{ member_id: number; quantity: string; occurred_on: string }>(
    t.store.db,
    sql`select member_id, quantity::text, occurred_on::text from member_activity
      where kind = 'study_hours' and source_module = ${sourceModule} and source_id = ${sourceId}`,
  );

export const auditCount = async (action: string) =>
  (
    await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from audit_log where action = ${action}`,
    )
  )[0]!.n;

export function useStudyApp() {
  beforeAll(async () => {
    t = await createTestApp();
    [office, tongzhou, haidian, kangbao, member] = (await Promise.all(
      ['office', 'tongzhou', 'haidian', 'kangbao', 'member'].map((u) => t.login(u)),
    )) as [string, string, string, string, string];
    me = (await get('/api/v1/me/member', member)).json();
    haidianBranch = await branchOf(t.store, '驻北京海淀区流动党委');
  });
  afterAll(() => t.close());
}
