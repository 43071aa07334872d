import { z } from 'zod';
import { NewPassword } from '../auth';
import { localIsoDate } from '../common/calendar';
import { PARTY_FOUNDED, PastDate } from '../common/dates';
import { DivisionCode, IdParams, QueryId, QueryInt, RecordId, Version } from '../common/ids';
import { pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { Gender, MemberSource, MemberStatus, MemberType, RelationshipType } from './enums';
import { ageOn, checkIdAgainst, parseIdNumber } from './id-number';
import { parsePhone } from './phone';

const Division = DivisionCode;
const Tag = Text('标签', { min: 1, max: 12 });

/** No one on the rolls is older than this; an older birth date is a typing error. */
export const MAX_MEMBER_AGE = 120;

/** The fields of a member record a person edits (create and update share them). */
const MemberFields = z.object({
  name: Text('姓名', { min: 2, max: 30 }),
  gender: Gender.nullable().optional(),
  ethnicity: z
    .string()
    .regex(/^\d{2}$/, '民族代码为 2 位数字')
    .nullable()
    .optional(),
  birthDate: PastDate('出生日期').nullable().optional(),
  idNumber: Text('身份证号', { min: 1, max: 40 }).meta({ format: 'cn-resident-id' }),
  phone: Text('手机号', { min: 1, max: 30 }).meta({ format: 'cn-mobile' }),
  education: z
    .string()
    .regex(/^\d{2}$/, '学历代码为 2 位数字')
    .nullable()
    .optional(),
  joinedAt: PastDate('入党日期', PARTY_FOUNDED),
  fullMemberAt: PastDate('转正日期', PARTY_FOUNDED).nullable().optional(),
  memberType: MemberType.default('full'),
  homeCounty: Division,
  homeOrg: OptionalText('原党组织', 100),
  hostDistrict: Division.nullable().optional(),
  hostAddress: OptionalText('居住地址', 200),
  employer: OptionalText('工作单位', 100),
  occupation: OptionalText('职业', 50),
  industry: OptionalText('行业', 50),
  leftHomeAt: PastDate('外出日期').nullable().optional(),
  relationship: RelationshipType.default('certificate'),
  orgId: RecordId('党组织'),
  tags: z.array(Tag).max(20, '标签不能超过 20 个').default([]),
  lastContactAt: PastDate('最近联系日期').nullable().optional(),
  notes: OptionalText('备注', 1000, { multiline: true }),
});

type FieldsShape = z.infer<typeof MemberFields>;

/** A rule a member record breaks: the field at fault, a stable code and a Chinese message. */
export interface MemberIssue {
  field: string;
  code: string;
  message: string;
}

/** The rules between dates and the member type: the full-member date follows joining. */
function dateIssues(m: Partial<FieldsShape>, today: string): MemberIssue[] {
  const issues: MemberIssue[] = [];
  if (m.fullMemberAt && m.joinedAt && m.fullMemberAt < m.joinedAt) {
    issues.push({ field: 'fullMemberAt', code: 'FULL_BEFORE_JOINED', message: '转正日期不能早于入党日期' });
  }
  if (m.memberType === 'probationary' && m.fullMemberAt) {
    issues.push({
      field: 'fullMemberAt',
      code: 'PROBATIONARY_WITH_FULL_DATE',
      message: '预备党员不应有转正日期',
    });
  }
  if (m.birthDate && ageOn(m.birthDate, today) > MAX_MEMBER_AGE) {
    issues.push({
      field: 'birthDate',
      code: 'BIRTH_TOO_EARLY',
      message: `出生日期早于 ${MAX_MEMBER_AGE} 年前，请核对`,
    });
  }
  return issues;
}

/**
 * Every rule of a member record that spans fields: the ID number is valid and agrees with
 * gender and birth date; the member was 18 at joining; the full-member date follows joining.
 * The create contract checks a new record with it; an update checks the stored record with
 * the changes applied, so that what holds on create holds after every edit.
 */
export function memberIssues(m: Partial<FieldsShape>, today = localIsoDate(new Date())): MemberIssue[] {
  const issues: MemberIssue[] = [];
  if (m.idNumber !== undefined) {
    const parsed = parseIdNumber(m.idNumber);
    if (!parsed.ok) {
      issues.push({ field: 'idNumber', code: parsed.code, message: parsed.message });
    } else {
      for (const c of checkIdAgainst(parsed.value, {
        gender: m.gender ?? null,
        birthDate: m.birthDate ?? null,
        joinedAt: m.joinedAt ?? null,
      })) {
        issues.push({ field: c.field, code: c.code, message: c.message });
      }
    }
  }
  if (m.phone !== undefined) {
    const phone = parsePhone(m.phone);
    if (!phone.ok) issues.push({ field: 'phone', code: phone.code, message: phone.message });
  }
  return [...issues, ...dateIssues(m, today)];
}

const addIssues = (issues: MemberIssue[], ctx: z.RefinementCtx) => {
  for (const i of issues) {
    ctx.addIssue({ code: 'custom', path: [i.field], message: i.message, params: { code: i.code } });
  }
};
const checkMember = (m: Partial<FieldsShape>, ctx: z.RefinementCtx) => addIssues(memberIssues(m), ctx);
const checkDates = (m: Partial<FieldsShape>, ctx: z.RefinementCtx) =>
  addIssues(dateIssues(m, localIsoDate(new Date())), ctx);

/** A member record's editable fields as the rules read them. */
export type MemberFields = FieldsShape;

const MemberCreateFields = MemberFields.extend({ source: MemberSource.default('manual') });

export const MemberCreateBody = MemberCreateFields.superRefine(checkMember);
export type MemberCreateBody = z.infer<typeof MemberCreateBody>;
/** What a client sends (before defaults and transforms). */
export type MemberCreateInput = z.input<typeof MemberCreateBody>;

/**
 * The create contract less its ID-number and phone rules, for a caller that has parsed those two
 * and cross-checked the ID number itself (the spreadsheet import does so cell by cell, by month
 * where a cell gives only a month): the same fields and the same other rules, without parsing
 * the two a second time. What passes it with such a caller's values passes MemberCreateBody.
 */
export const MemberCreateChecked = MemberCreateFields.superRefine(checkDates);

export const MemberUpdateBody = MemberFields.partial().extend({ version: Version }).superRefine(checkMember);
export type MemberUpdateBody = z.infer<typeof MemberUpdateBody>;

/** What a member may change about themselves. */
export const MemberSelfUpdateBody = z
  .object({
    phone: Text('手机号', { min: 1, max: 30 }).meta({ format: 'cn-mobile' }).optional(),
    hostAddress: OptionalText('居住地址', 200),
    employer: OptionalText('工作单位', 100),
    occupation: OptionalText('职业', 50),
    version: Version,
  })
  .superRefine((m, ctx) => {
    if (m.phone === undefined) return;
    const phone = parsePhone(m.phone);
    if (!phone.ok) ctx.addIssue({ code: 'custom', path: ['phone'], message: phone.message });
  });
export type MemberSelfUpdateBody = z.infer<typeof MemberSelfUpdateBody>;

export const MemberStatusChangeBody = z.object({
  status: MemberStatus,
  effectiveDate: PastDate('生效日期'),
  reason: Text('原因', { min: 2, max: 500, multiline: true, minMessage: '请填写原因' }),
  version: Version,
});
export type MemberStatusChangeBody = z.infer<typeof MemberStatusChangeBody>;

export const MemberRevealBody = z.object({
  field: z.enum(['idNumber', 'phone']),
  reason: Text('查看原因', { min: 4, max: 200, minMessage: '请填写查看原因（至少 4 个字）' }),
});
export type MemberRevealBody = z.infer<typeof MemberRevealBody>;
/** The first password of a member's own login, to be changed at the first sign-in. */
export const MemberAccountBody = z.object({ password: NewPassword });

export const MemberRevealResponse = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string() });
export type MemberRevealResponse = z.infer<typeof MemberRevealResponse>;

