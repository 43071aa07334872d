/** Care and honours: visits, hardship help, honours, Party anniversaries and a member's own view. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { auditCount, orgByName } from '../../../test/factories';
import { jpeg, uploadFile } from '../../../test/files';
import { queryRows } from '../../db/client';
import { committeeDay } from '../notices/anniversaries';

let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let auditor: string;
let member: string;
let tongzhouOrg: { id: number; path: string };
let haidianOrg: { id: number; path: string };
/** Members under 通州: one whose home is 康保 (the home viewer kangbao sees it), one from elsewhere. */
let tzKangbao: { id: number; name: string; joined_at: string };
let tzOther: { id: number; name: string; joined_at: string };
let hdMember: { id: number; name: string; joined_at: string };
let me: { id: number; name: string };

const KANGBAO = '130723';

async function memberWhere(path: string, home: string | null, notHome: string | null, not = 0) {
  const [row] = await queryRows<{ id: number; name: string; joined_at: string }>(
    t.store.db,
    sql`select id, name, joined_at::text from members
      where (org_path = ${path} or org_path like ${`${path}.%`}) and status = 'active'
        and (${home}::text is null or home_county = ${home})
        and (${notHome}::text is null or home_county <> ${notHome}) and id <> ${not}
      order by id limit 1`,
  );
  if (!row) throw new Error('no member');
  return row;
}

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, haidian, kangbao, auditor, member] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'kangbao', 'auditor', 'member'].map((u) => t.login(u)),
  )) as [string, string, string, string, string, string];
  tongzhouOrg = await orgByName(t.store, '驻北京通州区流动党委');
  haidianOrg = await orgByName(t.store, '驻北京海淀区流动党委');
  me = (await t.request({ method: 'GET', url: '/api/v1/me/member', cookie: member })).json();
  tzKangbao = await memberWhere(tongzhouOrg.path, KANGBAO, null, me.id);
  tzOther = await memberWhere(tongzhouOrg.path, null, KANGBAO, me.id);
  hdMember = await memberWhere(haidianOrg.path, null, KANGBAO);
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
  t.request({ method, url: `/api/v1${url}`, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });

const ledger = (memberId: number, kind: string) =>
  queryRows<{ source_id: string; title: string; occurred_on: string; quantity: string }>(
    t.store.db,
    sql`select source_id, title, occurred_on::text, quantity::text from member_activity
      where member_id = ${memberId} and source_module = 'care' and kind = ${kind} order by source_id`,
  );

const visitBody = (extra: Record<string, unknown> = {}) => ({
  memberId: tzKangbao.id,
  reason: 'holiday',
  holiday: '春节',
  visitedOn: '2026-02-10',
  visitors: '通州流动党委书记 王某、李某',
  giftYuan: '500.00',
  ...extra,
});

describe('who may reach the routes', () => {
  it('401 without a session, 403 for roles without care, 403 for a reader writing', async () => {
    for (const url of ['/care/visits', '/care/help', '/honours', '/honours/wall', '/care/birthdays'])
      expect((await req('GET', url)).statusCode, url).toBe(401);
    expect((await req('GET', '/care/mine')).statusCode).toBe(401);
    for (const url of ['/care/visits', '/care/help', '/honours', '/care/birthdays']) {
      expect((await req('GET', url, member)).statusCode, url).toBe(403);
      expect((await req('GET', url, auditor)).statusCode, url).toBe(403);
    }
    expect((await req('POST', '/care/visits', kangbao, visitBody())).statusCode).toBe(403);
    expect((await req('POST', '/care/help', member, {})).statusCode).toBe(403);
    expect((await req('GET', `/care/birthdays/${tzKangbao.id}/card.pdf`, kangbao)).statusCode).toBe(403);
    expect((await req('GET', '/care/mine', office)).statusCode).toBe(403);
  });

  it('400 naming the fields', async () => {
    expect(faultyFields(await req('POST', '/care/visits', tongzhou, {}))).toEqual([
      'memberId',
      'reason',
      'visitedOn',
      'visitors',
    ]);
    expect(faultyFields(await req('POST', '/care/help', tongzhou, {}))).toEqual([
      'givenOn',
      'kind',
      'memberId',
      'reason',
    ]);
    expect(faultyFields(await req('POST', '/honours', tongzhou, {}))).toEqual([
      'awardedOn',
      'issuer',
      'kind',
      'level',
      'title',
    ]);
    expect(faultyFields(await req('GET', '/care/visits?reason=party&year=1999', tongzhou))).toEqual([
      'reason',
      'year',
    ]);
    expect(faultyFields(await req('GET', '/care/birthdays?days=40&from=2026-02-30', tongzhou))).toEqual([
      'days',
      'from',
    ]);
  });
});

