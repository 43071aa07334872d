/** The hometown tests' world: the app, the logins, orgs and members to name, helpers that record. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { activeMembersIn, orgByName } from '../../../test/factories';
import { queryRows } from '../../db/client';

export let t: TestApp;
export let office: string;
export let tongzhou: string;
export let haidian: string;
export let kangbao: string;
export let xicheng: string;
export let auditor: string;
export let member: string;
export let tongzhouOrg: { id: number; path: string };
export let haidianOrg: { id: number; path: string };
/** Members under 通州 (the secretary tongzhou may name them) and one under 海淀 (it may not). */
export let tongzhouMembers: { id: number; name: string }[];
export let haidianMember: { id: number; name: string };

export const API = '/api/v1/hometown';
export const KANGBAO = '130723';
export const YUXIAN = '130726';

/** A POST to the hometown API (`url` under it). */
export const post = (url: string, cookie: string, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `${API}${url}`, cookie, payload });

/** The status a GET or DELETE of the hometown API answers (`url` under it). */
export const statusOf = async (method: 'GET' | 'DELETE', url: string, cookie: string) =>
  (await t.request({ method, url: `${API}${url}`, cookie })).statusCode;

export const projectBody = (extra: Record<string, unknown> = {}) => ({
  name: '古典家具产业园',
  industry: '家具制造',
  countyCode: YUXIAN,
  park: '蔚县吉家庄镇产业园',
  enterprises: ['京张古典家具有限公司'],
  stage: 'signed',
  stageOn: '2021-03-15',
  signedWan: '12000.5',
  actualWan: '8000',
  orgId: tongzhouOrg.id,
  ...extra,
});

export async function createProject(cookie: string, extra: Record<string, unknown> = {}) {
  const res = await t.request({
    method: 'POST',
    url: `${API}/projects`,
    cookie,
    payload: projectBody(extra),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; signedFen: number; county: { code: string } };
}

export const donationBody = (extra: Record<string, unknown> = {}) => ({
  donorKind: 'enterprise',
  donorName: '张家口驻京商会',
  kind: 'funds',
  amountYuan: '300000.00',
  purpose: 'covid',
  countyCode: KANGBAO,
  recipient: '康保县疫情防控指挥部',
  donatedOn: '2020-02-10',
  orgId: tongzhouOrg.id,
  ...extra,
});

export async function createDonation(cookie: string, extra: Record<string, unknown> = {}) {
  const res = await t.request({
    method: 'POST',
    url: `${API}/donations`,
    cookie,
    payload: donationBody(extra),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; amountFen: number };
}

export const placementBody = (extra: Record<string, unknown> = {}) => ({
  employer: '北京城建某项目部',
  countyCode: KANGBAO,
  placedOn: '2023-04-01',
  personTimes: 120,
  orgId: tongzhouOrg.id,
  ...extra,
});

export const postingBody = (extra: Record<string, unknown> = {}) => ({
  employer: '北京京张物业管理有限公司',
  title: '物业保洁员',
  headcount: 30,
  payMinYuan: '4500',
  payMaxYuan: '6000',
  place: '北京市通州区',
  countyCode: KANGBAO,
  postedOn: '2024-03-01',
  orgId: tongzhouOrg.id,
  ...extra,
});

/** The member's ledger entries of the hometown module. */
export const ledgerOf = (memberId: number) =>
  queryRows<{ source_id: string; quantity: string; title: string; occurred_on: string }>(
    t.store.db,
    sql`select source_id, quantity::text, title, occurred_on::text from member_activity
      where member_id = ${memberId} and source_module = 'hometown' and kind = 'contribution' order by source_id`,
  );

/** Registers the world's set-up and tear-down in the calling test file: its own app and database. */
export function useHometownWorld() {
  beforeAll(async () => {
    t = await createTestApp();
    [office, tongzhou, haidian, kangbao, xicheng, auditor, member] = (await Promise.all(
      ['office', 'tongzhou', 'haidian', 'kangbao', 'xicheng', 'auditor', 'member'].map((u) => t.login(u)),
    )) as [string, string, string, string, string, string, string];
    tongzhouOrg = await orgByName(t.store, '驻北京通州区流动党委');
    haidianOrg = await orgByName(t.store, '驻北京海淀区流动党委');
    tongzhouMembers = await activeMembersIn(t, office, '驻北京通州区流动党委', 5);
    haidianMember = (await activeMembersIn(t, office, '驻北京海淀区流动党委', 1))[0]!;
  });
  afterAll(() => t.close());
}
