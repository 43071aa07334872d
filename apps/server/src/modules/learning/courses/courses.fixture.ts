/** The course tests' world: the app, the logins, the demo member, helpers that make courses and move time. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { createUser, orgByName } from '../../../../test/factories';
import { queryRows } from '../../../db/client';

export let t: TestApp;
export let office: string;
export let tongzhou: string;
export let haidian: string;
export let auditor: string;
export let member: string;
export let memberId: number;
export let tongzhouOrg: { id: number; path: string };
export let haidianOrg: { id: number; path: string };
export const API = '/api/v1/courses';

export const body = (extra: Record<string, unknown> = {}) => ({
  title: '学习二十大精神：开辟马克思主义中国化时代化新境界',
  kind: 'article',
  orgId: tongzhouOrg.id,
  body: '<p>中国式现代化是人口规模巨大的现代化。</p>',
  plannedMinutes: 1,
  creditHours: 2,
  required: true,
  ...extra,
});

export async function createCourse(cookie: string, extra: Record<string, unknown> = {}) {
  const res = await t.request({ method: 'POST', url: API, cookie, payload: body(extra) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; state: string };
}

export async function publishedCourse(cookie: string, extra: Record<string, unknown> = {}) {
  const c = await createCourse(cookie, extra);
  const res = await t.request({
    method: 'POST',
    url: `${API}/${c.id}/state`,
    cookie,
    payload: { to: 'published', version: c.version },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number; title: string };
}

/** Time passes for the member's progress on the course: its last beat moves back `seconds`. */
export async function wait(courseId: number, seconds: number, who = memberId) {
  await t.store.db.execute(
    sql`update course_progress set last_beat_at = last_beat_at - make_interval(secs => ${seconds})
      where course_id = ${courseId} and member_id = ${who}`,
  );
}

export const beat = (courseId: number, payload: Record<string, unknown>, cookie = member) =>
  t.request({ method: 'POST', url: `${API}/${courseId}/progress`, cookie, payload });

/** The member's study-hour ledger entries of a course. */
export const ledgerOf = (courseId: number, who = memberId) =>
  queryRows<{ quantity: number; source_module: string }>(
    t.store.db,
    sql`select quantity::float8 as quantity, source_module from member_activity
      where kind = 'study_hours' and source_id = ${`course:${courseId}`} and member_id = ${who}`,
  );

export async function memberLogin(id: number) {
  const user = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: id });
  return t.login(user.username, user.password);
}

export async function activeIn(committee: string, limit: number) {
  const org = await orgByName(t.store, committee);
  const res = await t.request({
    method: 'GET',
    url: `/api/v1/members?orgId=${org.id}&status=active&limit=${limit}&sort=createdAt&order=asc`,
    cookie: office,
  });
  return res.json().items as { id: number; name: string; orgId: number }[];
}

/** Registers the world's set-up and tear-down in the calling test file: its own app and database. */
export function useCoursesWorld() {
  beforeAll(async () => {
    t = await createTestApp();
    [office, tongzhou, haidian, auditor, member] = (await Promise.all(
      ['office', 'tongzhou', 'haidian', 'auditor', 'member'].map((u) => t.login(u)),
    )) as [string, string, string, string, string];
    tongzhouOrg = await orgByName(t.store, '驻北京通州区流动党委');
    haidianOrg = await orgByName(t.store, '驻北京海淀区流动党委');
    [{ member_id: memberId }] = (await queryRows<{ member_id: number }>(
      t.store.db,
      sql`select member_id from users where username = 'member'`,
    )) as [{ member_id: number }];
  });
  afterAll(() => t.close());
}
