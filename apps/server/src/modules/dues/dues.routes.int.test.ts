/**
 * Party dues on a real store: the calculator, bases, the monthly ledgers, payments and their
 * reversal, arrears and reminders, reliefs through review and approval, a member's own dues.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { loadXlsx, sheetRows, XLSX } from '../../../test/excel';
import { auditCount, createUser } from '../../../test/factories';
import { queryRows } from '../../db/client';
import { committeeDate } from './dues.access';

const API = '/api/v1/dues';
let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let member: string;
/** A 通州 branch holding the demo member, its members, and a 海淀 member. */
let branch: { id: number; path: string; name: string };
let people: { id: number; name: string }[];
let demoMemberId: number;
let haidianMemberId: number;
let haidianBranchId: number;
let branchSecretary: string;

const today = committeeDate(new Date());
const thisMonth = today.slice(0, 7);
const year = Number(today.slice(0, 4));
const monthsSoFar = Number(thisMonth.slice(5, 7));
const mm = (n: number) => `${year}-${String(n).padStart(2, '0')}`;

const req = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
  t.request({ method, url: `${API}${url}`, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });

const ledgerOf = (memberId: number) =>
  queryRows<{ source_id: string; quantity: string; title: string }>(
    t.store.db,
    sql`select source_id, quantity::text, title from member_activity
      where member_id = ${memberId} and source_module = 'dues' order by source_id`,
  );

async function declare(memberId: number, extra: Record<string, unknown> = {}) {
  const res = await req('POST', '/bases', tongzhou, {
    memberId,
    year,
    category: 'salaried',
    incomeYuan: '3000.01',
    declaredOn: `${year}-01-05` > today ? today : `${year}-01-05`,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, haidian, kangbao, member] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'kangbao', 'member'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  const [demo] = await queryRows<{ member_id: number; org_id: number }>(
    t.store.db,
    sql`select u.member_id, m.org_id from users u join members m on m.id = u.member_id where u.username = 'member'`,
  );
  demoMemberId = demo!.member_id;
  // The branch above the demo member's org (the member may sit in a group of it).
  const [b] = await queryRows<{ id: number; path: string; name: string }>(
    t.store.db,
    sql`select o.id, o.path, o.name from orgs o, orgs mine where mine.id = ${demo!.org_id}
      and o.kind = 'branch' and (mine.path = o.path or mine.path like o.path || '.%')`,
  );
  branch = b!;
  people = await queryRows<{ id: number; name: string }>(
    t.store.db,
    sql`select id, name from members where status = 'active' and id <> ${demoMemberId}
      and (org_path = ${branch.path} or org_path like ${`${branch.path}.%`})
      and joined_at < ${`${year}-01-01`} order by id limit 4`,
  );
  const [hd] = await queryRows<{ id: number; branch_id: number }>(
    t.store.db,
    sql`select m.id, o.id as branch_id from members m join orgs c on c.name = '驻北京海淀区流动党委'
      join orgs o on o.kind = 'branch' and m.org_path like o.path || '%' and o.path like c.path || '.%'
      where m.status = 'active' order by m.id limit 1`,
  );
  haidianMemberId = hd!.id;
  haidianBranchId = hd!.branch_id;
  const sec = await createUser(t.store, { role: 'secretary', scopeKind: 'org', orgId: branch.id });
  branchSecretary = await t.login(sec.username, sec.password);
});
afterAll(() => t.close());

describe('GET /dues/calculate', () => {
  it('401, 403, and 400 naming base', async () => {
    expect((await req('GET', '/calculate?class=employee&base=3000')).statusCode).toBe(401);
    expect((await req('GET', '/calculate?class=employee&base=3000', member)).statusCode).toBe(403);
    expect((await req('GET', '/calculate?class=employee&base=3000', kangbao)).statusCode).toBe(403);
    for (const q of [
      'class=employee&base=3000.001',
      'class=employee&base=abc',
      'class=retiree',
      'class=employee&base=-1',
    ]) {
      const res = await req('GET', `/calculate?${q}`, tongzhou);
      expect(res.statusCode, q).toBe(400);
      expect(faultyFields(res), q).toEqual(['base']);
    }
    expect(faultyFields(await req('GET', '/calculate?class=boss&base=1', tongzhou))).toEqual(['class']);
  });

  it('answers exactly the rate and the amount in fen, at the boundaries', async () => {
    const ask = async (q: string) => (await req('GET', `/calculate?${q}`, tongzhou)).body;
    expect(await ask('base=3000&class=employee')).toBe('{"rate":0.005,"amountFen":1500}');
    expect(await ask('base=3000.01&class=employee')).toBe('{"rate":0.01,"amountFen":3000}');
    expect(await ask('base=10000.01&class=employee')).toBe('{"rate":0.02,"amountFen":20000}');
    expect(await ask('base=5000.01&class=retiree')).toBe('{"rate":0.01,"amountFen":5000}');
    expect(await ask('class=student')).toBe('{"rate":null,"amountFen":20}');
    expect(await ask('base=9000&class=minimum_support')).toBe('{"rate":null,"amountFen":20}');
    expect(await ask('base=3000&class=employee')).toBe(
      await req('GET', '/calculate?base=3000&class=employee', office).then((r) => r.body),
    );
  });
});

