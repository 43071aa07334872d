/**
 * One spreadsheet row → a member for the create contract, or the row's errors, one per cell at
 * fault, in Chinese.
 */
import {
  CITIES,
  checkIdAgainstRead,
  EDUCATION_LEVELS,
  ETHNICITIES,
  type IdNumberInfo,
  type ImportError,
  type LooseDateResult,
  lookupCode,
  lookupDivision,
  type MemberCreateBody,
  MemberCreateChecked,
  parseIdNumber,
  parseLooseDate,
  parsePhone,
} from '@ningxin/shared';
import { cellText, type PlainCell } from '../../../lib/excel/cells';
import { CANONICAL_HEADERS, FIELD_COLUMNS } from '../members.sheet';
import { GENDERS, MEMBER_TYPES, memo, yearMonthNumber } from './members.import.values';

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
  /** The ID number as parsed (birth date, gender), with `body`: the record is built from it. */
  id: IdNumberInfo | null;
  errors: ImportError[];
}

type Cells = Record<string, PlainCell>;
type OkDate = Extract<LooseDateResult, { ok: true }>;

const TAG_SEPARATORS = /[,，、;；\s]+/;
const CJK = /[\u3400-\u9fff]/;

const COLUMN_ORDER = new Map(CANONICAL_HEADERS.map((h, i) => [h, i]));

/** Errors of a row in the order of the template's columns. */
export const byColumn = (a: ImportError, b: ImportError) =>
  (COLUMN_ORDER.get(a.column) ?? -1) - (COLUMN_ORDER.get(b.column) ?? -1);

type DateRead = OkDate | { ok: false; code: string; message: string };

/** The cells and errors of the row being read. */
interface RowState {
  row: number;
  cells: Cells;
  /** One per cell at fault; no column twice but for cross-checks. */
  errors: ImportError[];
}

function fail(s: RowState, column: string, code: string, message: string) {
  s.errors.push({ row: s.row, column, value: cellText(s.cells[column]), code, message });
}

const failed = (s: RowState, column: string) => s.errors.some((e) => e.column === column);

const raw = (s: RowState, column: string): PlainCell => s.cells[column] ?? null;

function text(s: RowState, column: string): string | null {
  const v = s.cells[column];
  return v === undefined || v === null ? null : cellText(v);
}

function requireCell(s: RowState, column: string): boolean {
  if (raw(s, column) !== null) return true;
  fail(s, column, 'REQUIRED', `请填写${column}`);
  return false;
}

/**
 * The reader of one import's rows: `parse(row, cells)` turns a spreadsheet row into a member for
 * the create contract, or the row's errors, one per cell at fault, in Chinese. Pure: org names
 * are resolved by the context's `findOrg`; look-ups of repeated values are remembered.
 */
