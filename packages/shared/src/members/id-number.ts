/**
 * Resident ID numbers (公民身份号码, GB 11643-1999): 6-digit region code, birth date YYYYMMDD,
 * 3-digit sequence (odd = male), check character. Legacy 15-digit numbers (YYMMDD, no check
 * character) are converted to 18 digits.
 */

import { isRealDate, localIsoDate, MIN_DATE } from '../common/calendar';
import { compact } from '../common/text-forms';
import { divisionName } from '../divisions';
import { type DatePrecision, parseLooseDate } from './dates';

export type IdGender = 'male' | 'female';

export interface IdNumberInfo {
  /** The normalised 18-character number. */
  idNumber: string;
  regionCode: string;
  /** The division's name from the code tables (current or historical); null outside them. */
  regionName: string | null;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: IdGender;
  /** True when converted from a 15-digit legacy number. */
  converted: boolean;
}

export const ID_NUMBER_ERROR_CODES = [
  'ID_EMPTY',
  'ID_FORMAT',
  'ID_CHECKSUM',
  'ID_REGION',
  'ID_BIRTH_DATE',
] as const;
export type IdNumberErrorCode = (typeof ID_NUMBER_ERROR_CODES)[number];

export type IdNumberResult =
  | { ok: true; value: IdNumberInfo }
  | { ok: false; code: IdNumberErrorCode; message: string };

export type IdConflictCode = 'ID_GENDER_MISMATCH' | 'ID_BIRTH_MISMATCH' | 'JOINED_UNDER_18';

export interface IdConflict {
  field: 'gender' | 'birthDate' | 'joinedAt';
  code: IdConflictCode;
  message: string;
}

/** Age of majority for joining the Party. */
export const MIN_JOIN_AGE = 18;

const CLEAN = /^[0-9X]{1,18}$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Province-level codes of GB/T 2260 (the first two digits of a region code). */
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);

/**
 * Trims and removes every space (including the full-width U+3000), turns full-width digits and
 * Ｘ/ｘ into ASCII, and upper-cases x. Does not validate.
 */
export function normalizeIdNumber(raw: string): string {
  // Most numbers arrive clean: nothing to replace.
  if (CLEAN.test(raw)) return raw;
  return compact(raw).toUpperCase();
}

/** The check character for the first 17 digits. Throws on anything but 17 ASCII digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckChar expects exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

const fail = (code: IdNumberErrorCode, message: string): IdNumberResult => ({ ok: false, code, message });

/**
 * Validates and decodes an ID number. Checks, in order: shape, region (province part real;
 * regions outside our tables are checked by shape only, as region codes are frozen at issue),
 * birth date (real, not before 1900-01-01, not after `opts.today`), then the check character.
 * Messages never repeat the number or the expected check character.
 */
export function parseIdNumber(raw: string, opts: { today?: Date } = {}): IdNumberResult {
  const id = normalizeIdNumber(raw);
  if (id === '') return fail('ID_EMPTY', '请填写身份证号');

  let first17: string;
  const converted = /^\d{15}$/.test(id);
  if (converted) first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  else if (/^\d{17}[\dX]$/.test(id)) first17 = id.slice(0, 17);
  else return fail('ID_FORMAT', '身份证号应为 18 位（或 15 位旧号码），除末位可为 X 外均为数字');

  const regionCode = first17.slice(0, 6);
  if (!PROVINCES.has(regionCode.slice(0, 2))) return fail('ID_REGION', '身份证号前 6 位地区码无效');

  const year = Number(first17.slice(6, 10));
  const month = Number(first17.slice(10, 12));
  const day = Number(first17.slice(12, 14));
  if (!isRealDate(year, month, day)) return fail('ID_BIRTH_DATE', '身份证号中的出生日期不是有效日期');
  const birthDate = `${first17.slice(6, 10)}-${first17.slice(10, 12)}-${first17.slice(12, 14)}`;
  if (birthDate < MIN_DATE) return fail('ID_BIRTH_DATE', '身份证号中的出生日期早于 1900 年');
  if (birthDate > localIsoDate(opts.today ?? new Date())) {
    return fail('ID_BIRTH_DATE', '身份证号中的出生日期晚于今天');
  }

  const check = idCheckChar(first17);
  if (!converted && id[17] !== check) return fail('ID_CHECKSUM', '身份证号校验位不正确，请核对号码');

  return {
    ok: true,
    value: {
      idNumber: first17 + check,
      regionCode,
      regionName: divisionName(regionCode) ?? null,
      birthDate,
      gender: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
      converted,
    },
  };
}

