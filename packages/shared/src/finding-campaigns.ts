import { z } from 'zod';
import { eachDay, localIsoDate } from './common/calendar';
import { IsoDate, PastDate } from './common/dates';
import { DivisionCode, IdParams, QueryId, RecordId, Version } from './common/ids';
import { PageCursor, PageLimit, pageOf } from './common/page';
import { OptionalText, Text } from './common/text';
import { parseIdNumber } from './members/id-number';
import { MemberCreateBody } from './members/members';
import { parsePhone } from './members/phone';

/**
 * 组织找党员: finding campaigns (寻找党员行动), their leads (线索) and the visits of the finders
 * (工作组) who work them, on a phone. A lead moves new → contacted → visited → found | not_member
 * | not_found; a found lead names the member record it created or linked.
 */

// ── lead states ────────────────────────────────────────────────────────────────────────────────

export const LEAD_STATES = ['new', 'contacted', 'visited', 'found', 'not_member', 'not_found'] as const;
export const LeadState = z.enum(LEAD_STATES, { error: '不是有效的线索状态' });
export type LeadState = z.infer<typeof LeadState>;

export const LEAD_STATE_LABELS: Record<LeadState, string> = {
  new: '待联系',
  contacted: '已联系',
  visited: '已走访',
  found: '已找到',
  not_member: '非党员',
  not_found: '未找到',
};

/** The states a lead is still being worked in (open leads). */
export const OPEN_LEAD_STATES = ['new', 'contacted', 'visited'] as const satisfies readonly LeadState[];

/**
 * Which state may follow which: forward through contact and visit (a step may be skipped: a
 * first visit can find the member), to one of the three ends. `found` is reached only by marking
 * the lead found (with the member record), never by a visit log. An end is final; a lead closed
 * by mistake is corrected by a new lead.
 */
export const LEAD_TRANSITIONS: Record<LeadState, readonly LeadState[]> = {
  new: ['contacted', 'visited', 'found', 'not_member', 'not_found'],
  contacted: ['contacted', 'visited', 'found', 'not_member', 'not_found'],
  visited: ['visited', 'found', 'not_member', 'not_found'],
  found: [],
  not_member: [],
  not_found: [],
};

/** Whether a lead in `from` may move to `to` (staying in contacted or visited is a further visit). */
export function leadTransitionAllowed(from: LeadState, to: LeadState): boolean {
  return LEAD_TRANSITIONS[from].includes(to);
}

export const isOpenLead = (state: LeadState) => (OPEN_LEAD_STATES as readonly string[]).includes(state);

/** Where a lead came from. `lost_contact` is a 失联 member of the base turned into a lead. */
export const LEAD_SOURCES = [
  'member_tip',
  'employer',
  'hometown_list',
  'street_office',
  'lost_contact',
  'other',
] as const;
export const LeadSource = z.enum(LEAD_SOURCES, { error: '不是有效的线索来源' });
export type LeadSource = z.infer<typeof LeadSource>;
export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  member_tip: '党员提供',
  employer: '用工单位',
  hometown_list: '家乡名单',
  street_office: '街道社区',
  lost_contact: '失联党员',
  other: '其他',
};

export const VISIT_METHODS = ['phone', 'visit', 'wechat'] as const;
export const VisitMethod = z.enum(VISIT_METHODS, { error: '联系方式应为电话、上门或微信' });
export type VisitMethod = z.infer<typeof VisitMethod>;
export const VISIT_METHOD_LABELS: Record<VisitMethod, string> = {
  phone: '电话',
  visit: '上门走访',
  wechat: '微信',
};

// ── campaigns ──────────────────────────────────────────────────────────────────────────────────

const Districts = z
  .array(DivisionCode)
  .max(30, '区县不能超过 30 个')
  .refine((d) => new Set(d).size === d.length, '区县有重复')
  .default([]);
const Finders = z
  .array(RecordId('寻访人员'))
  .max(200, '寻访人员不能超过 200 人')
  .refine((d) => new Set(d).size === d.length, '寻访人员有重复')
  .default([]);

