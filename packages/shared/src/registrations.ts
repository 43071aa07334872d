import { z } from 'zod';
import { NewPassword } from './auth';
import { PARTY_FOUNDED, PastDate } from './common/dates';
import { DivisionCode, IdParams, QueryInt, RecordId, Version } from './common/ids';
import { PageCursor, pageOf } from './common/page';
import { OptionalText, Text } from './common/text';
import { checkIdAgainst, parseIdNumber } from './members/id-number';
import { parsePhone } from './members/phone';

/**
 * 党员找组织: a member's self-registration from the public page (no login), its status check,
 * and the committee's review queue (accept, return, duplicate).
 */

export const REGISTRATION_STATES = ['submitted', 'accepted', 'returned', 'duplicate'] as const;
export const RegistrationState = z.enum(REGISTRATION_STATES);
export type RegistrationState = z.infer<typeof RegistrationState>;

export const REGISTRATION_STATE_LABELS: Record<RegistrationState, string> = {
  submitted: '待审核',
  accepted: '已接收',
  returned: '已退回',
  duplicate: '重复登记',
};

/**
 * The consent text the public page shows beside the tick (PIPL art. 29: separate consent to
 * the processing of sensitive personal information); a registration stores the version seen.
 * A changed text gets a new version.
 */
export const CONSENT_VERSION = '2025-01';
export const CONSENT_TEXT =
  '我同意中共张家口市驻京流动党员联合委员会为接转组织关系、开展党员教育管理服务的需要，收集和使用我填写的个人信息，其中身份证号、手机号属于敏感个人信息。' +
  '上述信息仅用于党员身份核实、编入党组织和与我联系，身份证号和手机号加密保存，不向无关单位和个人提供。' +
  '我可以随时联系所属党组织查阅、更正我的信息或撤回同意。';

/** The challenge (图形验证码) a public form carries: the token the server issued and the answer typed. */
const ChallengeFields = {
  challengeToken: z
    .string()
    .min(1, '请获取验证码')
    .max(1000, '验证码已失效，请刷新')
    .meta({ format: 'challenge' }),
  challengeAnswer: Text('验证码', { min: 1, max: 10, minMessage: '请输入图中的验证码' }),
};

export const ChallengeResponse = z.object({
  /** Signed, expiring; sent back with the answer. */
  token: z.string(),
  /** The picture, as SVG markup. */
  svg: z.string(),
  expiresAt: z.string(),
});
export type ChallengeResponse = z.infer<typeof ChallengeResponse>;

const IdNumberField = Text('身份证号', { min: 1, max: 40, minMessage: '请填写身份证号' }).meta({
  format: 'cn-resident-id',
});
const PhoneField = Text('手机号', { min: 1, max: 30, minMessage: '请填写手机号' }).meta({
  format: 'cn-mobile',
});

/** The fields a person fills in on the public page (the form checks them with this schema too). */
export const RegistrationFields = z.object({
  name: Text('姓名', { min: 2, max: 30, minMessage: '请填写姓名（至少 2 个字）' }),
  idNumber: IdNumberField,
  phone: PhoneField,
  homeCounty: DivisionCode.meta({ description: '流出地县（区）代码' }),
  homeOrg: Text('原党组织', { min: 2, max: 100, minMessage: '请填写原所在党组织' }),
  joinedAt: PastDate('入党日期', PARTY_FOUNDED).nullable().optional(),
  hostDistrict: DivisionCode.meta({ description: '在京居住区代码' }),
  hostAddress: Text('在京居住地址', { min: 2, max: 200, minMessage: '请填写在京居住地址' }),
  employer: OptionalText('工作单位', 100),
  consent: z.literal(true, { error: '请阅读并勾选同意个人信息处理' }),
  consentVersion: z.literal(CONSENT_VERSION, { error: '同意书已更新，请刷新页面后重新勾选' }),
});
export type RegistrationFields = z.infer<typeof RegistrationFields>;

/** The rules between fields: a valid ID number and phone, 18 at joining. */
export function registrationIssues(r: {
  idNumber?: string | undefined;
  phone?: string | undefined;
  joinedAt?: string | null | undefined;
}): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  // An empty value is its field's own fault (`请填写…`): said once.
  if (r.idNumber?.trim()) {
    const id = parseIdNumber(r.idNumber);
    if (!id.ok) issues.push({ field: 'idNumber', message: id.message });
    else
      for (const c of checkIdAgainst(id.value, { joinedAt: r.joinedAt ?? null }))
        issues.push({ field: c.field, message: c.message });
  }
  if (r.phone?.trim()) {
    const phone = parsePhone(r.phone);
    if (!phone.ok) issues.push({ field: 'phone', message: phone.message });
  }
  return issues;
}

