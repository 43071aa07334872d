/** A campaign's leads: create, edit, list and read contracts, the finder's visit and found bodies, the import row. */
import { z } from 'zod';
import { PastDate } from '../common/dates';
import { DivisionCode, QueryId, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { parseIdNumber } from '../members/id-number';
import { MemberCreateBody } from '../members/members';
import { parsePhone } from '../members/phone';
import { Person } from './person';
import { LeadSource, LeadState, VisitMethod } from './states';

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

/** What one imported row becomes: the lead fields as the import parses them. */
export const LeadImportRow = LeadCreateFields.omit({ finderId: true }).superRefine(checkLead);
export type LeadImportRow = z.infer<typeof LeadImportRow>;
