/**
 * Party dues on a real store: the calculator, bases, the monthly ledgers, payments and their
 * reversal, arrears and reminders, reliefs through review and approval, a member's own dues.
 */
import { describe, expect, it } from 'vitest';
import { faultyFields } from '../../../test/app';
import { auditCount } from '../../../test/factories';
import {
  branch,
  declare,
  haidian,
  haidianMemberId,
  kangbao,
  member,
  office,
  people,
  req,
  t,
  today,
  tongzhou,
  useDuesApp,
  year,
} from './dues.fixture';
import { monthCases } from './months/months.cases';
import { reliefCases } from './reliefs/reliefs.cases';

// One app for the whole file (each file builds its own on each store): the months and the reliefs
// are kept in their folders and run here, in this order, after the calculator and the bases.
useDuesApp();

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

monthCases();
reliefCases();