describe('visits (走访慰问)', () => {
  it('checks the member, the holiday and the amount', async () => {
    const before = await auditCount(t.store, 'care.visit_created');
    const cases: [Record<string, unknown>, string[]][] = [
      [{ holiday: null }, ['holiday']],
      [{ reason: 'illness' }, ['holiday']],
      [{ giftYuan: 500 }, ['giftYuan']],
      [{ giftYuan: '1.234' }, ['giftYuan']],
      [{ memberId: hdMember.id }, ['memberId']],
      [{ memberId: 99_999_999 }, ['memberId']],
      [{ visitedOn: '2099-01-01' }, ['visitedOn']],
      [{ visitors: '' }, ['visitors']],
    ];
    for (const [extra, fields] of cases) {
      const res = await req('POST', '/care/visits', tongzhou, visitBody(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(faultyFields(res), JSON.stringify(extra)).toEqual(fields);
    }
    expect(await auditCount(t.store, 'care.visit_created')).toBe(before);
  });

  it('records a holiday visit in the list, the totals and the member timeline; edits and deletes it', async () => {
    const created = await req('POST', '/care/visits', tongzhou, visitBody());
    expect(created.statusCode, created.body).toBe(201);
    const v = created.json();
    expect(v).toMatchObject({
      member: { id: tzKangbao.id, name: tzKangbao.name },
      reason: 'holiday',
      reasonLabel: '节日慰问',
      holiday: '春节',
      giftFen: 50_000,
      policies: { edit: true, delete: true },
    });
    expect(await ledger(tzKangbao.id, 'care')).toEqual([
      { source_id: `visit:${v.id}`, title: '春节走访慰问', occurred_on: '2026-02-10', quantity: '1.00' },
    ]);
    const timeline = await req('GET', `/members/${tzKangbao.id}/activity?year=2026`, tongzhou);
    expect(timeline.json().items.map((e: { title: string }) => e.title)).toContain('春节走访慰问');

    await req(
      'POST',
      '/care/visits',
      tongzhou,
      visitBody({ memberId: tzOther.id, reason: 'illness', holiday: null, giftYuan: undefined }),
    );
    const list = await req('GET', `/care/visits?year=2026&orgId=${tongzhouOrg.id}`, tongzhou);
    expect(list.json().totals).toEqual({ count: 2, giftFen: 50_000 });
    const holidays = await req('GET', '/care/visits?reason=holiday', tongzhou);
    expect(holidays.json().items.map((i: { id: number }) => i.id)).toEqual([v.id]);
    expect((await req('GET', '/care/visits?year=2025', tongzhou)).json().totals.count).toBe(0);

    // Scope: the other committee sees none and gets 404; the home viewer sees its county's member only.
    expect((await req('GET', '/care/visits', haidian)).json().totals.count).toBe(0);
    expect((await req('GET', `/care/visits/${v.id}`, haidian)).statusCode).toBe(404);
    expect((await req('DELETE', `/care/visits/${v.id}`, haidian)).statusCode).toBe(404);
    const home = (await req('GET', '/care/visits', kangbao)).json();
    expect(home.items.map((i: { member: { id: number } }) => i.member.id)).toEqual([tzKangbao.id]);
    expect(home.items[0].policies).toEqual({ edit: false, delete: false });
    expect((await req('GET', '/care/visits', office)).json().totals.count).toBe(2);

    // Edit: the version is checked; the ledger follows.
    const changed = await req(
      'PUT',
      `/care/visits/${v.id}`,
      tongzhou,
      visitBody({ holiday: '中秋', visitedOn: '2026-09-20', version: v.version }),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(
      (await req('PUT', `/care/visits/${v.id}`, tongzhou, visitBody({ version: v.version }))).statusCode,
    ).toBe(409);
    expect(await ledger(tzKangbao.id, 'care')).toMatchObject([
      { title: '中秋走访慰问', occurred_on: '2026-09-20' },
    ]);

    // Photos: the write scope uploads.
    const photo = await uploadFile(
      t,
      tongzhou,
      { ownerType: 'care_visit', ownerId: String(v.id), purpose: 'photo' },
      { name: 'visit.jpg', data: jpeg(), type: 'image/jpeg' },
    );
    expect(photo.statusCode, photo.body).toBe(201);
    const refused = await uploadFile(
      t,
      haidian,
      { ownerType: 'care_visit', ownerId: String(v.id), purpose: 'photo' },
      { name: 'visit.jpg', data: jpeg(), type: 'image/jpeg' },
    );
    expect(refused.statusCode).toBe(404);

    const removed = await req('DELETE', `/care/visits/${v.id}`, tongzhou);
    expect(removed.statusCode).toBe(204);
    expect(await ledger(tzKangbao.id, 'care')).toEqual([]);
    expect(await auditCount(t.store, 'care.visit_deleted', v.id)).toBe(1);
  });

  it('exports the list as .xlsx, audited', async () => {
    const before = await auditCount(t.store, 'care.exported');
    const res = await req('GET', '/care/visits/export?year=2026', tongzhou);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(await auditCount(t.store, 'care.exported')).toBe(before + 1);
    expect((await req('GET', '/care/help/export', tongzhou)).statusCode).toBe(200);
    expect((await req('GET', '/honours/export', kangbao)).statusCode).toBe(200);
    expect((await req('GET', '/honours/export', member)).statusCode).toBe(403);
  });
});

describe('the yearly feedback to the home county', () => {
  it('counts the visits and help a member received', async () => {
    const figures = async () => {
      const res = await req('GET', `/feedback?year=2026&county=${KANGBAO}&limit=200`, kangbao);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.find((i: { member: { id: number } }) => i.member.id === tzKangbao.id)?.figures;
    };
    const before = (await figures())?.care ?? 0;
    await req('POST', '/care/visits', tongzhou, visitBody({ visitedOn: '2026-01-20' }));
    await req('POST', '/care/help', tongzhou, {
      memberId: tzKangbao.id,
      kind: 'goods',
      amountYuan: '800',
      givenOn: '2026-01-21',
      reason: '冬季取暖物资',
    });
    expect((await figures())?.care).toBe(before + 2);
  });
});

describe('hardship help (困难帮扶)', () => {
  const helpBody = (extra: Record<string, unknown> = {}) => ({
    memberId: tzOther.id,
    kind: 'money',
    amountYuan: '2000',
    givenOn: '2026-03-05',
    reason: '家属重病住院，生活困难',
    ...extra,
  });

  it('money and goods carry an amount, a service none; the ledger has each one', async () => {
    expect(
      faultyFields(await req('POST', '/care/help', tongzhou, helpBody({ amountYuan: undefined }))),
    ).toEqual(['amountYuan']);
    expect(
      faultyFields(await req('POST', '/care/help', tongzhou, helpBody({ kind: 'goods', amountYuan: '0' }))),
    ).toEqual(['amountYuan']);
    expect(faultyFields(await req('POST', '/care/help', tongzhou, helpBody({ kind: 'service' })))).toEqual([
      'amountYuan',
    ]);
    expect(faultyFields(await req('POST', '/care/help', haidian, helpBody()))).toEqual(['memberId']);
    const money = await req('POST', '/care/help', tongzhou, helpBody());
    expect(money.statusCode, money.body).toBe(201);
    expect(money.json()).toMatchObject({ kind: 'money', kindLabel: '资金', amountFen: 200_000 });
    const service = await req(
      'POST',
      '/care/help',
      tongzhou,
      helpBody({ kind: 'service', amountYuan: undefined, reason: '协助子女入学' }),
    );
    expect(service.statusCode, service.body).toBe(201);
    expect(await ledger(tzOther.id, 'care')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source_id: `help:${money.json().id}`,
          title: '困难帮扶（资金）：家属重病住院，生活困难',
        }),
        expect.objectContaining({
          source_id: `help:${service.json().id}`,
          title: '困难帮扶（帮办服务）：协助子女入学',
        }),
      ]),
    );
    const list = (await req('GET', `/care/help?year=2026&memberId=${tzOther.id}`, tongzhou)).json();
    expect(list.totals).toEqual({ count: 2, amountFen: 200_000 });
    expect((await req('GET', '/care/help?kind=service', tongzhou)).json().totals.count).toBe(1);
    const home = (await req('GET', '/care/help', kangbao)).json();
    expect(home.items.map((i: { member: { id: number } }) => i.member.id)).not.toContain(tzOther.id);
    const stale = await req('PUT', `/care/help/${money.json().id}`, tongzhou, helpBody({ version: 5 }));
    expect(stale.statusCode).toBe(409);
    expect((await req('DELETE', `/care/help/${service.json().id}`, tongzhou)).statusCode).toBe(204);
    expect((await ledger(tzOther.id, 'care')).map((e) => e.source_id)).not.toContain(
      `help:${service.json().id}`,
    );
  });
});