const CampaignFields = z.object({
  name: Text('行动名称', { min: 2, max: 60, minMessage: '请填写行动名称（至少 2 个字）' }),
  orgId: RecordId('组织单位'),
  startsOn: IsoDate('开始日期'),
  endsOn: IsoDate('结束日期'),
  targetCount: z
    .number({ error: '目标人数应为数字' })
    .int('目标人数应为整数')
    .min(1, '目标人数至少为 1')
    .max(1_000_000, '目标人数超出范围'),
  districts: Districts,
  areaNote: OptionalText('重点区域', 500, { multiline: true }),
  notes: OptionalText('备注', 1000, { multiline: true }),
  finderIds: Finders,
});

const periodRule = (c: { startsOn?: string | undefined; endsOn?: string | undefined }) =>
  !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn;
const PERIOD_RULE = { message: '结束日期不能早于开始日期', path: ['endsOn'] };

export const CampaignCreateBody = CampaignFields.refine(periodRule, PERIOD_RULE);
export type CampaignCreateBody = z.infer<typeof CampaignCreateBody>;
export type CampaignCreateInput = z.input<typeof CampaignCreateBody>;

export const CampaignUpdateBody = CampaignFields.omit({ orgId: true })
  .partial()
  .extend({ version: Version })
  .refine(periodRule, PERIOD_RULE);
export type CampaignUpdateBody = z.infer<typeof CampaignUpdateBody>;

