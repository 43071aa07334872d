import { addDays, addMonths, localIsoDate } from '@ningxin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../../test/app';
import {
  activeMembersIn,
  auditCount as auditCountOf,
  branchOf,
  orgByName,
} from '../../../../../test/factories';
import { memberBody } from '../../../../../test/member-factory';
import { hasPoppler, inCI, pdfPages } from '../../../../../test/pdf';

let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let auditor: string;
let pool: { id: number; name: string }[];
let haidianMember: { id: number; name: string };
const today = localIsoDate(new Date());
const URL = '/api/v1/transfers';

const take = () => {
  const m = pool.shift();
  if (!m) throw new Error('the pool of 通州 members is used up');
  return m;
};

const activeIn = (committee: string, limit: number) => activeMembersIn(t, office, committee, limit);

const post = (url: string, cookie: string | undefined, payload: unknown) =>
  t.request({ method: 'POST', url, payload: payload as object, ...(cookie ? { cookie } : {}) });
const get = (url: string, cookie: string) => t.request({ method: 'GET', url, cookie });
const memberOf = async (id: number) => (await get(`/api/v1/members/${id}`, office)).json();

const outgoing = (memberId: number, extra: Record<string, unknown> = {}) => ({
  direction: 'outgoing',
  memberId,
  toOrgName: '中共康保县委组织部',
  duesPaidUntil: today.slice(0, 7),
  ...extra,
});

const auditCount = (action: string) => auditCountOf(t.store, action);

beforeAll(async () => {
  t = await createTestApp({}, { members: 300 });
  [office, tongzhou, haidian, kangbao, auditor] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'kangbao', 'auditor'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  pool = await activeIn('驻北京通州区流动党委', 30);
  haidianMember = (await activeIn('驻北京海淀区流动党委', 1))[0]!;
});
afterAll(() => t.close());