/**
 * A list in a query string, comma-separated (`status=active,lost`) or repeated
 * (`status=active&status=lost`); empty items are dropped.
 */
const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => {
      const parts = (Array.isArray(v) ? v : [v]).flatMap((s) => (typeof s === 'string' ? s.split(',') : [s]));
      return parts.filter((s) => s !== undefined && s !== '' && !(typeof s === 'string' && s.trim() === ''));
    },
    z.array(item).max(50, '列表不能超过 50 项'),
  );

export const MEMBER_SORTS = ['name', 'joinedAt', 'birthDate', 'createdAt'] as const;

export const MemberListQuery = z
  .object({
    q: Text('搜索词', { max: 30 }).optional(),
    orgId: QueryId('党组织').optional(),
    homeCounty: csv(Division),
    hostDistrict: csv(Division),
    status: csv(MemberStatus),
    memberType: MemberType.optional(),
    tags: csv(Tag),
    education: csv(z.string().regex(/^\d{2}$/)),
    joinYearFrom: QueryInt('起始入党年份', 1921, 2100).optional(),
    joinYearTo: QueryInt('结束入党年份', 1921, 2100).optional(),
    ageFrom: QueryInt('起始年龄', 0, 130).optional(),
    ageTo: QueryInt('结束年龄', 0, 130).optional(),
    sort: z.enum(MEMBER_SORTS).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: QueryInt('每页条数', 1, 200).default(50),
    cursor: z.string().max(400, '分页游标无效').meta({ format: 'page-cursor' }).optional(),
  })
  .refine((q) => !q.joinYearFrom || !q.joinYearTo || q.joinYearFrom <= q.joinYearTo, {
    message: '起始年份不能晚于结束年份',
    path: ['joinYearTo'],
  })
  .refine((q) => q.ageFrom === undefined || q.ageTo === undefined || q.ageFrom <= q.ageTo, {
    message: '起始年龄不能大于结束年龄',
    path: ['ageTo'],
  });