export const CampaignListQuery = z.object({
  limit: PageLimit(100, 30),
  cursor: PageCursor.optional(),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuery>;

const Person = z.object({ id: z.number().int(), name: z.string() });

export const CampaignCounts = z.object({
  leads: z.number().int(),
  open: z.number().int(),
  found: z.number().int(),
  unassigned: z.number().int(),
});

export const CampaignListItem = z.object({
  id: z.number().int(),
  name: z.string(),
  org: Person,
  startsOn: z.string(),
  endsOn: z.string(),
  targetCount: z.number().int(),
  districts: z.array(z.string()),
  counts: CampaignCounts,
});
export type CampaignListItem = z.infer<typeof CampaignListItem>;

export const CampaignListResponse = pageOf(CampaignListItem, z.string());
export type CampaignListResponse = z.infer<typeof CampaignListResponse>;

export const CampaignResponse = CampaignListItem.extend({
  districtNames: z.array(z.string()),
  areaNote: z.string().nullable(),
  notes: z.string().nullable(),
  finders: z.array(Person),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'FindingCampaign' });
export type CampaignResponse = z.infer<typeof CampaignResponse>;

export const CampaignIdParams = IdParams;
export const LeadIdParams = IdParams;

/** Accounts holding the role finder that a campaign of the actor may name. */
export const FinderListResponse = z.object({ items: z.array(Person) });
export type FinderListResponse = z.infer<typeof FinderListResponse>;

// ── leads ──────────────────────────────────────────────────────────────────────────────────────

/** The person-finding fields of a lead: at least a name; phone and ID number checked like a member's. */
const LeadFields = z.object({
  name: Text('姓名', { min: 2, max: 30 }),
  phone: OptionalText('手机号', 30).meta({ format: 'cn-mobile' }),
  idNumber: OptionalText('身份证号', 40).meta({ format: 'cn-resident-id' }),
  homeCounty: DivisionCode.nullable().optional(),
  hostDistrict: DivisionCode.nullable().optional(),
  workplace: OptionalText('工作单位', 100),
  address: OptionalText('住址', 200),
  clue: OptionalText('线索说明', 500, { multiline: true }),
});

/** What is wrong with a lead's phone or ID number, by field (the rules of a member record). */
export function leadIssues(l: { phone?: string | null | undefined; idNumber?: string | null | undefined }) {
  const issues: { field: 'phone' | 'idNumber'; code: string; message: string }[] = [];
  if (l.phone) {
    const p = parsePhone(l.phone);
    if (!p.ok) issues.push({ field: 'phone', code: p.code, message: p.message });
  }
  if (l.idNumber) {
    const id = parseIdNumber(l.idNumber);
    if (!id.ok) issues.push({ field: 'idNumber', code: id.code, message: id.message });
  }
  return issues;
}

const checkLead = (l: Parameters<typeof leadIssues>[0], ctx: z.RefinementCtx) => {
  for (const i of leadIssues(l))
    ctx.addIssue({ code: 'custom', path: [i.field], message: i.message, params: { code: i.code } });
};

export const LeadCreateFields = LeadFields.extend({
  source: LeadSource.exclude(['lost_contact']).default('other'),
  finderId: RecordId('寻访人员').nullable().optional(),
});

/**
 * A new lead: a person to look for (a name at least), or a 失联 member of the base (`memberId`:
 * the lead takes the member's name and places, with source lost_contact).
 */
export const LeadCreateBody = LeadCreateFields.partial({ name: true })
  .extend({ memberId: RecordId('党员').optional() })
  .superRefine((l, ctx) => {
    if (l.memberId === undefined && !l.name)
      ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写姓名' });
    checkLead(l, ctx);
  });
export type LeadCreateBody = z.infer<typeof LeadCreateBody>;
export type LeadCreateInput = z.input<typeof LeadCreateBody>;

export const LeadUpdateBody = LeadFields.partial()
  .extend({ finderId: RecordId('寻访人员').nullable().optional(), version: Version })
  .superRefine(checkLead);
export type LeadUpdateBody = z.infer<typeof LeadUpdateBody>;

export const LeadListQuery = z.object({
  state: LeadState.optional(),
  /** A finder's id, or `none` for leads without one. */
  finder: z.union([z.literal('none'), QueryId('寻访人员')]).optional(),
  district: DivisionCode.optional(),
  q: Text('姓名', { max: 30 }).optional(),
  limit: PageLimit(200, 50),
  cursor: PageCursor.optional(),
});
export type LeadListQuery = z.infer<typeof LeadListQuery>;

export const MyLeadsQuery = z.object({
  /** open (default): the leads still being worked; closed: those that ended; all. */
  show: z.enum(['open', 'closed', 'all']).default('open'),
  limit: PageLimit(200, 50),
  cursor: PageCursor.optional(),
});
export type MyLeadsQuery = z.infer<typeof MyLeadsQuery>;

export const LeadListItem = z.object({
  id: z.number().int(),
  campaign: Person,
  name: z.string(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  homeCounty: z.string().nullable(),
  homeCountyName: z.string().nullable(),
  hostDistrict: z.string().nullable(),
  hostDistrictName: z.string().nullable(),
  workplace: z.string().nullable(),
  address: z.string().nullable(),
  source: LeadSource,
  state: LeadState,
  finder: Person.nullable(),
  memberId: z.number().int().nullable(),
  foundOn: z.string().nullable(),
  lastVisitOn: z.string().nullable(),
});
export type LeadListItem = z.infer<typeof LeadListItem>;

export const LeadListResponse = pageOf(LeadListItem, z.string());
export type LeadListResponse = z.infer<typeof LeadListResponse>;

export const VisitResponse = z.object({
  id: z.number().int(),
  visitedOn: z.string(),
  method: VisitMethod,
  note: z.string().nullable(),
  stateAfter: LeadState,
  finder: Person.nullable(),
  createdAt: z.string(),
});
export type VisitResponse = z.infer<typeof VisitResponse>;

export const LeadResponse = LeadListItem.extend({
  clue: z.string().nullable(),
  /** The full phone for the assigned finder (the call link); null for anyone else. */
  phone: z.string().nullable(),
  visits: z.array(VisitResponse),
  /** Where a member found on this lead may be placed: the campaign's org and the open orgs below it. */
  placements: z.array(Person),
  campaignOrgId: z.number().int(),
  policies: z.object({
    /** Assign a finder, edit (a manager). */
    update: z.boolean(),
    /** Log a visit, mark found (the assigned finder, while the lead is open). */
    work: z.boolean(),
  }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'FindingLead' });
export type LeadResponse = z.infer<typeof LeadResponse>;

export const VisitCreateBody = z.object({
  visitedOn: PastDate('联系日期'),
  method: VisitMethod,
  note: OptionalText('情况记录', 1000, { multiline: true }),
  /** The lead's state after this visit; found is recorded by marking the lead found. */
  stateAfter: LeadState.exclude(['new', 'found'], { error: '结果应为已联系、已走访、非党员或未找到' }),
  version: Version,
});
export type VisitCreateBody = z.infer<typeof VisitCreateBody>;

/**
 * Marking a lead found: create the member record (the members rules apply; the record's source is
 * 组织寻找 and it is placed in the campaign's org or an org below it), or link the record that
 * exists — the lead's own member (a 失联 member's lead), or the one with this ID number.
 */
export const LeadFoundBody = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('create'),
    foundOn: PastDate('找到日期'),
    member: MemberCreateBody,
    version: Version,
  }),
  z.object({
    mode: z.literal('link'),
    foundOn: PastDate('找到日期'),
    /** The ID number of the existing record; absent for a lead that names its member already. */
    idNumber: OptionalText('身份证号', 40),
    version: Version,
  }),
]);
export type LeadFoundBody = z.infer<typeof LeadFoundBody>;
export type LeadFoundInput = z.input<typeof LeadFoundBody>;