export function createRowParser(ctx: RowContext) {
  const dateOpts = ctx.today ? { today: ctx.today } : {};
  const homeName = CITIES[ctx.homeCity]?.name ?? '流出地';
  const hostName = CITIES[ctx.hostCity]?.name ?? '流入地';

  const readDate = (v: string | number | boolean | Date): DateRead => {
    let value: unknown = v;
    if (typeof v === 'number') {
      const ym = yearMonthNumber(v);
      if (ym !== null && typeof ym === 'object') {
        const year = Math.floor(v);
        return {
          ok: false,
          code: 'DATE_AMBIGUOUS',
          message: `“${v}”可能是 1 月也可能是 10 月，请写成 ${year}-01 或 ${year}-10`,
        };
      }
      if (ym !== null) value = ym;
    }
    return parseLooseDate(value, dateOpts);
  };
  const dateOfText = memo(readDate);
  const dateOfNumber = memo(readDate);
  const dateOfTime = memo((t: number) => readDate(new Date(t)));

  const date = (s: RowState, column: string): OkDate | null => {
    const v = raw(s, column);
    if (v === null) return null;
    const d =
      typeof v === 'string'
        ? dateOfText(v)
        : typeof v === 'number'
          ? dateOfNumber(v)
          : v instanceof Date
            ? dateOfTime(v.getTime())
            : readDate(v);
    if (d.ok) return d;
    fail(s, column, d.code, d.message);
    return null;
  };

  const ethnicity = memo((v: string) => lookupCode(ETHNICITIES, v));
  const education = memo((v: string) => lookupCode(EDUCATION_LEVELS, v));
  const homeCounty = memo((v: string) => lookupDivision(ctx.homeCity, v));
  const hostDistrict = memo((v: string) => lookupDivision(ctx.hostCity, v));
  const genderOf = memo((v: string) => GENDERS[v.replace(/\s+/g, '').toLowerCase()] ?? null);
  const memberTypeOf = memo((v: string) => MEMBER_TYPES[v.replace(/\s+/g, '').toLowerCase()]);

  const code = (
    s: RowState,
    column: string,
    lookup: (v: string) => string | null,
    message: (v: string) => string,
  ) => {
    const v = text(s, column);
    if (v === null) return null;
    const found = lookup(v);
    if (found === null)
      fail(
        s,
        column,
        column === '户籍县区' || column === '居住区' ? 'UNKNOWN_DIVISION' : 'UNKNOWN_CODE',
        message(v),
      );
    return found;
  };

  return function parse(row: number, cells: Cells): ParsedRow {
    const s: RowState = { row, cells, errors: [] };

    let name = text(s, '姓名');
    if (name !== null) name = CJK.test(name) ? name.replace(/\s+/g, '') : name.replace(/\s+/g, ' ');
    else requireCell(s, '姓名');

    let id: IdNumberInfo | null = null;
    const rawId = raw(s, '身份证号');
    if (requireCell(s, '身份证号')) {
      if (typeof rawId === 'number' && !(Number.isSafeInteger(rawId) && String(rawId).length === 15)) {
        fail(
          s,
          '身份证号',
          'ID_NUMBER_AS_NUMBER',
          '身份证号被 Excel 存成了数字，末几位已丢失；请把本列设为“文本”格式后重新填写号码',
        );
      } else {
        const parsed = parseIdNumber(cellText(rawId), dateOpts);
        if (parsed.ok) id = parsed.value;
        else fail(s, '身份证号', parsed.code, parsed.message);
      }
    }

    let phone: string | null = null;
    const rawPhone = raw(s, '手机号');
    if (requireCell(s, '手机号')) {
      const parsed = parsePhone(typeof rawPhone === 'number' ? rawPhone : cellText(rawPhone));
      if (parsed.ok) phone = parsed.phone;
      else fail(s, '手机号', parsed.code, parsed.message);
    }

    const genderText = text(s, '性别');
    const gender = genderText === null ? null : genderOf(genderText);
    if (genderText !== null && gender === null) fail(s, '性别', 'BAD_VALUE', '性别应填写“男”或“女”');

    const birth = date(s, '出生日期');
    const joined = requireCell(s, '入党日期') ? date(s, '入党日期') : null;
    const fullMember = date(s, '转正日期');
    const leftHome = date(s, '外出日期');

    const typeText = text(s, '党员类型');
    const memberType = typeText === null ? 'full' : memberTypeOf(typeText);
    if (memberType === undefined) fail(s, '党员类型', 'BAD_VALUE', '党员类型应填写“正式党员”或“预备党员”');

    const ethnicityCode = code(s, '民族', ethnicity, (v) => `民族“${v}”不在民族代码表中`);
    const educationCode = code(
      s,
      '学历',
      education,
      (v) => `学历“${v}”无法识别，请填写 研究生、大学本科、大专、中专、高中、初中、小学 或其他`,
    );
    const homeCountyCode = requireCell(s, '户籍县区')
      ? code(s, '户籍县区', homeCounty, (v) => `“${v}”不是${homeName}的县区`)
      : null;
    const hostDistrictCode = code(s, '居住区', hostDistrict, (v) => `“${v}”不是${hostName}的区县`);

    let orgId: number | null = ctx.defaultOrgId;
    const orgName = text(s, '所在党组织');
    if (orgName !== null) {
      const match = ctx.findOrg(orgName);
      if (match.ok) orgId = match.orgId;
      else fail(s, '所在党组织', match.code, match.message);
    } else if (orgId === null) {
      fail(s, '所在党组织', 'ORG_REQUIRED', '请填写所在党组织，或在导入时选择默认党组织');
    }

    if (id) {
      // Compared by month where a cell gives only a month.
      for (const c of checkIdAgainstRead(id, { gender, birth, joined })) {
        fail(s, FIELD_COLUMNS[c.field]!, c.code, c.message);
      }
    }

    // The contract's own rules (lengths, date order, probationary members) on what was read;
    // the ID number and phone were parsed and cross-checked above.
    const tagText = text(s, '标签');
    const tags = tagText === null ? [] : [...new Set(tagText.split(TAG_SEPARATORS).filter(Boolean))];
    const parsed = MemberCreateChecked.safeParse({
      name: name ?? '',
      ethnicity: ethnicityCode,
      idNumber: id?.idNumber ?? '',
      phone: phone ?? '',
      education: educationCode,
      joinedAt: joined?.date,
      fullMemberAt: fullMember?.date ?? null,
      memberType: memberType ?? 'full',
      homeCounty: homeCountyCode ?? '',
      homeOrg: text(s, '原党组织'),
      hostDistrict: hostDistrictCode,
      hostAddress: text(s, '居住地址'),
      employer: text(s, '工作单位'),
      occupation: text(s, '职业'),
      leftHomeAt: leftHome?.date ?? null,
      orgId: orgId ?? 0,
      tags,
      notes: text(s, '备注'),
      source: 'imported',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = FIELD_COLUMNS[String(issue.path[0])];
        const issueCode = (issue as { params?: { code?: string } }).params?.code;
        // Joining age was checked above, by month when only a month was given.
        if (!column || failed(s, column) || issueCode === 'JOINED_UNDER_18') continue;
        fail(s, column, issueCode ?? (issue.code === 'too_big' ? 'TOO_LONG' : 'BAD_VALUE'), issue.message);
      }
    }
    const errors = s.errors.length > 1 ? s.errors.sort(byColumn) : s.errors;
    const ok = errors.length === 0 && parsed.success;
    return {
      body: ok ? parsed.data : null,
      idNumber: id?.idNumber ?? null,
      id: ok ? id : null,
      errors,
    };
  };
}

export type RowParser = ReturnType<typeof createRowParser>;

/** One row on its own (an import reads its rows with one `createRowParser`). */
export function parseMemberRow(row: number, cells: Cells, ctx: RowContext): ParsedRow {
  return createRowParser(ctx)(row, cells);
}
