/**
 * The shared set-up of the volunteer campaign API tests: one app per test file, the demo accounts'
 * sessions, the demo member (account `member`, who leads a post) and members of 通州 to put on
 * shifts, and helpers to build an open campaign with a post and shifts.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { activeMembersIn, createUser, orgByName } from '../../../test/factories';
import { queryRows } from '../../db/client';

export let t: TestApp;
export let office: string;
export let tongzhou: string;
export let haidian: string;
export let kangbao: string;
export let xicheng: string;
export let member: string;
/** A second member account (a volunteer of 通州 who scans). */
export let volunteer: string;
export let me: { id: number; orgId: number; name: string };
export let volunteerMember: { id: number; name: string };
/** Members of 通州 on the rolls, for the roster. */
export let pool: { id: number; name: string }[];
export let tongzhouOrg: { id: number };
export const BASE = '/api/v1/volunteer/campaigns';
export const HOUR = 3_600_000;

/** Today in Beijing, and a clock time `HH:MM` some minutes from now (Beijing). */
export const bjDay = (d = new Date()) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
export const bjClock = (minutesFromNow: number) =>
  new Date(Date.now() + 8 * HOUR + minutesFromNow * 60_000).toISOString().slice(11, 16);

export const post = (url: string, cookie: string | undefined, payload: unknown) =>
  t.request({ method: 'POST', url, ...(cookie ? { cookie } : {}), payload: payload as object });
export const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });

export const campaignBody = (extra: Record<string, unknown> = {}) => ({
  title: '平安守望·社区志愿服务',
  orgId: tongzhouOrg.id,
  partnerName: '大栅栏街道',
  hostDistrict: '110102',
  startsOn: bjDay(new Date(Date.now() - 24 * HOUR)),
  endsOn: bjDay(new Date(Date.now() + 5 * 24 * HOUR)),
  ...extra,
});

/**
 * An open campaign of 通州 with one post led by the demo member (headcount as given) and one
 * shift per window: each window is [start, end] in minutes from now (Beijing days may differ).
 */
export async function openCampaign(
  opts: { headcount?: number; windows?: [number, number][]; extra?: Record<string, unknown> } = {},
) {
  const c = await post(BASE, tongzhou, campaignBody(opts.extra));
  expect(c.statusCode, c.body).toBe(201);
  const campaign = c.json();
  const p = await post(`${BASE}/${campaign.id}/posts`, tongzhou, {
    name: '前门大街路口',
    address: '前门大街与大栅栏街交叉口',
    task: 'traffic',
    headcount: opts.headcount ?? 3,
    leaderMemberId: me.id,
  });
  expect(p.statusCode, p.body).toBe(201);
  const shifts: { id: number; startsAt: string; endsAt: string }[] = [];
  for (const [from, to] of opts.windows ?? [[-30, 180]]) {
    const start = new Date(Date.now() + from * 60_000);
    const s = await post(`${BASE}/${campaign.id}/shifts`, tongzhou, {
      postId: p.json().id,
      onDates: [bjDay(start)],
      startTime: bjClock(from),
      endTime: bjClock(to),
    });
    expect(s.statusCode, s.body).toBe(201);
    shifts.push(...s.json().items);
  }
  const opened = await post(`${BASE}/${campaign.id}/state`, tongzhou, {
    to: 'open',
    version: campaign.version,
  });
  expect(opened.statusCode, opened.body).toBe(200);
  return { id: campaign.id as number, postId: p.json().id as number, shifts };
}

export async function assign(campaignId: number, shiftId: number, memberId: number, cookie = tongzhou) {
  return post(`${BASE}/${campaignId}/roster`, cookie, { shiftId, memberId });
}

export const ledger = async (assignmentId: number) =>
  queryRows<{ member_id: number; quantity: string; title: string; occurred_on: string }>(
    t.store.db,
    sql`select member_id, quantity::text, title, occurred_on::text from member_activity
      where source_module = 'service' and source_id = ${`assignment:${assignmentId}`} and kind = 'volunteer_hours'`,
  );

export const codeOf = async (campaignId: number, postId: number, cookie = member) => {
  const res = await get(`${BASE}/${campaignId}/posts/${postId}/code`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return new URL(res.json().url).searchParams.get('t')!;
};

/** Starts the app for this test file and signs the demo accounts in; closes it afterwards. */
export function useServiceApp() {
  beforeAll(async () => {
    t = await createTestApp();
    [office, tongzhou, haidian, kangbao, xicheng, member] = (await Promise.all(
      ['office', 'tongzhou', 'haidian', 'kangbao', 'xicheng', 'member'].map((u) => t.login(u)),
    )) as [string, string, string, string, string, string];
    me = (await get('/api/v1/me/member', member)).json();
    tongzhouOrg = await orgByName(t.store, '驻北京通州区流动党委');
    pool = (await activeMembersIn(t, office, '驻北京通州区流动党委', 12)).filter((m) => m.id !== me.id);
    volunteerMember = pool.pop()!;
    const account = await createUser(t.store, {
      role: 'member',
      scopeKind: 'self',
      memberId: volunteerMember.id,
    });
    volunteer = await t.login(account.username, account.password);
  });
  afterAll(() => t.close());
}