export type MemberListQuery = z.infer<typeof MemberListQuery>;

export const MemberListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: Gender.nullable(),
  age: z.number().int().nullable(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  homeCounty: z.string(),
  homeCountyName: z.string().nullable(),
  hostDistrict: z.string().nullable(),
  hostDistrictName: z.string().nullable(),
  status: MemberStatus,
  memberType: MemberType,
  tags: z.array(z.string()),
  joinedAt: z.string(),
  lastContactAt: z.string().nullable(),
});
export type MemberListItem = z.infer<typeof MemberListItem>;

export const MemberListResponse = pageOf(MemberListItem, z.string()).extend({ total: z.number().int() });
export type MemberListResponse = z.infer<typeof MemberListResponse>;

export const MemberResponse = z
  .object({
    id: z.number().int(),
    name: z.string(),
    gender: Gender.nullable(),
    ethnicity: z.string().nullable(),
    birthDate: z.string().nullable(),
    age: z.number().int().nullable(),
    idNumberMasked: z.string(),
    phoneMasked: z.string(),
    education: z.string().nullable(),
    joinedAt: z.string(),
    fullMemberAt: z.string().nullable(),
    memberType: MemberType,
    homeCounty: z.string(),
    homeCountyName: z.string().nullable(),
    homeOrg: z.string().nullable(),
    hostDistrict: z.string().nullable(),
    hostDistrictName: z.string().nullable(),
    hostAddress: z.string().nullable(),
    employer: z.string().nullable(),
    occupation: z.string().nullable(),
    industry: z.string().nullable(),
    leftHomeAt: z.string().nullable(),
    relationship: RelationshipType,
    orgId: z.number().int(),
    orgName: z.string(),
    orgPathNames: z.array(z.string()),
    tags: z.array(z.string()),
    source: MemberSource,
    status: MemberStatus,
    statusSince: z.string().nullable(),
    lastContactAt: z.string().nullable(),
    notes: z.string().nullable(),
    hasAccount: z.boolean(),
    policies: z.object({ update: z.boolean(), changeStatus: z.boolean(), reveal: z.boolean() }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Member' });
export type MemberResponse = z.infer<typeof MemberResponse>;

export const MemberIdParams = IdParams;

export const ImportError = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportError>;

export const ImportReport = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  errors: z.array(ImportError),
  committed: z.boolean(),
  imported: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/**
 * A member import's validation: the report and, when every row passed, the stage kept for the
 * commit (POST /members/import/stages/{id}/commit) until it expires, with the rows by org and
 * member type.
 */
export const ImportCheck = ImportReport.extend({
  stage: z
    .object({
      id: z.uuid(),
      expiresAt: z.iso.datetime(),
      byOrg: z.array(
        z.object({
          orgId: z.number().int(),
          orgName: z.string(),
          memberType: MemberType,
          count: z.number().int(),
        }),
      ),
    })
    .nullable(),
});
export type ImportCheck = z.infer<typeof ImportCheck>;

export const ImportStageParams = z.object({
  stageId: z.uuid({ error: '校验编号格式不正确' }),
});