const checkFields = (r: Parameters<typeof registrationIssues>[0], ctx: z.RefinementCtx) => {
  for (const i of registrationIssues(r))
    ctx.addIssue({ code: 'custom', path: [i.field], message: i.message });
};

/** The form as the page checks it (without the challenge, which the page adds when sending). */
export const RegistrationForm = RegistrationFields.superRefine(checkFields);

export const RegistrationSubmitBody = RegistrationFields.extend(ChallengeFields).superRefine(checkFields);
export type RegistrationSubmitBody = z.infer<typeof RegistrationSubmitBody>;
export type RegistrationSubmitInput = z.input<typeof RegistrationSubmitBody>;

/** The same answer for every accepted submission: it tells nothing about who is already a member. */
export const RegistrationSubmitResponse = z.object({ state: z.literal('submitted'), message: z.string() });
export type RegistrationSubmitResponse = z.infer<typeof RegistrationSubmitResponse>;

export const RegistrationStatusBody = z
  .object({ idNumber: IdNumberField, phone: PhoneField, ...ChallengeFields })
  .superRefine((r, ctx) => checkFields({ idNumber: r.idNumber, phone: r.phone }, ctx));
export type RegistrationStatusBody = z.infer<typeof RegistrationStatusBody>;

export const RegistrationStatusResponse = z.object({
  state: RegistrationState,
  stateLabel: z.string(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** For a returned registration: why. */
  reason: z.string().nullable(),
  /** For an accepted one: the committee (二级流动党委) and the branch that took the member in. */
  committeeName: z.string().nullable(),
  branchName: z.string().nullable(),
  /** Whom to contact: the reviewing committee. */
  contact: z.string().nullable(),
});
export type RegistrationStatusResponse = z.infer<typeof RegistrationStatusResponse>;

// ---- the review queue ----

export const RegistrationListQuery = z.object({
  state: RegistrationState.default('submitted'),
  limit: QueryInt('每页条数', 1, 100).default(20),
  cursor: PageCursor.optional(),
});
export type RegistrationListQuery = z.infer<typeof RegistrationListQuery>;

export const RegistrationListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  age: z.number().int().nullable(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  homeCounty: z.string(),
  homeCountyName: z.string().nullable(),
  homeOrg: z.string(),
  hostDistrict: z.string(),
  hostDistrictName: z.string().nullable(),
  employer: z.string().nullable(),
  reviewOrgId: z.number().int(),
  reviewOrgName: z.string(),
  state: RegistrationState,
  submittedAt: z.string(),
  /** Whole days since submission (until the decision, for a decided one): the SLA. */
  daysWaiting: z.number().int(),
  version: z.number().int(),
});
export type RegistrationListItem = z.infer<typeof RegistrationListItem>;

export const RegistrationListResponse = pageOf(RegistrationListItem, z.string());
export type RegistrationListResponse = z.infer<typeof RegistrationListResponse>;

export const RegistrationResponse = RegistrationListItem.extend({
  birthDate: z.string().nullable(),
  joinedAt: z.string().nullable(),
  hostAddress: z.string().nullable(),
  consentAt: z.string(),
  consentVersion: z.string(),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  /** The member record it became or duplicates, when the reviewer may read it. */
  member: z.object({ id: z.number().int(), name: z.string(), orgName: z.string() }).nullable(),
  /** A member with the same ID number exists (accept would be refused: mark it as a duplicate). */
  existingMember: z.boolean(),
  policies: z.object({ decide: z.boolean() }),
}).meta({ id: 'Registration' });
export type RegistrationResponse = z.infer<typeof RegistrationResponse>;

export const RegistrationIdParams = IdParams;

export const RegistrationAcceptBody = z.object({
  /** The branch the member is placed in: inside the reviewer's scope. */
  orgId: RecordId('所在支部'),
  /** Required when the registration gave none. */
  joinedAt: PastDate('入党日期', PARTY_FOUNDED).nullable().optional(),
  /** The first password of the member's login (the username is the phone), changed at first sign-in. */
  password: NewPassword,
  version: Version,
});
export type RegistrationAcceptBody = z.infer<typeof RegistrationAcceptBody>;

export const RegistrationReturnBody = z.object({
  reason: Text('退回原因', { min: 2, max: 500, multiline: true, minMessage: '请填写退回原因' }),
  version: Version,
});
export type RegistrationReturnBody = z.infer<typeof RegistrationReturnBody>;

export const RegistrationDuplicateBody = z.object({ version: Version });
export type RegistrationDuplicateBody = z.infer<typeof RegistrationDuplicateBody>;
