import { describe, expect, it } from 'vitest';
import { DEFAULT_DUES_RULES, type DuesBracket, DuesRules, monthlyDuesFen } from './dues';

const rules = DEFAULT_DUES_RULES;
const salaried = (yuan: number) => monthlyDuesFen(rules, { category: 'salaried', incomeFen: yuan * 100 });
const retired = (yuan: number) => monthlyDuesFen(rules, { category: 'retired', incomeFen: yuan * 100 });
const fen = (incomeFen: number) => monthlyDuesFen(rules, { category: 'salaried', incomeFen });

describe('monthlyDuesFen, salaried members (after-tax monthly income)', () => {
  it('charges 0.5 % up to and including 3,000 yuan', () => {
    expect(salaried(0)).toBe(0);
    expect(salaried(1_000)).toBe(500);
    expect(salaried(3_000)).toBe(1_500);
  });

  it('charges 1 % from the first fen above 3,000 yuan up to and including 5,000', () => {
    expect(fen(300_001)).toBe(3_000); // 3,000.01 yuan × 1 % = 30.0001 yuan
    expect(salaried(5_000)).toBe(5_000);
  });

  it('charges 1.5 % above 5,000 yuan up to and including 10,000', () => {
    expect(fen(500_001)).toBe(7_500);
    expect(salaried(10_000)).toBe(15_000);
  });

  it('charges 2 % above 10,000 yuan, with no upper bound', () => {
    expect(fen(1_000_001)).toBe(20_000);
    expect(salaried(25_000)).toBe(50_000);
    expect(fen(100_000_000)).toBe(2_000_000);
  });

  it('rounds half a fen up and less than half down', () => {
    expect(fen(100)).toBe(1); // 1 yuan × 0.5 % = 0.5 fen
    expect(fen(99)).toBe(0); // 0.495 fen
    expect(fen(312_345)).toBe(3_123); // 3,123.45 fen
    expect(fen(312_350)).toBe(3_124); // 3,123.5 fen
  });

  it('refuses an income that is not whole fen from 0 up to the cap', () => {
    for (const incomeFen of [-1, 0.5, Number.NaN, 100_000_001]) {
      expect(() => monthlyDuesFen(rules, { category: 'salaried', incomeFen })).toThrow(RangeError);
    }
  });
});

describe('monthlyDuesFen, retired members (pension)', () => {
  it('charges 0.5 % up to and including 5,000 yuan and 1 % above', () => {
    expect(retired(0)).toBe(0);
    expect(retired(5_000)).toBe(2_500);
    expect(monthlyDuesFen(rules, { category: 'retired', incomeFen: 500_001 })).toBe(5_000);
    expect(retired(8_000)).toBe(8_000);
  });
});

describe('monthlyDuesFen, fixed amounts', () => {
  it('charges farmers and students or members on minimum living support their fixed amount', () => {
    expect(monthlyDuesFen(rules, { category: 'farmer' })).toBe(20);
    expect(monthlyDuesFen(rules, { category: 'assisted' })).toBe(20);
    expect(monthlyDuesFen({ ...rules, farmerFen: 100 }, { category: 'farmer' })).toBe(100);
  });
});

describe('monthlyDuesFen with the committee’s own brackets', () => {
  it('follows changed bounds and rates', () => {
    const own = {
      ...rules,
      salaried: [
        { from: 0, to: 400_000, rateBp: 50 },
        { from: 400_000, to: null, rateBp: 120 },
      ],
    };
    expect(monthlyDuesFen(own, { category: 'salaried', incomeFen: 400_000 })).toBe(2_000);
    expect(monthlyDuesFen(own, { category: 'salaried', incomeFen: 400_100 })).toBe(4_801);
  });
});

describe('DuesRules', () => {
  const withSalaried = (salaried: DuesBracket[]) => DuesRules.safeParse({ ...rules, salaried });
  const paths = (r: ReturnType<typeof withSalaried>) =>
    (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

  it('accepts the national scale', () => {
    expect(DuesRules.safeParse(rules).success).toBe(true);
  });

  it('refuses a gap between brackets, naming the bracket', () => {
    const r = withSalaried([
      { from: 0, to: 300_000, rateBp: 50 },
      { from: 350_000, to: null, rateBp: 100 },
    ]);
    expect(paths(r)).toEqual([expect.stringMatching(/^salaried\.1\.from: .*3,000 元.*空档/)]);
  });

  it('refuses an overlap, a scale not starting at 0 and bounds out of order', () => {
    expect(
      paths(
        withSalaried([
          { from: 100, to: 300_000, rateBp: 50 },
          { from: 200_000, to: 100_000, rateBp: 100 },
          { from: 100_000, to: null, rateBp: 150 },
        ]),
      ).map((p) => p.split(':')[0]),
    ).toEqual(['salaried.0.from', 'salaried.1.from', 'salaried.1.to']);
  });

  it('wants the last bracket open-ended and only the last', () => {
    const r = withSalaried([
      { from: 0, to: null, rateBp: 50 },
      { from: 300_000, to: 500_000, rateBp: 100 },
    ]);
    expect(paths(r).map((p) => p.split(':')[0])).toEqual(['salaried.0.to', 'salaried.1.to']);
  });

  it('refuses a rate lower than the bracket below it, and rates out of range', () => {
    const r = withSalaried([
      { from: 0, to: 300_000, rateBp: 100 },
      { from: 300_000, to: null, rateBp: 50 },
    ]);
    expect(paths(r)).toEqual([expect.stringMatching(/^salaried\.1\.rateBp: .*1%/)]);
    const high = withSalaried([{ from: 0, to: null, rateBp: 5_000 }]);
    expect(paths(high)).toEqual(['salaried.0.rateBp: 交纳比例不能大于 10%']);
    const fraction = withSalaried([{ from: 0, to: null, rateBp: 0.5 }]);
    expect(paths(fraction)).toEqual(['salaried.0.rateBp: 交纳比例应为整数']);
  });

  it('keeps the farmers’ amount within 0.2 to 1 yuan', () => {
    const low = DuesRules.safeParse({ ...rules, farmerFen: 10 });
    expect(low.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['farmerFen', '农民党员每月党费不能小于 0.2 元'],
    ]);
    expect(DuesRules.safeParse({ ...rules, farmerFen: 101 }).success).toBe(false);
    expect(DuesRules.safeParse({ ...rules, farmerFen: 100 }).success).toBe(true);
  });

  it('refuses an empty scale', () => {
    expect(paths(withSalaried([]))).toEqual(['salaried: 在职党员分档至少要有一档']);
  });
});
