import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone, parsePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['(+86) 138-0013-8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['0086-138-0013-8000', '13800138000'],
    ['86-13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['138—0013—8000', '13800138000'],
    [' 138\u30000013\u30008000 ', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['＋８６　１３８－００１３－８０００', '13800138000'],
    ['（138）00138000', '13800138000'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it('keeps a leading 86 that is part of something else', () => {
    expect(normalizePhone('861380013800')).toBe('861380013800');
  });
});

describe('parsePhone', () => {
  it('accepts a mobile number in any written form', () => {
    expect(parsePhone('+86 138-0013-8000')).toEqual({ ok: true, phone: '13800138000' });
    expect(parsePhone('19912345678')).toEqual({ ok: true, phone: '19912345678' });
  });

  it('accepts a number cell from a spreadsheet', () => {
    expect(parsePhone(13800138000)).toEqual({ ok: true, phone: '13800138000' });
  });

  it('refuses an empty value', () => {
    expect(parsePhone('')).toMatchObject({ ok: false, code: 'PHONE_EMPTY', message: '请填写手机号' });
    expect(parsePhone(' - ')).toMatchObject({ ok: false, code: 'PHONE_EMPTY' });
    expect(parsePhone(null)).toMatchObject({ ok: false, code: 'PHONE_EMPTY' });
    expect(parsePhone(undefined)).toMatchObject({ ok: false, code: 'PHONE_EMPTY' });
  });

  it.each([
    ['a landline', '010-12345678'],
    ['a landline with area code and prefix', '+86 10 1234 5678'],
    ['12 digits', '138001380001'],
    ['10 digits', '1380013800'],
    ['a second digit below 3', '12800138000'],
    ['letters', '1380013800a'],
  ])('refuses %s', (_label, raw) => {
    const r = parsePhone(raw);
    expect(r).toMatchObject({ ok: false, code: 'PHONE_FORMAT' });
    if (!r.ok) expect(r.message).toMatch(/手机号/);
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and the last 4 digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });

  it('hides a short value completely', () => {
    expect(maskPhone('1234')).toBe('****');
  });
});
