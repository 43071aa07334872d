/** Care and honours: visits, hardship help, honours, Party anniversaries and a member's own view. */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../test/app';
import { auditCount } from '../../../test/factories';
import { jpeg, uploadFile } from '../../../test/files';
import { anniversaryCases } from './birthdays/birthdays.cases';
import {
  auditor,
  haidian,
  hdMember,
  KANGBAO,
  kangbao,
  ledger,
  member,
  office,
  req,
  t,
  tongzhou,
  tongzhouOrg,
  tzKangbao,
  tzOther,
  useCareApp,
  visitBody,
} from './care.fixture';
import { honourCases } from './honours/honours.cases';

// One app for the whole file (each file builds its own on each store): the honours and the
// anniversaries are kept in their folders and run here, after the visits and the help.
useCareApp();

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
    // Another committee neither reads nor removes it.
    expect((await req('GET', `/care/help/${money.json().id}`, tongzhou)).statusCode).toBe(200);
    expect((await req('GET', `/care/help/${money.json().id}`, haidian)).statusCode).toBe(404);
    expect((await req('DELETE', `/care/help/${money.json().id}`, haidian)).statusCode).toBe(404);
    const stale = await req('PUT', `/care/help/${money.json().id}`, tongzhou, helpBody({ version: 5 }));
    expect(stale.statusCode).toBe(409);
    expect((await req('DELETE', `/care/help/${service.json().id}`, tongzhou)).statusCode).toBe(204);
    expect((await ledger(tzOther.id, 'care')).map((e) => e.source_id)).not.toContain(
      `help:${service.json().id}`,
    );
  });
});

honourCases();
anniversaryCases();
