import { describe, expect, it } from 'vitest';
import { isIsoDate, isRealDate, localIsoDate } from '../common/calendar';
import { excelSerialToIsoDate, parseLooseDate } from './dates';

const today = new Date(2026, 0, 15); // local 2026-01-15
const parse = (value: unknown, min?: string) => parseLooseDate(value, min ? { today, min } : { today });

describe('parseLooseDate: strings', () => {
  it.each([
    ['2002-09-01', '2002-09-01', 'day'],
    ['2002/9/1', '2002-09-01', 'day'],
    ['2002/09/01', '2002-09-01', 'day'],
    ['2002.9.1', '2002-09-01', 'day'],
    ['2002年9月1日', '2002-09-01', 'day'],
    ['2002年09月01号', '2002-09-01', 'day'],
    ['20020901', '2002-09-01', 'day'],
    ['2002-09', '2002-09-01', 'month'],
    ['2002/09', '2002-09-01', 'month'],
    ['2002.09', '2002-09-01', 'month'],
    ['2002.9', '2002-09-01', 'month'],
    ['2002年9月', '2002-09-01', 'month'],
    ['200209', '2002-09-01', 'month'],
  ])('%s → %s (%s)', (raw, date, precision) => {
    expect(parse(raw)).toEqual({ ok: true, date, precision });
  });

  it('tolerates full-width digits and stray spaces', () => {
    expect(parse('２００２－０９－０１')).toEqual({ ok: true, date: '2002-09-01', precision: 'day' });
    expect(parse(' 2002 年 9 月\u3000')).toEqual({ ok: true, date: '2002-09-01', precision: 'month' });
    expect(parse('2002 . 09')).toEqual({ ok: true, date: '2002-09-01', precision: 'month' });
    expect(parse('２００２０９')).toEqual({ ok: true, date: '2002-09-01', precision: 'month' });
  });

  it('ignores a time of day after the date', () => {
    expect(parse('2002-09-01 00:00:00')).toEqual({ ok: true, date: '2002-09-01', precision: 'day' });
    expect(parse('2002-09-01T08:30:00.000Z')).toEqual({ ok: true, date: '2002-09-01', precision: 'day' });
  });

  it('refuses dates that do not exist', () => {
    expect(parse('2002-13-01')).toEqual({
      ok: false,
      code: 'DATE_INVALID',
      message: '日期不存在：2002-13-01',
    });
    expect(parse('2002-02-30')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parse('2002-00')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parse('200213')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parse('2001-02-29')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parse('2000-02-29')).toMatchObject({ ok: true, date: '2000-02-29' });
  });

  it('refuses dates before 1900 or before a given minimum', () => {
    expect(parse('1899-12-31')).toEqual({
      ok: false,
      code: 'DATE_TOO_EARLY',
      message: '日期不能早于 1900-01-01',
    });
    expect(parse('189912')).toMatchObject({ ok: false, code: 'DATE_TOO_EARLY' });
    expect(parse('1900-01-01')).toMatchObject({ ok: true, date: '1900-01-01' });
    expect(parse('1921-07-22', '1921-07-23')).toMatchObject({ ok: false, code: 'DATE_TOO_EARLY' });
    expect(parse('1921-07', '1921-07-23')).toMatchObject({
      ok: true,
      date: '1921-07-01',
      precision: 'month',
    });
  });

  it('refuses dates after today', () => {
    expect(parse('2026-01-16')).toEqual({
      ok: false,
      code: 'DATE_FUTURE',
      message: '日期不能晚于今天（2026-01-15）',
    });
    expect(parse('2026-02')).toMatchObject({ ok: false, code: 'DATE_FUTURE' });
    expect(parse('2026-01-15')).toMatchObject({ ok: true });
    expect(parse('2026年1月')).toMatchObject({ ok: true, date: '2026-01-01' });
  });

  it('refuses what it cannot read, echoing the value', () => {
    expect(parse('abc')).toEqual({
      ok: false,
      code: 'DATE_FORMAT',
      message: '无法识别的日期：abc，请使用 2002-09-01 格式',
    });
    expect(parse('2002-9/1')).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(parse('02-09-01')).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(parse('2002091')).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(parse('37500')).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
  });

  it('asks for a month when only a year is given', () => {
    const r = parse('2002');
    expect(r).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    if (!r.ok) expect(r.message).toContain('2002-09');
    expect(parse('2002年')).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
  });

  it('refuses an empty value', () => {
    for (const empty of ['', '  ', '\u3000', null, undefined]) {
      expect(parse(empty)).toEqual({ ok: false, code: 'DATE_EMPTY', message: '请填写日期' });
    }
  });
});

describe('parseLooseDate: spreadsheet cells', () => {
  it('takes the UTC calendar date of a Date (exceljs gives UTC midnight)', () => {
    expect(parse(new Date(Date.UTC(2002, 8, 1)))).toEqual({ ok: true, date: '2002-09-01', precision: 'day' });
    expect(parse(new Date(Date.UTC(2002, 8, 1, 23, 59)))).toMatchObject({ date: '2002-09-01' });
    expect(parse(new Date(Number.NaN))).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(parse(new Date(Date.UTC(2027, 0, 1)))).toMatchObject({ ok: false, code: 'DATE_FUTURE' });
  });

  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [37500, '2002-09-01'],
    [37500.75, '2002-09-01'],
    [44927, '2023-01-01'],
  ])('reads Excel serial %s as %s', (serial, date) => {
    expect(parse(serial)).toEqual({ ok: true, date, precision: 'day' });
  });

  it('refuses serial 60 (Excel’s non-existent 1900-02-29) and serials below 1', () => {
    expect(parse(60)).toEqual({ ok: false, code: 'DATE_INVALID', message: '日期不存在：1900-02-29' });
    expect(parse(0)).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(parse(-5)).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(parse(Number.NaN)).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(parse(Number.POSITIVE_INFINITY)).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
  });

  it('refuses a serial after today', () => {
    expect(parse(46037)).toMatchObject({ ok: true, date: '2026-01-15' });
    expect(parse(46038)).toMatchObject({ ok: false, code: 'DATE_FUTURE' });
  });

  it('reads YYYYMM and YYYYMMDD typed into a cell as numbers', () => {
    expect(parse(200209)).toEqual({ ok: true, date: '2002-09-01', precision: 'month' });
    expect(parse(20020901)).toEqual({ ok: true, date: '2002-09-01', precision: 'day' });
    expect(parse(200213)).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(parse(2002091)).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(parse(200209.5)).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
  });

  it('asks for a month when a bare year is typed as a number instead of reading it as 1905', () => {
    expect(parse(2002)).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
  });

  it('refuses other kinds of value', () => {
    expect(parse(true)).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(parse({})).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
  });
});

describe('calendar helpers', () => {
  it('isRealDate knows month lengths and leap years', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2002, 4, 31)).toBe(false);
    expect(isRealDate(2002, 12, 31)).toBe(true);
    expect(isRealDate(2002, 0, 1)).toBe(false);
  });

  it('isIsoDate accepts only real YYYY-MM-DD', () => {
    expect(isIsoDate('2002-09-01')).toBe(true);
    expect(isIsoDate('2002-9-1')).toBe(false);
    expect(isIsoDate('2002-02-30')).toBe(false);
  });

  it('localIsoDate uses the local calendar date', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('excelSerialToIsoDate gives null for serials that are no day', () => {
    expect(excelSerialToIsoDate(60)).toBeNull();
    expect(excelSerialToIsoDate(0.5)).toBeNull();
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
  });
});
