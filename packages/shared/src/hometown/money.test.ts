import { describe, expect, it } from 'vitest';
import { displayFen, formatFen, MAX_FEN, parseMoney } from './money';
import { WanAmount, YuanAmount } from './money-amount';

const fen = (text: string, unit: 'yuan' | 'wan') => {
  const r = parseMoney(text, unit);
  return 'fen' in r ? r.fen : r.problem;
};

describe('parseMoney', () => {
  it('reads yuan with fen precision into integer fen, exactly', () => {
    expect(fen('0', 'yuan')).toBe(0);
    expect(fen('0.01', 'yuan')).toBe(1);
    expect(fen('0.1', 'yuan')).toBe(10);
    expect(fen('1234.56', 'yuan')).toBe(123456);
    expect(fen('1,234.50', 'yuan')).toBe(123450);
    expect(fen('1，000', 'yuan')).toBe(100000);
    expect(fen(' 20.00 ', 'yuan')).toBe(2000);
    expect(fen('0.30', 'yuan')).toBe(30);
    // 1.005 would be 100.49999… in floating point; as text it is a precision problem, not a rounding.
    expect(fen('1.005', 'yuan')).toBe('precision');
    expect(fen('1.000', 'yuan')).toBe(100);
    expect(fen('007.5', 'yuan')).toBe(750);
  });

  it('reads 万元 with fen precision (six decimals)', () => {
    expect(fen('1', 'wan')).toBe(1_000_000);
    expect(fen('8000', 'wan')).toBe(8_000_000_000);
    expect(fen('900.5', 'wan')).toBe(900_500_000);
    expect(fen('0.000001', 'wan')).toBe(1);
    expect(fen('0.0000015', 'wan')).toBe('precision');
    expect(fen('500000', 'wan')).toBe(500_000_000_000);
    // 0.1 + 0.2 in floating point is 0.30000000000000004: as text the sum of fen is exact.
    expect((fen('0.1', 'wan') as number) + (fen('0.2', 'wan') as number)).toBe(fen('0.3', 'wan'));
  });

  it('refuses what is not a plain decimal amount', () => {
    for (const bad of ['', '.5', '5.', '-1', '+1', '1e3', '0x10', '１２', '1.2.3', 'abc', '12元', 'NaN'])
      expect(fen(bad, 'yuan'), bad).toBe('format');
  });

  it('refuses amounts past 100 billion yuan in either unit', () => {
    expect(fen('100000000000', 'yuan')).toBe(MAX_FEN);
    expect(fen('100000000000.01', 'yuan')).toBe('range');
    expect(fen('10000000', 'wan')).toBe(MAX_FEN);
    expect(fen('10000000.000001', 'wan')).toBe('range');
    expect(fen('999999999999999', 'yuan')).toBe('range');
  });
});

describe('the contract fields', () => {
  it('give fen and name the field in the message', () => {
    expect(YuanAmount('捐赠金额').parse('3000000.00')).toBe(300_000_000);
    expect(WanAmount('签约投资').parse('12.34')).toBe(12_340_000);
    const zero = YuanAmount('捐赠金额', { positive: true }).safeParse('0.00');
    expect(zero.success ? null : zero.error.issues[0]?.message).toBe('捐赠金额应大于 0');
    const number = YuanAmount('捐赠金额').safeParse(12.5);
    expect(number.success).toBe(false);
    const precise = YuanAmount('捐赠金额').safeParse('1.234');
    expect(precise.success ? null : precise.error.issues[0]?.message).toBe(
      '捐赠金额最多精确到分（两位小数）',
    );
  });
});

describe('formatFen and displayFen', () => {
  it('write fen back as the text that parses to it', () => {
    for (const [n, unit] of [
      [0, 'yuan'],
      [1, 'yuan'],
      [123450, 'yuan'],
      [1, 'wan'],
      [900_500_000, 'wan'],
      [MAX_FEN, 'wan'],
    ] as const)
      expect(fen(formatFen(n, unit), unit)).toBe(n);
    expect(formatFen(123450, 'yuan')).toBe('1234.5');
    expect(formatFen(900_500_000, 'wan')).toBe('900.5');
  });

  it('show grouped digits, 万元 rounded half up', () => {
    expect(displayFen(123456789, 'yuan')).toBe('1,234,567.89');
    expect(displayFen(500_000_000_000, 'wan')).toBe('500,000.00');
    expect(displayFen(1_005_000, 'wan')).toBe('1.01');
    expect(displayFen(1_004_999, 'wan')).toBe('1.00');
    expect(displayFen(8_012_345_678, 'wan', 0)).toBe('8,012');
  });
});
