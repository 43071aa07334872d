/**
 * One spreadsheet row → a member for the create contract, or the row's errors, one per cell at
 * fault, in Chinese. Pure: org names are resolved by the caller's `findOrg`.
 */
import {
  CITIES,
  checkIdAgainst,
  EDUCATION_LEVELS,
  ETHNICITIES,
  type IdNumberInfo,
  type ImportError,
  type LooseDateResult,
  lookupCode,
  lookupDivision,
  MemberCreateBody,
  parseIdNumber,
  parseLooseDate,
  parsePhone,
} from '@ningxin/shared';
import { cellText, type PlainCell } from '../../lib/excel/cells';
import { CANONICAL_HEADERS, FIELD_COLUMNS } from './members.import.columns';

export type OrgMatch = { ok: true; orgId: number } | { ok: false; code: string; message: string };

export interface RowContext {
  homeCity: string;
  hostCity: string;
  /** The org a 所在党组织 cell names, within the actor's scope. */
  findOrg(name: string): OrgMatch;
  /** The org of rows that name none (the form's orgId), if one was chosen. */
  defaultOrgId: number | null;
  today?: Date;
}

export interface ParsedRow {
  /** The member, when the row has no error. */
  body: MemberCreateBody | null;
  /** The normalised ID number when it is valid, even if other cells are not (for duplicates). */
  idNumber: string | null;
  errors: ImportError[];
}

type Cells = Record<string, PlainCell>;
type OkDate = Extract<LooseDateResult, { ok: true }>;

const GENDERS: Record<string, 'male' | 'female'> = {
  男: 'male',
  男性: 'male',
  male: 'male',
  m: 'male',
  女: 'female',
  女性: 'female',
  female: 'female',
  f: 'female',
};
const MEMBER_TYPES: Record<string, 'full' | 'probationary'> = {
  正式党员: 'full',
  正式: 'full',
  full: 'full',
  预备党员: 'probationary',
  预备: 'probationary',
  probationary: 'probationary',
};
const TAG_SEPARATORS = /[,，、;；\s]+/;
const CJK = /[\u3400-\u9fff]/;

/**
 * A number typed as `2002.09` in a General cell reaches us as 2002.09; read it as year.month.
 * Excel drops a trailing zero, so `2002.1` may be January or October: that is refused.
 */
function yearMonthNumber(v: number): string | { ambiguous: true } | null {
  if (Number.isInteger(v) || v < 1900 || v >= 2100) return null;
  const [year, frac = ''] = String(v).split('.');
  if (frac.length === 2) return `${year}-${frac}`;
  if (frac.length === 1) return frac === '1' ? { ambiguous: true } : `${year}-0${frac}`;
  return null;
}

/** Errors of a row in the order of the template's columns. */
export const byColumn = (a: ImportError, b: ImportError) =>
  CANONICAL_HEADERS.indexOf(a.column) - CANONICAL_HEADERS.indexOf(b.column);

const monthAware = (d: OkDate) => (d.precision === 'month' ? d.date.slice(0, 7) : d.date);