describe('honours (表彰)', () => {
  const honourBody = (extra: Record<string, unknown> = {}) => ({
    kind: 'individual',
    level: 'city',
    title: '优秀共产党员',
    issuer: '中共张家口市委',
    awardedOn: '2026-06-28',
    memberId: tzKangbao.id,
    ...extra,
  });

  it('the recipient must agree with the kind and lie in the write scope', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ memberId: null }, ['memberId']],
      [{ recipientOrgId: tongzhouOrg.id }, ['recipientOrgId']],
      [{ kind: 'collective' }, ['memberId']],
      [{ kind: 'collective', memberId: null }, ['recipientOrgId']],
      [{ kind: 'collective', memberId: null, recipientName: '平安守望志愿服务队' }, ['orgId']],
      [{ kind: 'collective', memberId: null, recipientOrgId: haidianOrg.id }, ['recipientOrgId']],
      [{ level: 'town' }, ['level']],
    ];
    for (const [extra, fields] of cases) {
      const res = await req('POST', '/honours', tongzhou, honourBody(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(faultyFields(res), JSON.stringify(extra)).toEqual(fields);
    }
  });

  it('an individual honour is in the ledger; the wall puts collective honours first, by level', async () => {
    const person = await req('POST', '/honours', tongzhou, honourBody());
    expect(person.statusCode, person.body).toBe(201);
    expect(person.json()).toMatchObject({ kindLabel: '个人', levelLabel: '市级', recipient: tzKangbao.name });
    expect(await ledger(tzKangbao.id, 'honour')).toEqual([
      expect.objectContaining({
        source_id: `honour:${person.json().id}`,
        title: '优秀共产党员（中共张家口市委）',
      }),
    ]);
    const org = await req(
      'POST',
      '/honours',
      tongzhou,
      honourBody({
        kind: 'collective',
        memberId: null,
        recipientOrgId: tongzhouOrg.id,
        level: 'provincial',
        title: '先进基层党组织',
        issuer: '中共河北省委',
      }),
    );
    expect(org.statusCode, org.body).toBe(201);
    expect(org.json()).toMatchObject({ recipient: '驻北京通州区流动党委', org: { id: tongzhouOrg.id } });
    const group = await req(
      'POST',
      '/honours',
      office,
      honourBody({
        kind: 'collective',
        memberId: null,
        recipientName: '平安守望志愿服务队',
        orgId: tongzhouOrg.id,
        level: 'county',
        title: '优秀志愿服务集体',
        issuer: '通州区委',
      }),
    );
    expect(group.statusCode, group.body).toBe(201);
    const national = await req(
      'POST',
      '/honours',
      office,
      honourBody({
        kind: 'collective',
        memberId: null,
        recipientOrgId: haidianOrg.id,
        level: 'national',
        title: '全国先进基层党组织',
        issuer: '中共中央',
        awardedOn: '2021-06-28',
      }),
    );
    expect(national.statusCode, national.body).toBe(201);

    const wall = (await req('GET', '/honours/wall', tongzhou)).json();
    expect(wall.collective.map((h: { title: string }) => h.title)).toEqual([
      '先进基层党组织',
      '优秀志愿服务集体',
    ]);
    expect(wall.individual.map((h: { title: string }) => h.title)).toEqual(['优秀共产党员']);
    const officeWall = (await req('GET', '/honours/wall', office)).json();
    expect(officeWall.collective.map((h: { levelLabel: string }) => h.levelLabel)).toEqual([
      '国家级',
      '省级',
      '区县级',
    ]);
    // The home viewer sees its county's members' honours, not the orgs'.
    const home = (await req('GET', '/honours/wall', kangbao)).json();
    expect(home).toMatchObject({ collective: [], individual: [{ id: person.json().id }] });

    expect((await req('GET', '/honours?kind=collective&year=2026', tongzhou)).json().totals.count).toBe(2);
    expect((await req('GET', '/honours?level=national', tongzhou)).json().totals.count).toBe(0);
    expect((await req('GET', `/honours/${national.json().id}`, tongzhou)).statusCode).toBe(404);
    const upd = await req(
      'PUT',
      `/honours/${person.json().id}`,
      tongzhou,
      honourBody({ title: '优秀党务工作者', version: 0 }),
    );
    expect(upd.statusCode, upd.body).toBe(200);
    expect(await ledger(tzKangbao.id, 'honour')).toMatchObject([
      { title: '优秀党务工作者（中共张家口市委）' },
    ]);
    expect((await req('DELETE', `/honours/${person.json().id}`, tongzhou)).statusCode).toBe(204);
    expect(await ledger(tzKangbao.id, 'honour')).toEqual([]);
  });
});

