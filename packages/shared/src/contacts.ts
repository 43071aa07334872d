import { z } from 'zod';
import { PastDate } from './common/dates';
import { DivisionCode, PathId } from './common/ids';
import { PageCursor, PageLimit, pageOf } from './common/page';
import { OptionalText, Text } from './common/text';
import { MemberStatus } from './members/enums';

/**
 * Contact and lost contact (流动不流失): the contact log of a member (联系记录), the review flags
 * the daily lost-contact job raises (the system flags, the people decide), and the figures of the
 * home and host sides (双重管理).
 */

/** How the org was in touch: 电话, 走访, 微信, 短信, 会议; `note` for a note (备注) without a contact. */
export const CONTACT_METHODS = ['phone', 'visit', 'wechat', 'sms', 'meeting', 'note'] as const;
export const ContactMethod = z.enum(CONTACT_METHODS, { error: '联系方式不在可选范围内' });
export type ContactMethod = z.infer<typeof ContactMethod>;
export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  phone: '电话',
  visit: '走访',
  wechat: '微信',
  sms: '短信',
  meeting: '会议',
  note: '备注',
};

/** What came of it: 联系上, 未联系上; `note` for a note. */
export const CONTACT_RESULTS = ['reached', 'not_reached', 'note'] as const;
export const ContactResult = z.enum(CONTACT_RESULTS, { error: '联系结果不在可选范围内' });
export type ContactResult = z.infer<typeof ContactResult>;
export const CONTACT_RESULT_LABELS: Record<ContactResult, string> = {
  reached: '已联系上',
  not_reached: '未联系上',
  note: '备注',
};

/** Which side wrote the entry: the committee's own staff, the home side (流出地) or the host side (流入地). */
export const CONTACT_SIDES = ['committee', 'home', 'host'] as const;
export const ContactSide = z.enum(CONTACT_SIDES);
export type ContactSide = z.infer<typeof ContactSide>;
export const CONTACT_SIDE_LABELS: Record<ContactSide, string> = {
  committee: '流动党委',
  home: '流出地',
  host: '流入地',
};

export const CONTACT_NOTE_MAX = 500;

/**
 * A contact-log entry: a contact (method phone … meeting, result reached or not) or a note
 * (method and result `note`, the text required).
 */
export const ContactCreateBody = z
  .object({
    contactedOn: PastDate('联系日期', '2000-01-01'),
    method: ContactMethod,
    result: ContactResult,
    note: OptionalText('备注', CONTACT_NOTE_MAX, { multiline: true }),
  })
  .superRefine((b, ctx) => {
    if ((b.method === 'note') !== (b.result === 'note'))
      ctx.addIssue({
        code: 'custom',
        path: ['result'],
        message: b.method === 'note' ? '备注的结果应为“备注”' : '请选择联系结果（已联系上或未联系上）',
      });
    if (b.method === 'note' && !b.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: '请填写备注' });
  });
export type ContactCreateBody = z.infer<typeof ContactCreateBody>;
export type ContactCreateInput = z.input<typeof ContactCreateBody>;

/** Contact entries are numbered by a bigint column. */
export const ContactListQuery = z.object({
  limit: PageLimit(100, 20),
  cursor: PageCursor.optional(),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export const ContactItem = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  contactedOn: z.string(),
  method: ContactMethod,
  result: ContactResult,
  note: z.string().nullable(),
  side: ContactSide,
  /** Who wrote it (the account's display name now). */
  by: z.object({ id: z.number().int(), name: z.string().nullable() }).nullable(),
  createdAt: z.string(),
});
export type ContactItem = z.infer<typeof ContactItem>;

export const ContactListResponse = pageOf(ContactItem, z.string())
  .extend({
    /** The member's last contact date (from the log and the member's own updates). */
    lastContactAt: z.string().nullable(),
    /** Whether the user may add entries for this member. */
    canWrite: z.boolean(),
  })
  .meta({ id: 'MemberContacts' });
export type ContactListResponse = z.infer<typeof ContactListResponse>;

/**
 * Review flags (review tasks, never status changes): 待核实 (no contact for the set days),
 * 自行脱党审查 (6 months without Party life), 停止党籍审查 (a full member unreachable 6 months),
 * 除名审查 (suspended or lost 2 years without contact).
 */
export const FLAG_KINDS = ['no_contact', 'dropout', 'suspend', 'remove'] as const;
export const FlagKind = z.enum(FLAG_KINDS, { error: '提示类型不在可选范围内' });
export type FlagKind = z.infer<typeof FlagKind>;
export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  no_contact: '长期未联系（待核实）',
  dropout: '自行脱党审查',
  suspend: '停止党籍审查',
  remove: '除名审查',
};

export const FLAG_STATES = ['open', 'resolved'] as const;
export const FlagState = z.enum(FLAG_STATES, { error: '状态不在可选范围内' });
export type FlagState = z.infer<typeof FlagState>;

export const FlagListQuery = z.object({
  kind: FlagKind.optional(),
  state: FlagState.default('open'),
  /** Members of a home county (流出地). */
  homeCounty: DivisionCode.optional(),
  limit: PageLimit(100, 50),
  cursor: PageCursor.optional(),
});
export type FlagListQuery = z.infer<typeof FlagListQuery>;

/** The member a flag or a list row is about, with where they are and when they were last reached. */
export const ContactMemberSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  status: MemberStatus,
  orgName: z.string(),
  homeCounty: z.string().nullable(),
  homeCountyName: z.string().nullable(),
  hostDistrict: z.string().nullable(),
  hostDistrictName: z.string().nullable(),
  lastContactAt: z.string().nullable(),
});
export type ContactMemberSummary = z.infer<typeof ContactMemberSummary>;

export const FlagItem = z.object({
  id: z.number().int(),
  kind: FlagKind,
  raisedOn: z.string(),
  /** The member's last contact date when the flag was raised. */
  lastContactOn: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
  member: ContactMemberSummary,
  /** Whether the user may resolve it (the secretaries over the member, the office). */
  canResolve: z.boolean(),
});
export type FlagItem = z.infer<typeof FlagItem>;

export const FlagListResponse = pageOf(FlagItem, z.string()).meta({ id: 'MemberFlags' });
export type FlagListResponse = z.infer<typeof FlagListResponse>;

export const FlagIdParams = z.object({ id: PathId() });

export const FlagResolveBody = z.object({
  resolution: Text('处理意见', { min: 2, max: CONTACT_NOTE_MAX, multiline: true }),
});
export type FlagResolveBody = z.infer<typeof FlagResolveBody>;

/** Days counted as "contacted recently" in the overview. */
export const RECENT_CONTACT_DAYS = 90;

export const OverviewCount = z.object({ key: z.string(), name: z.string(), count: z.number().int() });
export type OverviewCount = z.infer<typeof OverviewCount>;

/** The figures of the actor's scope for 双重管理: by status, host district, home county; recent contact. */
export const ContactsOverviewResponse = z
  .object({
    total: z.number().int(),
    byStatus: z.array(OverviewCount),
    byHostDistrict: z.array(OverviewCount),
    byHomeCounty: z.array(OverviewCount),
    /** Members whose last contact is within RECENT_CONTACT_DAYS days. */
    contactedRecently: z.number().int(),
    recentDays: z.number().int(),
    /** Open review flags of members in scope. */
    openFlags: z.number().int(),
  })
  .meta({ id: 'ContactsOverview' });
export type ContactsOverviewResponse = z.infer<typeof ContactsOverviewResponse>;