export function parseMemberRow(row: number, cells: Cells, ctx: RowContext): ParsedRow {
  const errors: ImportError[] = [];
  const failed = new Set<string>();
  const fail = (column: string, code: string, message: string) => {
    failed.add(column);
    errors.push({ row: row, column, value: cellText(cells[column]), code, message });
  };
  const raw = (column: string) => cells[column] ?? null;
  const text = (column: string) => {
    const v = raw(column);
    return v === null ? null : cellText(v);
  };
  const requireCell = (column: string) => {
    if (raw(column) !== null) return true;
    fail(column, 'REQUIRED', `请填写${column}`);
    return false;
  };

  const date = (column: string): OkDate | null => {
    let v = raw(column);
    if (v === null) return null;
    if (typeof v === 'number') {
      const ym = yearMonthNumber(v);
      if (ym !== null && typeof ym === 'object') {
        fail(
          column,
          'DATE_AMBIGUOUS',
          `“${v}”可能是 1 月也可能是 10 月，请写成 ${Math.floor(v)}-01 或 ${Math.floor(v)}-10`,
        );
        return null;
      }
      if (ym !== null) v = ym;
    }
    const d = parseLooseDate(v, ctx.today ? { today: ctx.today } : {});
    if (d.ok) return d;
    fail(column, d.code, d.message);
    return null;
  };

  const code = (column: string, lookup: (v: string) => string | null, message: (v: string) => string) => {
    const v = text(column);
    if (v === null) return null;
    const found = lookup(v);
    if (found === null)
      fail(
        column,
        column === '户籍县区' || column === '居住区' ? 'UNKNOWN_DIVISION' : 'UNKNOWN_CODE',
        message(v),
      );
    return found;
  };

  let name = text('姓名');
  if (name !== null) name = CJK.test(name) ? name.replace(/\s+/g, '') : name.replace(/\s+/g, ' ');
  else requireCell('姓名');

  let id: IdNumberInfo | null = null;
  const rawId = raw('身份证号');
  if (requireCell('身份证号')) {
    if (typeof rawId === 'number' && !(Number.isSafeInteger(rawId) && String(rawId).length === 15)) {
      fail(
        '身份证号',
        'ID_NUMBER_AS_NUMBER',
        '身份证号被 Excel 存成了数字，末几位已丢失；请把本列设为“文本”格式后重新填写号码',
      );
    } else {
      const parsed = parseIdNumber(cellText(rawId), ctx.today ? { today: ctx.today } : {});
      if (parsed.ok) id = parsed.value;
      else fail('身份证号', parsed.code, parsed.message);
    }
  }

  let phone: string | null = null;
  const rawPhone = raw('手机号');
  if (requireCell('手机号')) {
    const parsed = parsePhone(typeof rawPhone === 'number' ? rawPhone : cellText(rawPhone));
    if (parsed.ok) phone = parsed.phone;
    else fail('手机号', parsed.code, parsed.message);
  }

  const genderText = text('性别');
  const gender = genderText === null ? null : (GENDERS[genderText.replace(/\s+/g, '').toLowerCase()] ?? null);
  if (genderText !== null && gender === null) fail('性别', 'BAD_VALUE', '性别应填写“男”或“女”');

  const birth = date('出生日期');
  const joined = requireCell('入党日期') ? date('入党日期') : null;
  const fullMember = date('转正日期');
  const leftHome = date('外出日期');

  const typeText = text('党员类型');
  const memberType = typeText === null ? 'full' : MEMBER_TYPES[typeText.replace(/\s+/g, '').toLowerCase()];
  if (memberType === undefined) fail('党员类型', 'BAD_VALUE', '党员类型应填写“正式党员”或“预备党员”');

  const ethnicity = code(
    '民族',
    (v) => lookupCode(ETHNICITIES, v),
    (v) => `民族“${v}”不在民族代码表中`,
  );
  const education = code(
    '学历',
    (v) => lookupCode(EDUCATION_LEVELS, v),
    (v) => `学历“${v}”无法识别，请填写 研究生、大学本科、大专、中专、高中、初中、小学 或其他`,
  );
  const homeName = CITIES[ctx.homeCity]?.name ?? '流出地';
  const hostName = CITIES[ctx.hostCity]?.name ?? '流入地';
  const homeCounty = requireCell('户籍县区')
    ? code(
        '户籍县区',
        (v) => lookupDivision(ctx.homeCity, v),
        (v) => `“${v}”不是${homeName}的县区`,
      )
    : null;
  const hostDistrict = code(
    '居住区',
    (v) => lookupDivision(ctx.hostCity, v),
    (v) => `“${v}”不是${hostName}的区县`,
  );

  let orgId: number | null = ctx.defaultOrgId;
  const orgName = text('所在党组织');
  if (orgName !== null) {
    const match = ctx.findOrg(orgName);
    if (match.ok) orgId = match.orgId;
    else fail('所在党组织', match.code, match.message);
  } else if (orgId === null) {
    fail('所在党组织', 'ORG_REQUIRED', '请填写所在党组织，或在导入时选择默认党组织');
  }

  if (id) {
    const conflicts = checkIdAgainst(id, {
      gender,
      birthDate: birth ? monthAware(birth) : null,
      joinedAt: joined ? monthAware(joined) : null,
    });
    for (const c of conflicts) fail(FIELD_COLUMNS[c.field]!, c.code, c.message);
  }

  // The contract's own rules (lengths, date order, probationary members) on what was read.
  const tags = text('标签')?.split(TAG_SEPARATORS).filter(Boolean) ?? [];
  const parsed = MemberCreateBody.safeParse({
    name: name ?? '',
    ethnicity,
    idNumber: id?.idNumber ?? '',
    phone: phone ?? '',
    education,
    joinedAt: joined?.date,
    fullMemberAt: fullMember?.date ?? null,
    memberType: memberType ?? 'full',
    homeCounty: homeCounty ?? '',
    homeOrg: text('原党组织'),
    hostDistrict,
    hostAddress: text('居住地址'),
    employer: text('工作单位'),
    occupation: text('职业'),
    leftHomeAt: leftHome?.date ?? null,
    orgId: orgId ?? 0,
    tags: [...new Set(tags)],
    notes: text('备注'),
    source: 'imported',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = FIELD_COLUMNS[String(issue.path[0])];
      const issueCode = (issue as { params?: { code?: string } }).params?.code;
      // Joining age was checked above, by month when only a month was given.
      if (!column || failed.has(column) || issueCode === 'JOINED_UNDER_18') continue;
      fail(column, issueCode ?? (issue.code === 'too_big' ? 'TOO_LONG' : 'BAD_VALUE'), issue.message);
    }
  }
  errors.sort(byColumn);
  return {
    body: errors.length === 0 && parsed.success ? parsed.data : null,
    idNumber: id?.idNumber ?? null,
    errors,
  };
}
