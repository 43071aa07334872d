import { describe, expect, it } from 'vitest';
import { DEFAULT_DUES_RULES } from '../settings/dues';
import { calculateDues, DuesCalculateQuery, type DuesClass } from './calculate';

/** The calculator as a secretary asks it: the income typed as text, the answer in fen and a fraction. */
const ask = (cls: DuesClass, base?: string) => {
  const q = DuesCalculateQuery.parse({ class: cls, ...(base === undefined ? {} : { base }) });
  return calculateDues(DEFAULT_DUES_RULES, q.class, q.base);
};
const refused = (query: Record<string, string>) => {
  const r = DuesCalculateQuery.safeParse(query);
  return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the dues calculator at and around each boundary', () => {
  it('employees: 0.5 % up to 3,000.00 yuan, 1 % from 3,000.01', () => {
    expect(ask('employee', '0')).toEqual({ rate: 0.005, amountFen: 0 });
    expect(ask('employee', '3000')).toEqual({ rate: 0.005, amountFen: 1500 });
    expect(ask('employee', '3000.00')).toEqual({ rate: 0.005, amountFen: 1500 });
    expect(ask('employee', '3000.01')).toEqual({ rate: 0.01, amountFen: 3000 });
  });

  it('employees: 1 % up to 5,000 yuan, 1.5 % from 5,000.01; 2 % from 10,000.01', () => {
    expect(ask('employee', '5000')).toEqual({ rate: 0.01, amountFen: 5000 });
    expect(ask('employee', '5000.01')).toEqual({ rate: 0.015, amountFen: 7500 });
    expect(ask('employee', '10000')).toEqual({ rate: 0.015, amountFen: 15000 });
    expect(ask('employee', '10,000.01')).toEqual({ rate: 0.02, amountFen: 20000 });
  });

  it('retirees: 0.5 % up to a 5,000-yuan pension, 1 % from 5,000.01', () => {
    expect(ask('retiree', '0')).toEqual({ rate: 0.005, amountFen: 0 });
    expect(ask('retiree', '5000')).toEqual({ rate: 0.005, amountFen: 2500 });
    expect(ask('retiree', '5000.01')).toEqual({ rate: 0.01, amountFen: 5000 });
  });

  it('a fen below each bound keeps the lower rate (half a fen rounds up)', () => {
    expect(ask('employee', '2999.99')).toEqual({ rate: 0.005, amountFen: 1500 }); // 1,499.995 fen
    expect(ask('employee', '4999.99')).toEqual({ rate: 0.01, amountFen: 5000 }); // 4,999.99 fen
    expect(ask('employee', '9999.99')).toEqual({ rate: 0.015, amountFen: 15000 }); // 14,999.985 fen
    expect(ask('retiree', '4999.99')).toEqual({ rate: 0.005, amountFen: 2500 }); // 2,499.995 fen
  });

  it('the fixed classes: 0.2 yuan a month, no rate, any base ignored', () => {
    for (const cls of ['farmer', 'student', 'minimum_support'] as const) {
      expect(ask(cls)).toEqual({ rate: null, amountFen: 20 });
      expect(ask(cls, '8000')).toEqual({ rate: null, amountFen: 20 });
    }
  });

  it('reads the income digit by digit: a value a float would spoil is exact', () => {
    // 3,000.01 as a float times 100 is 300000.99999999994; as text it is 300,001 fen.
    expect(ask('employee', '3000.01').amountFen).toBe(3000);
    expect(ask('employee', '1234.57')).toEqual({ rate: 0.005, amountFen: 617 }); // 617.285 fen
  });

  it('refuses a base that is no amount, more precise than a fen, too high or missing, naming base', () => {
    expect(refused({ class: 'employee', base: '3000.001' })).toEqual([
      'base: 月收入基数最多精确到分（两位小数）',
    ]);
    for (const base of ['abc', '-5', '1e4', '', '3000.']) {
      expect(refused({ class: 'employee', base })?.[0], base).toMatch(/^base: /);
    }
    expect(refused({ class: 'employee', base: '1000000.01' })).toEqual([
      'base: 月收入基数不能超过 1,000,000 元',
    ]);
    expect(refused({ class: 'retiree' })).toEqual(['base: 在职和离退休党员请填写月收入基数（元）']);
    expect(refused({ class: 'worker', base: '100' })?.[0]).toMatch(/^class: /);
  });
});
