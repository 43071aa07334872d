/** The archive room: items (unique numbers, scope, filters, places), loans (one at a time, even at once), the overdue reminder. */
import { addDays, daysBetween, localIsoDate } from '@ningxin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { XLSX } from '../../../test/excel';
import { activeMembersIn, auditCount, orgByName } from '../../../test/factories';
import { committeeDay } from '../notices/anniversaries';

const API = '/api/v1/archives';

let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let member: string;
let tongzhouOrg: { id: number; path: string };
let haidianOrg: { id: number; path: string };
let tzMember: { id: number; name: string };
let hdMember: { id: number; name: string };

const today = localIsoDate(new Date());
const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
  t.request({ method, url: `${API}${url}`, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });

const itemBody = (extra: Record<string, unknown> = {}) => ({
  code: 'TZ-2021-ZZ-0001',
  title: '驻北京通州区流动党委2021年度工作总结',
  category: 'org',
  orgId: tongzhouOrg.id,
  year: 2021,
  retention: 'permanent',
  room: '二楼档案室',
  cabinet: 'T',
  shelf: '1',
  box: '01',
  pages: 24,
  ...extra,
});

async function createItem(cookie: string, extra: Record<string, unknown> = {}) {
  const res = await req('POST', '', cookie, itemBody(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; code: string };
}

const loanBody = (extra: Record<string, unknown> = {}) => ({
  borrowerName: '王建华',
  borrowerUnit: '市委组织部',
  purpose: '干部考察查阅',
  lentOn: today,
  dueOn: addDays(today, 30),
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, haidian, kangbao, member] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'kangbao', 'member'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  tongzhouOrg = await orgByName(t.store, '驻北京通州区流动党委');
  haidianOrg = await orgByName(t.store, '驻北京海淀区流动党委');
  tzMember = (await activeMembersIn(t, office, '驻北京通州区流动党委', 1))[0]!;
  hdMember = (await activeMembersIn(t, office, '驻北京海淀区流动党委', 1))[0]!;
});
afterAll(() => t.close());

