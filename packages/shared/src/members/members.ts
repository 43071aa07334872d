import { z } from 'zod';
import { NewPassword } from '../auth';
import { localIsoDate } from './dates';
import { Gender, MemberSource, MemberStatus, MemberType, RelationshipType } from './enums';
import { checkIdAgainst, parseIdNumber } from './id-number';
import { parsePhone } from './phone';

const IsoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
const PastDate = IsoDate.refine((d) => d <= localIsoDate(new Date()), '日期不能晚于今天');
const Text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);
const OptionalText = (max: number, label: string) =>
  Text(max, label)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
const Division = z.string().regex(/^\d{6}$/, '行政区划代码为 6 位数字');
const Tag = z.string().trim().min(1).max(12, '标签不能超过 12 个字');

/** The fields of a member record a person edits (create and update share them). */
const MemberFields = z.object({
  name: z.string().trim().min(2, '姓名至少 2 个字').max(30, '姓名不能超过 30 个字'),
  gender: Gender.nullable().optional(),
  ethnicity: z
    .string()
    .regex(/^\d{2}$/, '民族代码为 2 位数字')
    .nullable()
    .optional(),
  birthDate: PastDate.nullable().optional(),
  idNumber: z.string().trim().min(1, '请填写身份证号'),
  phone: z.string().trim().min(1, '请填写手机号'),
  education: z
    .string()
    .regex(/^\d{2}$/, '学历代码为 2 位数字')
    .nullable()
    .optional(),
  joinedAt: PastDate,
  fullMemberAt: PastDate.nullable().optional(),
  memberType: MemberType.default('full'),
  homeCounty: Division,
  homeOrg: OptionalText(100, '原党组织'),
  hostDistrict: Division.nullable().optional(),
  hostAddress: OptionalText(200, '居住地址'),
  employer: OptionalText(100, '工作单位'),
  occupation: OptionalText(50, '职业'),
  industry: OptionalText(50, '行业'),
  leftHomeAt: PastDate.nullable().optional(),
  relationship: RelationshipType.default('certificate'),
  orgId: z.number().int().positive(),
  tags: z.array(Tag).max(20, '标签不能超过 20 个').default([]),
  lastContactAt: PastDate.nullable().optional(),
  notes: OptionalText(1000, '备注'),
});

type FieldsShape = z.infer<typeof MemberFields>;

/** The rules between dates and the member type: the full-member date follows joining. */
function checkDates(m: Partial<FieldsShape>, ctx: z.RefinementCtx) {
  if (m.fullMemberAt && m.joinedAt && m.fullMemberAt < m.joinedAt) {
    ctx.addIssue({ code: 'custom', path: ['fullMemberAt'], message: '转正日期不能早于入党日期' });
  }
  if (m.memberType === 'probationary' && m.fullMemberAt) {
    ctx.addIssue({ code: 'custom', path: ['fullMemberAt'], message: '预备党员不应有转正日期' });
  }
}

/**
 * Cross-field rules shared by the form and the server: the ID number is valid and agrees with
 * gender and birth date; the member was 18 at joining; the full-member date follows joining.
 */
function checkMember(m: Partial<FieldsShape>, ctx: z.RefinementCtx) {
  if (m.idNumber !== undefined) {
    const parsed = parseIdNumber(m.idNumber);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['idNumber'],
        message: parsed.message,
        params: { code: parsed.code },
      });
    } else {
      for (const c of checkIdAgainst(parsed.value, {
        gender: m.gender ?? null,
        birthDate: m.birthDate ?? null,
        joinedAt: m.joinedAt ?? null,
      })) {
        ctx.addIssue({ code: 'custom', path: [c.field], message: c.message, params: { code: c.code } });
      }
    }
  }
  if (m.phone !== undefined) {
    const phone = parsePhone(m.phone);
    if (!phone.ok)
      ctx.addIssue({ code: 'custom', path: ['phone'], message: phone.message, params: { code: phone.code } });
  }
  checkDates(m, ctx);
}

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

export const MemberUpdateBody = MemberFields.partial()
  .extend({ version: z.number().int().nonnegative() })
  .superRefine(checkMember);
export type MemberUpdateBody = z.infer<typeof MemberUpdateBody>;

/** What a member may change about themselves. */
export const MemberSelfUpdateBody = z
  .object({
    phone: z.string().trim().min(1, '请填写手机号').optional(),
    hostAddress: OptionalText(200, '居住地址'),
    employer: OptionalText(100, '工作单位'),
    occupation: OptionalText(50, '职业'),
    version: z.number().int().nonnegative(),
  })
  .superRefine((m, ctx) => {
    if (m.phone === undefined) return;
    const phone = parsePhone(m.phone);
    if (!phone.ok) ctx.addIssue({ code: 'custom', path: ['phone'], message: phone.message });
  });
export type MemberSelfUpdateBody = z.infer<typeof MemberSelfUpdateBody>;

export const MemberStatusChangeBody = z.object({
  status: MemberStatus,
  effectiveDate: PastDate,
  reason: z.string().trim().min(2, '请填写原因').max(500, '原因不能超过 500 个字'),
  version: z.number().int().nonnegative(),
});
export type MemberStatusChangeBody = z.infer<typeof MemberStatusChangeBody>;

export const MemberRevealBody = z.object({
  field: z.enum(['idNumber', 'phone']),
  reason: z.string().trim().min(4, '请填写查看原因（至少 4 个字）').max(200, '原因不能超过 200 个字'),
});
export type MemberRevealBody = z.infer<typeof MemberRevealBody>;
/** The first password of a member's own login, to be changed at the first sign-in. */
export const MemberAccountBody = z.object({ password: NewPassword });

export const MemberRevealResponse = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string() });

/** A comma-separated list in a query string: `status=active,lost`. */
const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string' && v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    z.array(item),
  );

export const MEMBER_SORTS = ['name', 'joinedAt', 'birthDate', 'createdAt'] as const;

export const MemberListQuery = z
  .object({
    q: z.string().trim().max(30, '搜索词不能超过 30 个字').optional(),
    orgId: z.coerce.number().int().positive().optional(),
    homeCounty: csv(Division),
    hostDistrict: csv(Division),
    status: csv(MemberStatus),
    memberType: MemberType.optional(),
    tags: csv(Tag),
    education: csv(z.string().regex(/^\d{2}$/)),
    joinYearFrom: z.coerce.number().int().min(1921).max(2100).optional(),
    joinYearTo: z.coerce.number().int().min(1921).max(2100).optional(),
    ageFrom: z.coerce.number().int().min(0).max(130).optional(),
    ageTo: z.coerce.number().int().min(0).max(130).optional(),
    sort: z.enum(MEMBER_SORTS).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
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

export const MemberListResponse = z.object({
  items: z.array(MemberListItem),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type MemberListResponse = z.infer<typeof MemberListResponse>;

export const MemberStatusEvent = z.object({
  id: z.number().int(),
  fromStatus: MemberStatus.nullable(),
  toStatus: MemberStatus,
  effectiveDate: z.string(),
  reason: z.string(),
  actorName: z.string().nullable(),
  /** The display name of the account that made the change, now; null when it is gone. */
  actorDisplayName: z.string().nullable(),
  at: z.string(),
});

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
    statusHistory: z.array(MemberStatusEvent),
    policies: z.object({ update: z.boolean(), changeStatus: z.boolean(), reveal: z.boolean() }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Member' });
export type MemberResponse = z.infer<typeof MemberResponse>;

export const MemberIdParams = z.object({ id: z.coerce.number().int().positive() });

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