/** 'male'/'female' or 男/女; anything else is not compared here (the field's own schema is). */
function readGender(value: string): IdGender | null {
  const v = compact(value).toLowerCase();
  if (v === 'male' || v === '男') return 'male';
  if (v === 'female' || v === '女') return 'female';
  return null;
}

/** A date as `parseLooseDate` read it: ISO, and whether only its month was given. */
export interface ReadDate {
  date: string;
  precision: DatePrecision;
}

/**
 * Cross-checks an ID number against the gender, birth date and joining date given beside it.
 * Dates may be ISO or any form `parseLooseDate` reads; a month-only date (`1949-12`, `200209`)
 * is compared by month. Values that are empty or unreadable are skipped: their own field
 * validation reports them.
 */
export function checkIdAgainst(
  info: IdNumberInfo,
  given: { gender?: string | null; birthDate?: string | null; joinedAt?: string | null },
): IdConflict[] {
  const read = (v: string | null | undefined): ReadDate | null => {
    const d = v ? parseLooseDate(v) : null;
    return d?.ok ? d : null;
  };
  return checkIdAgainstRead(info, {
    gender: given.gender ?? null,
    birth: read(given.birthDate),
    joined: read(given.joinedAt),
  });
}

/** `checkIdAgainst` for dates a caller has already read (the import reads each cell once). */
export function checkIdAgainstRead(
  info: IdNumberInfo,
  given: { gender: string | null; birth: ReadDate | null; joined: ReadDate | null },
): IdConflict[] {
  const conflicts: IdConflict[] = [];
  const gender = given.gender ? readGender(given.gender) : null;
  if (gender !== null && gender !== info.gender) {
    conflicts.push({ field: 'gender', code: 'ID_GENDER_MISMATCH', message: '性别与身份证号不符' });
  }

  const birth = given.birth;
  if (birth) {
    const same =
      birth.precision === 'month'
        ? birth.date.slice(0, 7) === info.birthDate.slice(0, 7)
        : birth.date === info.birthDate;
    if (!same)
      conflicts.push({ field: 'birthDate', code: 'ID_BIRTH_MISMATCH', message: '出生日期与身份证号不符' });
  }

  const joined = given.joined;
  if (joined) {
    const birthday18 = `${Number(info.birthDate.slice(0, 4)) + MIN_JOIN_AGE}${info.birthDate.slice(4)}`;
    // A month-only joining date is refused only when the whole month is before the birthday.
    const under18 =
      joined.precision === 'month'
        ? joined.date.slice(0, 7) < birthday18.slice(0, 7)
        : joined.date < birthday18;
    if (under18) {
      conflicts.push({
        field: 'joinedAt',
        code: 'JOINED_UNDER_18',
        message: `入党时未满 ${MIN_JOIN_AGE} 周岁`,
      });
    }
  }
  return conflicts;
}

/** `130732********123X`: the region code and the last 4 characters stay visible. */
export function maskIdNumber(id18: string): string {
  if (id18.length < 10) return '*'.repeat(id18.length);
  return `${id18.slice(0, 6)}${'*'.repeat(id18.length - 10)}${id18.slice(-4)}`;
}

/**
 * Full years of age on a day (a Date, taken by its local calendar date, or `YYYY-MM-DD`).
 * Someone born on 29 February comes of age on 1 March in common years.
 */
export function ageOn(birthDate: string, on: Date | string): number {
  const day = typeof on === 'string' ? on : localIsoDate(on);
  const b = /^(\d{4})-(\d{2}-\d{2})$/.exec(birthDate);
  const d = /^(\d{4})-(\d{2}-\d{2})$/.exec(day);
  if (!b || !d) throw new RangeError('ageOn expects dates as YYYY-MM-DD');
  const years = Number(d[1]) - Number(b[1]);
  return d[2]! < b[2]! ? years - 1 : years;
}