describe('POST /api/v1/transfers (outgoing)', () => {
  it('401, 403 without transfer.write, 400 naming the fields', async () => {
    const m = pool[0]!;
    expect((await post(URL, undefined, outgoing(m.id))).statusCode).toBe(401);
    for (const cookie of [kangbao, auditor])
      expect((await post(URL, cookie, outgoing(m.id))).statusCode).toBe(403);
    const bad = await post(URL, office, { direction: 'outgoing' });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['duesPaidUntil', 'memberId', 'toOrgName']);
    const future = await post(
      URL,
      office,
      outgoing(m.id, { duesPaidUntil: addMonths(today, 1).slice(0, 7) }),
    );
    expect(future.statusCode).toBe(400);
    expect(faultyFields(future)).toEqual(['duesPaidUntil']);
  });

  it('404 for a member outside the scope', async () => {
    const before = await auditCount('transfer.issued');
    expect((await post(URL, tongzhou, outgoing(haidianMember.id))).statusCode).toBe(404);
    expect(await auditCount('transfer.issued')).toBe(before);
  });

  it('refuses a letter valid more than 3 months, on validUntil', async () => {
    const m = take();
    const res = await post(
      URL,
      tongzhou,
      outgoing(m.id, { issuedOn: today, validUntil: addDays(addMonths(today, 3), 1) }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDITY_TOO_LONG');
    expect(faultyFields(res)).toEqual(['validUntil']);
    pool.unshift(m);
  });

  it('issues a letter valid about 10 days, receipt due in a month, stub kept 10 years; one open at a time', async () => {
    const m = take();
    const res = await post(URL, tongzhou, outgoing(m.id));
    expect(res.statusCode, res.body).toBe(201);
    const tr = res.json();
    expect(tr.letterNumber).toMatch(new RegExp(`^张组转〔${today.slice(0, 4)}〕\\d{4}$`));
    expect(tr).toMatchObject({
      direction: 'outgoing',
      directionLabel: '转出',
      member: { id: m.id, name: m.name },
      toOrgName: '中共康保县委组织部',
      issuedOn: today,
      validUntil: addDays(today, 10),
      receiptDueOn: addMonths(today, 1),
      stubKeepUntil: addMonths(today, 120),
      state: 'issued',
      overdue: false,
      policies: { receipt: true, cancel: true, print: true },
    });
    expect(tr.fromOrgName).toContain('驻北京通州区流动党委');
    const again = await post(URL, tongzhou, outgoing(m.id));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TRANSFER_OPEN');
    // Still on the rolls until the receipt is back.
    expect((await memberOf(m.id)).status).toBe('active');
  });
});

describe('receipt, cancel, overdue', () => {
  it('completes an outgoing transfer: the member becomes 已转出 through the members service', async () => {
    const m = take();
    const tr = (await post(URL, tongzhou, outgoing(m.id, { issuedOn: addDays(today, -20) }))).json();
    const url = `${URL}/${tr.id}/receipt`;
    expect((await post(url, undefined, { receiptReturnedOn: today, version: tr.version })).statusCode).toBe(
      401,
    );
    expect((await post(url, kangbao, { receiptReturnedOn: today, version: tr.version })).statusCode).toBe(
      403,
    );
    const noDate = await post(url, tongzhou, { version: tr.version });
    expect(noDate.statusCode).toBe(400);
    expect(faultyFields(noDate)).toEqual(['receiptReturnedOn']);
    expect((await post(url, haidian, { receiptReturnedOn: today, version: tr.version })).statusCode).toBe(
      404,
    );
    const early = await post(url, tongzhou, { receiptReturnedOn: addDays(today, -30), version: tr.version });
    expect(early.statusCode).toBe(400);
    expect(faultyFields(early)).toEqual(['receiptReturnedOn']);
    const stale = await post(url, tongzhou, { receiptReturnedOn: today, version: tr.version + 1 });
    expect(stale.statusCode).toBe(409);
    const statusChanges = await auditCount('member.status_changed');
    const done = await post(url, tongzhou, { receiptReturnedOn: addDays(today, -3), version: tr.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      state: 'completed',
      stateLabel: '已完成',
      receiptReturnedOn: addDays(today, -3),
    });
    const member = await memberOf(m.id);
    expect(member.status).toBe('transferred_out');
    expect(await auditCount('member.status_changed')).toBe(statusChanges + 1);
    const history = (await get(`/api/v1/members/${m.id}/history`, office)).json() as {
      action: string;
      after: unknown;
    }[];
    expect(JSON.stringify(history)).toContain(tr.letterNumber);
    const twice = await post(url, tongzhou, { receiptReturnedOn: today, version: done.json().version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('TRANSFER_NOT_OPEN');
  });

  it('lists a letter whose receipt is a month late as overdue, in scope only', async () => {
    const m = take();
    const late = (await post(URL, tongzhou, outgoing(m.id, { issuedOn: addDays(today, -45) }))).json();
    expect(late).toMatchObject({ overdue: true, overdueDays: daysLate(late.receiptDueOn) });
    expect(late.overdueDays).toBeGreaterThanOrEqual(14);
    expect((await t.request({ method: 'GET', url: `${URL}/overdue` })).statusCode).toBe(401);
    expect((await get(`${URL}/overdue`, auditor)).statusCode).toBe(403);
    const ids = async (cookie: string, url = `${URL}/overdue?limit=100`) =>
      ((await get(url, cookie)).json().items as { id: number }[]).map((x) => x.id);
    expect(await ids(tongzhou)).toContain(late.id);
    expect(await ids(office, `${URL}?overdue=true&limit=100`)).toContain(late.id);
    expect(await ids(haidian)).not.toContain(late.id);
    const fresh = (await post(URL, tongzhou, outgoing(take().id))).json();
    expect(await ids(tongzhou)).not.toContain(fresh.id);
    const todos = (await get('/api/v1/workbench', tongzhou)).json().todos as { key: string; count: number }[];
    expect(todos.find((x) => x.key === 'transfers.overdue')?.count).toBeGreaterThanOrEqual(1);
  });

  it('cancels an open letter with a reason; the member stays on the rolls', async () => {
    const m = take();
    const tr = (await post(URL, tongzhou, outgoing(m.id))).json();
    const url = `${URL}/${tr.id}/cancel`;
    const bad = await post(url, tongzhou, { version: tr.version });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['reason']);
    const res = await post(url, tongzhou, { reason: '党员暂不转出', version: tr.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'cancelled', cancelReason: '党员暂不转出' });
    expect((await memberOf(m.id)).status).toBe('active');
    expect((await post(URL, tongzhou, outgoing(m.id))).statusCode).toBe(201);
  });
});

function daysLate(due: string) {
  return Math.round((Date.parse(today) - Date.parse(due)) / 86_400_000);
}

describe('incoming transfers', () => {
  it('creates the member in the receiving branch through the members service, then completes', async () => {
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const person = memberBody(branch.id, { name: '郑晓燕', relationship: 'certificate' });
    const before = await auditCount('member.created');
    const res = await post(URL, tongzhou, {
      direction: 'incoming',
      fromOrgName: '中共天津市滨海新区某企业委员会',
      duesPaidUntil: today.slice(0, 7),
      person,
    });
    expect(res.statusCode, res.body).toBe(201);
    const tr = res.json();
    expect(tr).toMatchObject({ direction: 'incoming', org: { id: branch.id }, member: { name: '郑晓燕' } });
    expect(await auditCount('member.created')).toBe(before + 1);
    const member = await memberOf(tr.member.id);
    expect(member).toMatchObject({ status: 'active', orgId: branch.id, relationship: 'transferred_in' });
    const done = await post(`${URL}/${tr.id}/receipt`, tongzhou, {
      receiptReturnedOn: today,
      version: tr.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((await memberOf(tr.member.id)).status).toBe('active');
  });

  it('refuses a receiving org outside the scope or not a branch, naming person.orgId', async () => {
    const hd = await branchOf(t.store, '驻北京海淀区流动党委');
    const outside = await post(URL, tongzhou, {
      direction: 'incoming',
      fromOrgName: '中共某县委组织部',
      duesPaidUntil: today.slice(0, 7),
      person: memberBody(hd.id),
    });
    expect(outside.statusCode).toBe(400);
    expect(faultyFields(outside)).toEqual(['person.orgId']);
    const tz = await orgByName(t.store, '驻北京通州区流动党委');
    const committee = await post(URL, tongzhou, {
      direction: 'incoming',
      fromOrgName: '中共某县委组织部',
      duesPaidUntil: today.slice(0, 7),
      person: memberBody(tz.id),
    });
    expect(committee.statusCode).toBe(400);
    expect(faultyFields(committee)).toEqual(['person.orgId']);
  });

  it('links a returning member by ID number and places them in the receiving branch, active, on receipt', async () => {
    // A member transferred out earlier comes back into another branch.
    const first = await branchOf(t.store, '驻北京通州区流动党委');
    const person = memberBody(first.id, { name: '冯立新' });
    const created = await post('/api/v1/members', office, person);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const out = (await post(URL, tongzhou, outgoing(id, { issuedOn: addDays(today, -10) }))).json();
    await post(`${URL}/${out.id}/receipt`, tongzhou, {
      receiptReturnedOn: addDays(today, -2),
      version: out.version,
    });
    expect((await memberOf(id)).status).toBe('transferred_out');
    const other = await branchOf(t.store, '驻北京通州区流动党委', '商贸物流');
    const before = await auditCount('member.created');
    const back = await post(URL, tongzhou, {
      direction: 'incoming',
      fromOrgName: '中共康保县委组织部',
      duesPaidUntil: today.slice(0, 7),
      person: { ...person, orgId: other.id },
    });
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json().member.id).toBe(id);
    expect(await auditCount('member.created')).toBe(before);
    const done = await post(`${URL}/${back.json().id}/receipt`, tongzhou, {
      receiptReturnedOn: today,
      version: back.json().version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(await memberOf(id)).toMatchObject({
      status: 'active',
      orgId: other.id,
      relationship: 'transferred_in',
    });
  });

  it('answers an ID number registered outside the scope without linking or telling more', async () => {
    const hdMember = memberBody((await branchOf(t.store, '驻北京海淀区流动党委')).id);
    expect((await post('/api/v1/members', office, hdMember)).statusCode).toBe(201);
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const res = await post(URL, tongzhou, {
      direction: 'incoming',
      fromOrgName: '中共某县委组织部',
      duesPaidUntil: today.slice(0, 7),
      person: { ...hdMember, orgId: branch.id },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('MEMBER_REGISTERED_ELSEWHERE');
  });
});

describe('GET /api/v1/transfers/:id/letter.pdf', () => {
  it('401, 403, 404 outside the scope; the three parts with the name and number, audited', async () => {
    const m = take();
    const tr = (await post(URL, tongzhou, outgoing(m.id, { reason: '返乡就业' }))).json();
    const url = `${URL}/${tr.id}/letter.pdf`;
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
    expect((await get(url, kangbao)).statusCode).toBe(403);
    expect((await get(url, haidian)).statusCode).toBe(404);
    const before = await auditCount('transfer.printed');
    const res = await get(url, tongzhou);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-pdf-pages']).toBe('3');
    expect(await auditCount('transfer.printed')).toBe(before + 1);
    if (!hasPoppler && !inCI) return;
    const pages = pdfPages(res.rawPayload).map((p) => p.replace(/\s+/g, ''));
    expect(pages).toHaveLength(3);
    ['存根', '介绍信', '回执'].forEach((part, i) => {
      expect(pages[i]).toContain(`中国共产党党员组织关系介绍信（${part}）`);
      expect(pages[i]).toContain(tr.letterNumber);
      expect(pages[i]).toContain(m.name);
    });
    expect(pages[1]).toContain('中共康保县委组织部');
    expect(pages[1]).toContain(`党费已交到${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月`);
  });

  it('exports the ledger, audited', async () => {
    const res = await get(`${URL}/export?direction=outgoing`, office);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await get(`${URL}/export`, auditor)).statusCode).toBe(403);
  });
});