describe('bases', () => {
  it('401, 403, 400; declares by the rules in force, once a year; another subtree is out of reach', async () => {
    expect((await req('POST', '/bases', undefined, {})).statusCode).toBe(401);
    expect((await req('POST', '/bases', kangbao, {})).statusCode).toBe(403);
    expect((await req('GET', `/bases?year=${year}`, member)).statusCode).toBe(403);
    expect(faultyFields(await req('POST', '/bases', tongzhou, {}))).toEqual([
      'category',
      'declaredOn',
      'memberId',
      'year',
    ]);
    const p = people[0]!;
    const bad: [Record<string, unknown>, string[]][] = [
      [{ incomeYuan: undefined }, ['incomeYuan']],
      [{ category: 'farmer' }, ['incomeYuan']],
      [{ incomeYuan: '12.345' }, ['incomeYuan']],
      [{ fromMonth: `${year - 1}-12` }, ['fromMonth']],
      [{ memberId: haidianMemberId }, ['memberId']],
    ];
    for (const [extra, fields] of bad) {
      const res = await req('POST', '/bases', tongzhou, {
        memberId: p.id,
        year,
        category: 'salaried',
        incomeYuan: '5000',
        declaredOn: today,
        ...extra,
      });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(faultyFields(res), JSON.stringify(extra)).toEqual(fields);
    }
    const base = await declare(p.id);
    expect(base).toMatchObject({
      incomeFen: 300_001,
      rateBp: 100,
      monthlyFen: 3000,
      fromMonth: `${year}-01`,
      category: 'salaried',
    });
    expect(typeof base.rulesVersion).toBe('number');
    const again = await req('POST', '/bases', tongzhou, {
      memberId: p.id,
      year,
      category: 'farmer',
      declaredOn: today,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DUES_BASE_EXISTS');
    expect(await auditCount(t.store, 'dues.base_created', base.id)).toBe(1);

    const changed = await req('PUT', `/bases/${base.id}`, tongzhou, {
      category: 'retired',
      incomeYuan: '5000',
      declaredOn: today,
      version: base.version,
    });
    expect(changed.json()).toMatchObject({ monthlyFen: 2500, rateBp: 50, version: base.version + 1 });
    expect(
      (
        await req('PUT', `/bases/${base.id}`, tongzhou, {
          category: 'farmer',
          declaredOn: today,
          version: base.version,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await req('PUT', `/bases/${base.id}`, haidian, { category: 'farmer', declaredOn: today, version: 1 }))
        .statusCode,
    ).toBe(404);
    expect((await req('GET', `/bases/${base.id}`, haidian)).statusCode).toBe(404);
    // Back to a salaried 3,000.01 yuan, as the rest of the file expects.
    await req('PUT', `/bases/${base.id}`, tongzhou, {
      category: 'salaried',
      incomeYuan: '3000.01',
      declaredOn: today,
      version: base.version + 1,
    });
  });

  it('lists the branch with the members lacking a base', async () => {
    const res = await req('GET', `/bases?year=${year}&orgId=${branch.id}&limit=500`, tongzhou);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.find((i: { memberId: number }) => i.memberId === people[0]!.id).base.monthlyFen).toBe(
      3000,
    );
    const missing = (
      await req('GET', `/bases?year=${year}&orgId=${branch.id}&missing=true&limit=500`, tongzhou)
    ).json();
    expect(missing.items.some((i: { memberId: number }) => i.memberId === people[0]!.id)).toBe(false);
    expect(missing.totals.missing).toBe(body.totals.missing);
    expect(body.totals.members - body.totals.missing).toBeGreaterThanOrEqual(1);
    // 海淀's secretary sees none of 通州's members.
    expect((await req('GET', `/bases?year=${year}&orgId=${branch.id}`, haidian)).json().totals.members).toBe(
      0,
    );
  });
});

describe('months, payments and arrears', () => {
  let monthId: number;

  it('opens a month once per branch; only a branch in the write scope', async () => {
    expect((await req('POST', '/months', undefined, {})).statusCode).toBe(401);
    expect((await req('POST', '/months', kangbao, { orgId: branch.id, month: thisMonth })).statusCode).toBe(
      403,
    );
    expect(
      faultyFields(await req('POST', '/months', tongzhou, { orgId: branch.id, month: `${year}-13` })),
    ).toEqual(['month']);
    expect(
      faultyFields(await req('POST', '/months', tongzhou, { orgId: haidianBranchId, month: thisMonth })),
    ).toEqual(['orgId']);
    const res = await req('POST', '/months', tongzhou, { orgId: branch.id, month: thisMonth });
    expect(res.statusCode, res.body).toBe(201);
    monthId = res.json().id;
    expect(res.json()).toMatchObject({ state: 'open', month: thisMonth, org: { id: branch.id } });
    const again = await req('POST', '/months', tongzhou, { orgId: branch.id, month: thisMonth });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DUES_MONTH_EXISTS');
    expect((await req('GET', `/months/${monthId}`, haidian)).statusCode).toBe(404);
  });

  it('owes every month of the year so far; a quarterly payment and a cash payment shrink the arrears', async () => {
    const p = people[0]!;
    const owed = async () =>
      (await req('GET', `/arrears?orgId=${branch.id}&limit=500`, tongzhou))
        .json()
        .items.find((i: { memberId: number }) => i.memberId === p.id);
    expect(await owed()).toMatchObject({
      months: monthsSoFar,
      amountFen: 3000 * monthsSoFar,
      oldestMonth: `${year}-01`,
    });

    expect((await req('POST', '/payments', kangbao, {})).statusCode).toBe(403);
    expect(faultyFields(await req('POST', '/payments', tongzhou, {}))).toEqual([
      'fromMonth',
      'memberId',
      'method',
      'paidOn',
      'toMonth',
    ]);
    expect(
      faultyFields(
        await req('POST', '/payments', tongzhou, {
          memberId: p.id,
          fromMonth: mm(3),
          toMonth: mm(1),
          method: 'cash',
          paidOn: today,
        }),
      ),
    ).toEqual(['toMonth']);
    expect(
      faultyFields(
        await req('POST', '/payments', tongzhou, {
          memberId: p.id,
          fromMonth: `${year + 1}-01`,
          toMonth: `${year + 1}-01`,
          method: 'cash',
          paidOn: today,
        }),
      ),
    ).toEqual(['fromMonth']);
    const notOpen = await req('POST', '/payments', tongzhou, {
      memberId: p.id,
      fromMonth: mm(1),
      toMonth: mm(1),
      method: 'cash',
      paidOn: `${year - 1}-12-01`,
    });
    expect(notOpen.json().code).toBe('DUES_MONTH_NOT_OPEN');

    const quarter = await req('POST', '/payments', tongzhou, {
      memberId: p.id,
      fromMonth: mm(1),
      toMonth: mm(3),
      method: 'transfer',
      paidOn: today,
      payerName: '王秀英',
      amountFen: 1,
    });
    expect(quarter.statusCode, quarter.body).toBe(201);
    expect(quarter.json()).toMatchObject({
      amountFen: 9000,
      method: 'transfer',
      payerName: '王秀英',
      collectedBy: '通州流动党委书记',
    });
    expect(quarter.json().months.map((m: { month: string }) => m.month)).toEqual([mm(1), mm(2), mm(3)]);
    const twice = await req('POST', '/payments', tongzhou, {
      memberId: p.id,
      fromMonth: mm(3),
      toMonth: mm(4),
      method: 'cash',
      paidOn: today,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({
      code: 'DUES_MONTH_PAID',
      message: expect.stringContaining(`${year}年3月`),
    });
    const cash = await req('POST', '/payments', tongzhou, {
      memberId: p.id,
      fromMonth: mm(4),
      toMonth: mm(4),
      method: 'cash',
      paidOn: today,
    });
    expect(cash.json().amountFen).toBe(3000);
    expect(await owed()).toMatchObject({ months: monthsSoFar - 4, oldestMonth: mm(5) });
    expect((await ledgerOf(p.id)).map((e) => [e.quantity, e.title])).toEqual([
      ['9000.00', `交纳党费：${year}年1月至${year}年3月`],
      ['3000.00', `交纳党费：${year}年4月`],
    ]);
    expect((await req('GET', `/members/${p.id}`, tongzhou)).json()).toMatchObject({
      paidUpTo: mm(4),
      owedFen: 3000 * (monthsSoFar - 4),
    });
    expect((await req('GET', `/members/${p.id}`, haidian)).statusCode).toBe(404);

    // Reversal: the months are owed again and the ledger entry goes.
    expect(
      (await req('POST', `/payments/${cash.json().id}/reverse`, haidian, { reason: '误登' })).statusCode,
    ).toBe(404);
    const reversed = await req('POST', `/payments/${cash.json().id}/reverse`, tongzhou, { reason: '误登' });
    expect(reversed.json().reversedAt).not.toBeNull();
    expect(
      (await req('POST', `/payments/${cash.json().id}/reverse`, tongzhou, { reason: '误登' })).json().code,
    ).toBe('DUES_PAYMENT_REVERSED');
    expect(await owed()).toMatchObject({ months: monthsSoFar - 3, oldestMonth: mm(4) });
    expect((await ledgerOf(p.id)).length).toBe(1);
    expect(await auditCount(t.store, 'dues.payment_reversed', cash.json().id)).toBe(1);
  });

  it('the month page lists the branch with what is due and paid; closing fixes the figures and takes no more payments', async () => {
    const p = people[0]!;
    const sheet = (await req('GET', `/months/${monthId}`, tongzhou)).json();
    const row = sheet.members.find((m: { memberId: number }) => m.memberId === p.id);
    expect(row).toMatchObject({ dueFen: 3000, paid: monthsSoFar <= 3 });
    expect(sheet.totals.collectedFen).toBe(9000); // the reversed payment is not counted
    expect(sheet.members.length).toBe(sheet.totals.members);
    const closed = await req('POST', `/months/${monthId}/close`, tongzhou, { version: sheet.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      state: 'closed',
      expectedFen: sheet.totals.expectedFen,
      collectedFen: 9000,
    });
    const late = await req('POST', '/payments', tongzhou, {
      memberId: p.id,
      fromMonth: mm(5),
      toMonth: mm(5),
      method: 'cash',
      paidOn: today,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('DUES_MONTH_CLOSED');
    expect(
      (await req('POST', `/months/${monthId}/close`, tongzhou, { version: closed.json().version })).json()
        .code,
    ).toBe('DUES_MONTH_CLOSED');
  });
  it('the month report and the arrears list as sheets, audited, in scope', async () => {
    expect((await req('GET', `/months/${monthId}/report`)).statusCode).toBe(401);
    expect((await req('GET', `/months/${monthId}/report`, kangbao)).statusCode).toBe(403);
    expect((await req('GET', `/months/${monthId}/report`, haidian)).statusCode).toBe(404);
    const res = await req('GET', `/months/${monthId}/report`, tongzhou);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const rows = sheetRows((await loadXlsx(res.rawPayload)).worksheets[0]!);
    expect(rows[0]).toEqual([
      '姓名',
      '类别',
      '本月应交（元）',
      '交纳情况',
      '交纳方式',
      '交纳日期',
      '欠缴月数',
      '欠缴金额（元）',
    ]);
    const p = rows.find((r) => r[0] === people[0]!.name)!;
    expect(p.slice(2, 4)).toEqual([30, monthsSoFar <= 3 ? '已交' : '未交']);
    expect(p[6]).toBe(monthsSoFar - 3);
    expect(String(rows.at(-1)![0])).toMatch(/^合计/);
    expect(await auditCount(t.store, 'dues.exported')).toBe(1);

    expect((await req('GET', '/arrears/export', kangbao)).statusCode).toBe(403);
    const list = (await req('GET', `/arrears?orgId=${branch.id}&limit=500`, tongzhou)).json();
    const sheet = await req('GET', `/arrears/export?orgId=${branch.id}`, tongzhou);
    const arrearsRows = sheetRows((await loadXlsx(sheet.rawPayload)).worksheets[0]!);
    expect(arrearsRows.length).toBe(list.items.length + 1);
    expect((await req('GET', `/arrears/export?orgId=${branch.id}`, haidian)).statusCode).toBe(200);
  });
});

describe('reliefs and a member’s own dues', () => {
  it('a waiver passes the branch’s review and the next level’s approval, never by one person', async () => {
    const p = people[1]!;
    await declare(p.id, { category: 'farmer', incomeYuan: undefined });
    expect((await req('POST', '/reliefs', kangbao, {})).statusCode).toBe(403);
    expect(
      faultyFields(
        await req('POST', '/reliefs', tongzhou, {
          memberId: p.id,
          kind: 'reduced',
          fromMonth: mm(1),
          toMonth: mm(2),
          reason: '生病住院',
        }),
      ),
    ).toEqual(['monthlyYuan']);
    expect(
      faultyFields(
        await req('POST', '/reliefs', tongzhou, {
          memberId: p.id,
          kind: 'waived',
          fromMonth: mm(2),
          toMonth: mm(1),
          reason: '生病住院',
        }),
      ),
    ).toEqual(['toMonth']);
    const created = await req('POST', '/reliefs', tongzhou, {
      memberId: p.id,
      kind: 'waived',
      fromMonth: mm(1),
      toMonth: mm(2),
      reason: '生病住院，无收入',
    });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({ state: 'submitted', monthlyFen: 0 });
    // Approving before the review is refused.
    expect(
      (await req('POST', `/reliefs/${r.id}/decide`, office, { version: r.version, approve: true })).json()
        .code,
    ).toBe('DUES_RELIEF_STATE');
    expect(
      (await req('POST', `/reliefs/${r.id}/review`, haidian, { version: r.version, approve: true }))
        .statusCode,
    ).toBe(404);
    const reviewed = (
      await req('POST', `/reliefs/${r.id}/review`, branchSecretary, {
        version: r.version,
        approve: true,
        note: '支委会同意',
      })
    ).json();
    expect(reviewed.state).toBe('reviewed');
    // The branch cannot approve its own request.
    const own = await req('POST', `/reliefs/${r.id}/decide`, branchSecretary, {
      version: reviewed.version,
      approve: true,
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('DUES_RELIEF_NEXT_LEVEL');
    const approved = await req('POST', `/reliefs/${r.id}/decide`, tongzhou, {
      version: reviewed.version,
      approve: true,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      state: 'approved',
      reviewedBy: expect.any(String),
      decidedBy: '通州流动党委书记',
    });

    // Waived months are neither owed nor payable, and count toward 党费交至.
    const waived = await req('POST', '/payments', tongzhou, {
      memberId: p.id,
      fromMonth: mm(1),
      toMonth: mm(1),
      method: 'cash',
      paidOn: today,
    });
    expect(waived.json().code).toBe('DUES_MONTH_WAIVED');
    const dues = (await req('GET', `/members/${p.id}`, tongzhou)).json();
    expect(dues.paidUpTo).toBe(mm(2));
    expect(dues.owed.length).toBe(Math.max(0, monthsSoFar - 2));
  });

  it('the reviewer cannot approve too', async () => {
    const p = people[2]!;
    await declare(p.id);
    const r = (
      await req('POST', '/reliefs', tongzhou, {
        memberId: p.id,
        kind: 'reduced',
        monthlyYuan: '5',
        fromMonth: mm(1),
        toMonth: mm(1),
        reason: '下岗失业',
      })
    ).json();
    const reviewed = (
      await req('POST', `/reliefs/${r.id}/review`, tongzhou, { version: r.version, approve: true })
    ).json();
    const same = await req('POST', `/reliefs/${r.id}/decide`, tongzhou, {
      version: reviewed.version,
      approve: true,
    });
    expect(same.statusCode).toBe(403);
    expect(same.json().code).toBe('DUES_RELIEF_SAME_USER');
    const rejected = await req('POST', `/reliefs/${r.id}/decide`, office, {
      version: reviewed.version,
      approve: false,
      note: '不符合条件',
    });
    expect(rejected.json().state).toBe('rejected');
    expect((await req('GET', '/reliefs?state=rejected', haidian)).json().items).toEqual([]);
    expect(
      (await req('GET', '/reliefs?state=rejected', tongzhou)).json().items.map((i: { id: number }) => i.id),
    ).toContain(r.id);
  });

  it('a member sees their own dues; owing three months or more brings a reminder, once a month', async () => {
    expect((await req('GET', '/mine')).statusCode).toBe(401);
    expect((await req('GET', '/mine', office)).statusCode).toBe(403);
    await declare(demoMemberId);
    const mine = (await req('GET', '/mine', member)).json();
    expect(mine).toMatchObject({ memberId: demoMemberId, paidUpTo: null, base: { monthlyFen: 3000 } });
    expect(mine.owed.length).toBe(monthsSoFar);
    expect((await req('POST', '/arrears/remind', kangbao, {})).statusCode).toBe(403);
    const first = (await req('POST', '/arrears/remind', tongzhou, { orgId: branch.id })).json().sent;
    const inbox = await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from inbox_items i join users u on u.id = i.user_id
        where u.username = 'member' and i.kind = 'dues_arrears'`,
    );
    expect(inbox[0]!.n).toBe(monthsSoFar >= 3 ? 1 : 0);
    expect(first).toBeGreaterThanOrEqual(inbox[0]!.n);
    expect((await req('POST', '/arrears/remind', tongzhou, { orgId: branch.id })).json().sent).toBe(0);
  });
});