// ── import ─────────────────────────────────────────────────────────────────────────────────────

/** What one imported row becomes: the lead fields as the import parses them. */
export const LeadImportRow = LeadCreateFields.omit({ finderId: true }).superRefine(checkLead);
export type LeadImportRow = z.infer<typeof LeadImportRow>;

// ── progress ───────────────────────────────────────────────────────────────────────────────────

export const ProgressResponse = z.object({
  campaign: z.object({
    id: z.number().int(),
    name: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    targetCount: z.number().int(),
  }),
  totals: z.object({
    leads: z.number().int(),
    found: z.number().int(),
    open: z.number().int(),
    notMember: z.number().int(),
    notFound: z.number().int(),
  }),
  /** Each day of the period (to today or the period's end, whichever is first) with leads found that day and in all. */
  daily: z.array(z.object({ day: z.string(), found: z.number().int(), cumulative: z.number().int() })),
  byDistrict: z.array(
    z.object({
      district: z.string().nullable(),
      name: z.string(),
      leads: z.number().int(),
      found: z.number().int(),
    }),
  ),
  byFinder: z.array(
    z.object({
      finder: Person.nullable(),
      leads: z.number().int(),
      open: z.number().int(),
      found: z.number().int(),
      visits: z.number().int(),
    }),
  ),
});
export type ProgressResponse = z.infer<typeof ProgressResponse>;

/**
 * The cumulative curve of found leads over the days of a period: every day from the start to
 * the end (or today, if earlier), with what was found that day and in all until then. Leads
 * found before the start count on the first day; after the last day shown, on the last.
 */
export function cumulativeFound(
  startsOn: string,
  endsOn: string,
  foundPerDay: readonly { day: string; found: number }[],
  today = localIsoDate(new Date()),
): { day: string; found: number; cumulative: number }[] {
  const last = endsOn < today ? endsOn : today < startsOn ? startsOn : today;
  const days = eachDay(startsOn, last);
  const perDay = new Map<string, number>();
  for (const { day, found } of foundPerDay) {
    let key = day;
    if (key < startsOn) key = startsOn;
    if (key > last) key = last;
    perDay.set(key, (perDay.get(key) ?? 0) + found);
  }
  let total = 0;
  return days.map((day) => {
    const found = perDay.get(day) ?? 0;
    total += found;
    return { day, found, cumulative: total };
  });
}
