/** The reflections tests' world: the app, the logins, members of 通州 and courses to write about. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { activeMembersIn, createUser, orgByName } from '../../../../test/factories';
import { queryRows } from '../../../db/client';

export let t: TestApp;
export let office: string;
export let tongzhou: string;
export let haidian: string;
export let kangbao: string;
export let auditor: string;
export let member: string;
export let memberId: number;
export let tongzhouOrg: { id: number; path: string };
export let haidianOrg: { id: number; path: string };
/** Active members under 通州, not the demo member. */
export let pool: { id: number; name: string; homeCounty: string }[];
export const API = '/api/v1/reflections';
export const REPORTS = '/api/v1/member-reports';

export const take = (where: (m: { homeCounty: string }) => boolean = () => true) => {
  const i = pool.findIndex(where);
  if (i < 0) throw new Error('the pool of 通州 members is used up');
  return pool.splice(i, 1)[0]!;
};

/** A published course of the org (its subtree is the audience), written as the lecture hall stores one. */
export async function publishedCourse(org: { id: number; path: string }, title: string) {
  const [row] = await queryRows<{ id: number }>(
    t.store.db,
    sql`insert into courses (title, kind, org_id, org_path, planned_minutes, credit_hours, state, published_at, body)
      values (${title}, 'article', ${org.id}, ${org.path}, 20, 1, 'published', now(), '<p>正文</p>') returning id`,
  );
  return row!.id;
}

export async function memberLogin(id: number) {
  const user = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: id });
  return t.login(user.username, user.password);
}

export async function post(cookie: string, subjectId: number, extra: Record<string, unknown> = {}) {
  const res = await t.request({
    method: 'POST',
    url: API,
    cookie,
    payload: {
      subjectType: 'course',
      subjectId,
      title: '学习二十大报告的体会',
      body: '通过学习，我深刻认识到坚持党的全面领导的重要意义。',
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; state: string };
}

export const userIdOf = async (username: string) =>
  (await queryRows<{ id: number }>(t.store.db, sql`select id from users where username = ${username}`))[0]!
    .id;

/** Registers the world's set-up and tear-down in the calling test file: its own app and database. */
export function useReflectionsWorld() {
  beforeAll(async () => {
    t = await createTestApp();
    [office, tongzhou, haidian, kangbao, auditor, member] = (await Promise.all(
      ['office', 'tongzhou', 'haidian', 'kangbao', 'auditor', 'member'].map((u) => t.login(u)),
    )) as [string, string, string, string, string, string];
    tongzhouOrg = await orgByName(t.store, '驻北京通州区流动党委');
    haidianOrg = await orgByName(t.store, '驻北京海淀区流动党委');
    [{ member_id: memberId }] = (await queryRows<{ member_id: number }>(
      t.store.db,
      sql`select member_id from users where username = 'member'`,
    )) as [{ member_id: number }];
    pool = (await activeMembersIn(t, office, '驻北京通州区流动党委', 100)).filter((m) => m.id !== memberId);
  });
  afterAll(() => t.close());
}
