/** Mainland mobile phone numbers (手机号): 11 digits, `1[3-9]` then 9 digits. */
import { toHalfWidth } from '../common/text-forms';

export type PhoneErrorCode = 'PHONE_EMPTY' | 'PHONE_FORMAT';

export type PhoneResult = { ok: true; phone: string } | { ok: false; code: PhoneErrorCode; message: string };

export const MOBILE_PHONE = /^1[3-9]\d{9}$/;

/** Spaces of every kind, dashes of every kind, dots and parentheses. */
const NOISE = /[\s\u200B-\u200D\u2060\uFEFF\-\u2010-\u2015\u2212.()（）]/g;

/**
 * Removes spaces, dashes and parentheses, turns full-width digits into ASCII and drops a
 * +86 / 0086 / 86 country prefix (`+86 138-0013-8000`, `(0086)13800138000`,
 * `86-13800138000`). A bare 86 is dropped only before 11 digits starting with 1. Does not
 * validate.
 */
export function normalizePhone(raw: string): string {
  const s = toHalfWidth(raw).replace(NOISE, '');
  if (s.startsWith('+86')) return s.slice(3);
  if (s.startsWith('0086')) return s.slice(4);
  if (/^861\d{10}$/.test(s)) return s.slice(2);
  return s;
}

/** Validates a mobile phone number; a number cell (13800138000) is accepted as well. */
export function parsePhone(raw: string | number | null | undefined): PhoneResult {
  const phone = raw === null || raw === undefined ? '' : normalizePhone(String(raw));
  if (phone === '') return { ok: false, code: 'PHONE_EMPTY', message: '请填写手机号' };
  if (!MOBILE_PHONE.test(phone)) {
    return { ok: false, code: 'PHONE_FORMAT', message: '手机号应为 11 位中国大陆手机号码（以 13–19 开头）' };
  }
  return { ok: true, phone };
}

/** `138****8000`: the first 3 and the last 4 digits stay visible. */
export function maskPhone(p: string): string {
  if (p.length < 8) return '*'.repeat(p.length);
  return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
}