describe('items', () => {
  it('401, 403 for those without archive rights, 400 naming every field at fault', async () => {
    expect((await req('GET', '')).statusCode).toBe(401);
    expect((await req('GET', '', kangbao)).statusCode).toBe(403);
    expect((await req('GET', '', member)).statusCode).toBe(403);
    expect((await req('POST', '', member, itemBody())).statusCode).toBe(403);
    expect(faultyFields(await req('POST', '', tongzhou, {}))).toEqual([
      'box',
      'cabinet',
      'category',
      'code',
      'orgId',
      'retention',
      'room',
      'shelf',
      'title',
      'year',
    ]);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ category: 'secret' }, ['category']],
      [{ retention: 'forever' }, ['retention']],
      [{ year: 1900 }, ['year']],
      [{ pages: 0 }, ['pages']],
      [{ orgId: haidianOrg.id }, ['orgId']],
      [{ memberId: hdMember.id }, ['memberId']],
      [{ code: '' }, ['code']],
    ];
    for (const [extra, fields] of cases) {
      const res = await req('POST', '', tongzhou, itemBody(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(faultyFields(res), JSON.stringify(extra)).toEqual(fields);
    }
    expect(faultyFields(await req('GET', '?year=abc&onLoan=maybe', tongzhou))).toEqual(['onLoan', 'year']);
  });

  it('registers, refuses a number already used (409), edits by version, and keeps to the subtree', async () => {
    const before = await auditCount(t.store, 'archive.item_created');
    const item = await createItem(tongzhou, { memberId: tzMember.id, category: 'member', title: '党员档案' });
    expect(await auditCount(t.store, 'archive.item_created')).toBe(before + 1);
    const shown = (await req('GET', `/${item.id}`, tongzhou)).json();
    expect(shown).toMatchObject({
      code: 'TZ-2021-ZZ-0001',
      categoryLabel: '党员档案',
      retentionLabel: '永久',
      org: { id: tongzhouOrg.id },
      member: { id: tzMember.id, name: tzMember.name },
      loan: null,
      policies: { edit: true, delete: true, lend: true },
    });
    const dup = await req('POST', '', office, itemBody({ title: '另一份' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ARCHIVE_CODE_TAKEN');
    expect(faultyFields(dup)).toEqual(['code']);

    // Outside the subtree it does not exist.
    expect((await req('GET', `/${item.id}`, haidian)).statusCode).toBe(404);
    expect((await req('PUT', `/${item.id}`, haidian, { ...itemBody(), version: 0 })).statusCode).toBe(404);
    expect((await req('DELETE', `/${item.id}`, haidian)).statusCode).toBe(404);

    const edited = await req('PUT', `/${item.id}`, tongzhou, {
      ...itemBody({ title: '改过的题名', shelf: '2' }),
      version: 0,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '改过的题名', shelf: '2', member: null, version: 1 });
    expect((await req('PUT', `/${item.id}`, tongzhou, { ...itemBody(), version: 0 })).statusCode).toBe(409);
    const other = await createItem(tongzhou, { code: 'TZ-2021-ZZ-0002' });
    const clash = await req('PUT', `/${other.id}`, tongzhou, { ...itemBody(), version: 0 });
    expect(clash.json().code).toBe('ARCHIVE_CODE_TAKEN');
    expect((await req('DELETE', `/${other.id}`, tongzhou)).statusCode).toBe(204);
    expect((await req('GET', `/${other.id}`, tongzhou)).statusCode).toBe(404);
  });

  it('lists with filters and search, in pages by number; places count items and loans; exports', async () => {
    await createItem(office, {
      code: 'HD-2019-HY-0001',
      title: '海淀2019年组织生活会会议记录',
      category: 'meeting',
      orgId: haidianOrg.id,
      year: 2019,
      retention: 'long',
      cabinet: 'H',
    });
    await createItem(office, {
      code: 'HD-2020-ZP-0001',
      title: '海淀2020年主题党日照片',
      category: 'photo',
      orgId: haidianOrg.id,
      year: 2020,
      retention: 'short',
      cabinet: 'H',
      shelf: '3',
    });
    const mine = (await req('GET', '', tongzhou)).json();
    expect(mine.items.map((i: { code: string }) => i.code)).toEqual(['TZ-2021-ZZ-0001']);
    const all = (await req('GET', '?limit=2', office)).json();
    expect(all.totals).toMatchObject({ count: 3, onLoan: 0, overdue: 0 });
    expect(all.items.map((i: { code: string }) => i.code)).toEqual(['HD-2019-HY-0001', 'HD-2020-ZP-0001']);
    const next = (await req('GET', `?limit=2&cursor=${all.nextCursor}`, office)).json();
    expect(next.items.map((i: { code: string }) => i.code)).toEqual(['TZ-2021-ZZ-0001']);
    expect(next.nextCursor).toBeNull();
    const codes = async (q: string) =>
      (await req('GET', q, office)).json().items.map((i: { code: string }) => i.code);
    expect(await codes('?category=photo')).toEqual(['HD-2020-ZP-0001']);
    expect(await codes('?year=2019')).toEqual(['HD-2019-HY-0001']);
    expect(await codes(`?q=${encodeURIComponent('主题党日')}`)).toEqual(['HD-2020-ZP-0001']);
    expect(await codes('?q=TZ-2021')).toEqual(['TZ-2021-ZZ-0001']);
    expect(await codes(`?q=${encodeURIComponent('100%')}`)).toEqual([]);
    expect(await codes('?cabinet=H&shelf=3')).toEqual(['HD-2020-ZP-0001']);
    expect(await codes(`?orgId=${tongzhouOrg.id}`)).toEqual(['TZ-2021-ZZ-0001']);

    const places = (await req('GET', '/places', office)).json();
    expect(places.rooms).toHaveLength(1);
    expect(places.rooms[0]).toMatchObject({ name: '二楼档案室', items: 3, onLoan: 0 });
    expect(places.rooms[0].cabinets.map((c: { name: string; items: number }) => [c.name, c.items])).toEqual([
      ['H', 2],
      ['T', 1],
    ]);
    expect(places.rooms[0].cabinets[0].shelves.map((s: { name: string }) => s.name)).toEqual(['1', '3']);
    expect((await req('GET', '/places', tongzhou)).json().rooms[0].items).toBe(1);
    expect((await req('GET', '/places', kangbao)).statusCode).toBe(403);

    const before = await auditCount(t.store, 'archive.exported');
    const file = await req('GET', '/export?category=meeting', office);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(XLSX);
    expect(await auditCount(t.store, 'archive.exported')).toBe(before + 1);
  });
});

describe('loans', () => {
  it('401, 403, 400 naming the fields; due before lent; unknown item 404', async () => {
    const item = await createItem(tongzhou, { code: 'TZ-LOAN-0000' });
    expect((await req('POST', `/${item.id}/loans`, undefined, loanBody())).statusCode).toBe(401);
    expect((await req('POST', `/${item.id}/loans`, member, loanBody())).statusCode).toBe(403);
    expect(faultyFields(await req('POST', `/${item.id}/loans`, tongzhou, {}))).toEqual([
      'borrowerName',
      'dueOn',
      'lentOn',
      'purpose',
    ]);
    const early = await req('POST', `/${item.id}/loans`, tongzhou, loanBody({ dueOn: addDays(today, -1) }));
    expect(early.statusCode).toBe(400);
    expect(faultyFields(early)).toEqual(['dueOn']);
    expect(
      faultyFields(await req('POST', `/${item.id}/loans`, tongzhou, loanBody({ lentOn: addDays(today, 1) }))),
    ).toEqual(['lentOn']);
    expect(
      faultyFields(await req('POST', `/${item.id}/loans`, tongzhou, loanBody({ borrowerUserId: 999999 }))),
    ).toEqual(['borrowerUserId']);
    expect((await req('POST', '/99999/loans', tongzhou, loanBody())).statusCode).toBe(404);
    expect((await req('POST', `/${item.id}/loans`, haidian, loanBody())).statusCode).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `${API}/loans?state=lost`, cookie: tongzhou })).statusCode,
    ).toBe(400);
  });

  it('lends an item once even when two lend it at the same moment', async () => {
    const item = await createItem(tongzhou, { code: 'TZ-LOAN-0001' });
    const results = await Promise.all([
      req('POST', `/${item.id}/loans`, tongzhou, loanBody({ borrowerName: '甲' })),
      req('POST', `/${item.id}/loans`, office, loanBody({ borrowerName: '乙' })),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(refused.json().code).toBe('ARCHIVE_ON_LOAN');
    const history = (await req('GET', `/${item.id}/loans`, tongzhou)).json();
    expect(history.items).toHaveLength(1);
    expect(await auditCount(t.store, 'archive.lent', item.id)).toBe(1);
  });

  it('shows the item out, refuses to delete it, takes it back once, then lends again', async () => {
    const item = await createItem(tongzhou, { code: 'TZ-LOAN-0002' });
    const lent = await req('POST', `/${item.id}/loans`, tongzhou, loanBody());
    expect(lent.statusCode, lent.body).toBe(201);
    const loan = lent.json();
    expect(loan).toMatchObject({
      item: { id: item.id, code: 'TZ-LOAN-0002' },
      overdue: false,
      returnedOn: null,
      canReturn: true,
    });
    const shown = (await req('GET', `/${item.id}`, tongzhou)).json();
    expect(shown.loan).toMatchObject({ id: loan.id, borrowerName: '王建华', overdue: false });
    expect(shown.policies).toEqual({ edit: true, delete: false, lend: false });
    expect(
      (await req('GET', '?onLoan=true', tongzhou)).json().items.map((i: { code: string }) => i.code),
    ).toContain('TZ-LOAN-0002');
    const del = await req('DELETE', `/${item.id}`, tongzhou);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('ARCHIVE_ON_LOAN');
    expect((await req('POST', `/${item.id}/loans`, tongzhou, loanBody())).json().code).toBe(
      'ARCHIVE_ON_LOAN',
    );

    const back = (body: object, cookie = tongzhou) =>
      t.request({ method: 'POST', url: `${API}/loans/${loan.id}/return`, cookie, payload: body });
    expect((await back({ returnedOn: today }, member)).statusCode).toBe(403);
    expect((await back({ returnedOn: today }, haidian)).statusCode).toBe(404);
    expect(faultyFields(await back({}))).toEqual(['returnedOn']);
    const returned = await back({ returnedOn: today });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ returnedOn: today, canReturn: false });
    expect((await back({ returnedOn: today })).json().code).toBe('ARCHIVE_LOAN_RETURNED');
    expect(
      (await req('POST', `/${item.id}/loans`, office, loanBody({ borrowerName: '再借' }))).statusCode,
    ).toBe(201);
    const history = (await req('GET', `/${item.id}/loans`, tongzhou)).json().items;
    expect(history.map((l: { borrowerName: string }) => l.borrowerName)).toEqual(['再借', '王建华']);
  });

  it('lists loans out and overdue; the daily reminder tells the keepers once a day', async () => {
    const item = await createItem(tongzhou, { code: 'TZ-LOAN-0003', title: '逾期未还的档案' });
    const lent = await req(
      'POST',
      `/${item.id}/loans`,
      tongzhou,
      loanBody({ lentOn: addDays(today, -45), dueOn: addDays(today, -15) }),
    );
    expect(lent.statusCode, lent.body).toBe(201);
    // Overdue by the committee's calendar (Asia/Shanghai).
    expect(lent.json()).toMatchObject({
      overdue: true,
      daysOverdue: daysBetween(addDays(today, -15), committeeDay(new Date())),
    });
    const loans = (state: string, cookie = tongzhou) =>
      t.request({ method: 'GET', url: `${API}/loans?state=${state}`, cookie }).then((r) => r.json());
    const overdue = await loans('overdue');
    expect(overdue.items.map((l: { item: { code: string } }) => l.item.code)).toEqual(['TZ-LOAN-0003']);
    expect((await loans('out')).items[0].item.code).toBe('TZ-LOAN-0003');
    expect((await loans('overdue', haidian)).items).toEqual([]);
    expect((await req('GET', '?overdue=true', office)).json().totals.overdue).toBe(1);

    const sent = await t.services.archives.loans.remindOverdue();
    expect(sent).toBeGreaterThan(0);
    expect(await t.services.archives.loans.remindOverdue()).toBe(0);
    const inbox = async (cookie: string) =>
      (await t.request({ method: 'GET', url: '/api/v1/inbox', cookie }))
        .json()
        .items.map((i: { title: string }) => i.title);
    expect((await inbox(tongzhou)).some((title: string) => title.includes('TZ-LOAN-0003'))).toBe(true);
    expect((await inbox(office)).some((title: string) => title.includes('TZ-LOAN-0003'))).toBe(true);
    expect((await inbox(haidian)).some((title: string) => title.includes('TZ-LOAN-0003'))).toBe(false);

    // The keepers' workbench counts it; others have no such to-do.
    const todo = async (cookie: string) =>
      (
        (await t.request({ method: 'GET', url: '/api/v1/workbench', cookie })).json().todos as {
          key: string;
          count: number;
        }[]
      ).find((x) => x.key === 'archives.overdue');
    expect((await todo(tongzhou))?.count).toBe(1);
    expect((await todo(office))?.count).toBe(1);
    expect(await todo(haidian)).toBeUndefined();
    expect(await todo(kangbao)).toBeUndefined();
  });
});

describe('the tree moves', () => {
  it('an item follows its org to another committee, and so does who keeps it', async () => {
    const made = await t.request({
      method: 'POST',
      url: '/api/v1/orgs',
      cookie: office,
      payload: { parentId: tongzhouOrg.id, name: '档案迁移测试流动党支部', kind: 'branch' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const branch = made.json() as { id: number; version: number };
    const item = await createItem(tongzhou, { code: 'TZ-MOVE-0001', orgId: branch.id });
    const moved = await t.request({
      method: 'POST',
      url: `/api/v1/orgs/${branch.id}/move`,
      cookie: office,
      payload: { parentId: haidianOrg.id, version: branch.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await req('GET', `/${item.id}`, haidian)).statusCode).toBe(200);
    expect((await req('GET', `/${item.id}`, tongzhou)).statusCode).toBe(404);
  });
});
