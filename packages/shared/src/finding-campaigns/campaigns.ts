/** Finding campaigns: create, edit, list and read contracts, and the finders a campaign may name. */
import { z } from 'zod';
import { IsoDate } from '../common/dates';
import { DivisionCode, IdParams, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { Person } from './person';

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