describe('Party anniversaries (政治生日) and the member', () => {
  it('lists the members whose anniversary falls in the window, with the years, in scope', async () => {
    const on = `2026-${tzOther.joined_at.slice(5)}`;
    const years = 2026 - Number(tzOther.joined_at.slice(0, 4));
    const res = await req('GET', `/care/birthdays?from=${on}&days=1`, tongzhou);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toContainEqual(
      expect.objectContaining({
        member: { id: tzOther.id, name: tzOther.name },
        on,
        years,
        joinedAt: tzOther.joined_at,
      }),
    );
    const other = (await req('GET', `/care/birthdays?from=${on}&days=1`, haidian)).json();
    expect(other.items.map((i: { member: { id: number } }) => i.member.id)).not.toContain(tzOther.id);
    const week = (await req('GET', '/care/birthdays', tongzhou)).json();
    expect(week.from).toBe(committeeDay(new Date()));
    const todo = (await req('GET', '/workbench', tongzhou)).json().todos;
    const count = todo.find((x: { key: string }) => x.key === 'care.anniversaries')?.count ?? 0;
    expect(count).toBe(week.items.length);
  });

  it('prints a birthday card for a member in scope, audited; 404 outside', async () => {
    const before = await auditCount(t.store, 'care.birthday_card_printed', tzOther.id);
    const res = await req('GET', `/care/birthdays/${tzOther.id}/card.pdf`, tongzhou);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await auditCount(t.store, 'care.birthday_card_printed', tzOther.id)).toBe(before + 1);
    expect((await req('GET', `/care/birthdays/${tzOther.id}/card.pdf`, haidian)).statusCode).toBe(404);
  });

  it('a member sees their own visits, help, honours and next anniversary', async () => {
    const v = await req(
      'POST',
      '/care/visits',
      tongzhou,
      visitBody({ memberId: me.id, reason: 'anniversary', holiday: null }),
    );
    expect(v.statusCode, v.body).toBe(201);
    await req('POST', '/honours', tongzhou, {
      kind: 'individual',
      level: 'committee',
      title: '优秀共产党员',
      issuer: '中共张家口市驻京流动党员联合委员会',
      awardedOn: '2026-07-01',
      memberId: me.id,
    });
    const mine = await req('GET', '/care/mine', member);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({
      visits: [{ id: v.json().id, title: '政治生日走访', visitedOn: '2026-02-10' }],
      honours: [{ title: '优秀共产党员', levelLabel: '流动党委' }],
      help: [],
    });
    const next = mine.json().nextBirthday;
    expect(next.on >= committeeDay(new Date())).toBe(true);
    expect(next.on.slice(5) === next.joinedAt.slice(5) || next.on.slice(5) === '02-28').toBe(true);
  });
});
