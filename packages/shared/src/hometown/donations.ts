import { z } from 'zod';
import { PastDate } from '../common/dates';
import { IdParams, QueryId, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { DonationKind, DonationPurpose, DonorKind } from './enums';
import { County, HomeCounty, LedgerPolicies, LedgerYearQuery, Named } from './fields';
import { YuanAmount } from './money-amount';

/** Contracts of donations (捐赠): funds, or goods with their items; the honour roll. */

/** A quantity of goods: up to 12 digits with two decimals, as text or a number. */
const Quantity = z
  .string({ error: '数量应为文字，如 "120"' })
  .regex(/^\d{1,10}(\.\d{1,2})?$/, { message: '数量应为数字，最多两位小数', abort: true })
  .refine((v) => Number(v) > 0, '数量应大于 0');

export const DonationItemBody = z.object({
  name: Text('物资名称', { min: 1, max: 100 }),
  quantity: Quantity,
  unit: Text('单位', { min: 1, max: 10 }),
  /** The item's value (估值) in 元. */
  valueYuan: YuanAmount('物资估值', { positive: true }),
});
export type DonationItemBody = z.infer<typeof DonationItemBody>;

const DonationFields = {
  donorKind: DonorKind,
  /** The donor member (donorKind member): the member gets a ledger entry. */
  donorMemberId: RecordId('捐赠党员').nullable().optional(),
  /** The donor org (donorKind org). */
  donorOrgId: RecordId('捐赠组织').nullable().optional(),
  /** The enterprise's name (donorKind enterprise); for a member or org their name is taken. */
  donorName: OptionalText('捐赠方名称', 100),
  kind: DonationKind,
  /** Funds: the amount in 元. Goods: left out; the sum of the items' values. */
  amountYuan: YuanAmount('捐赠金额', { positive: true }).optional(),
  items: z.array(DonationItemBody, { error: '物资清单应为列表' }).max(100, '物资最多 100 项').default([]),
  purpose: DonationPurpose,
  countyCode: HomeCounty,
  recipient: OptionalText('受赠单位（学校、村等）', 100),
  donatedOn: PastDate('捐赠日期', '2000-01-01'),
  note: OptionalText('备注', 2000, { multiline: true }),
};

export const DonationCreateBody = z.object({ ...DonationFields, orgId: RecordId('填报组织') });
export type DonationCreateBody = z.infer<typeof DonationCreateBody>;
export type DonationCreateInput = z.input<typeof DonationCreateBody>;

/** A change replaces the donation's content (a small record: the editor sends it whole). */
export const DonationUpdateBody = z.object({ ...DonationFields, version: Version });
export type DonationUpdateBody = z.infer<typeof DonationUpdateBody>;
export type DonationUpdateInput = z.input<typeof DonationUpdateBody>;

export const DonationIdParams = IdParams;

export const DonationListQuery = z.object({
  countyCode: HomeCounty.optional(),
  purpose: DonationPurpose.optional(),
  kind: DonationKind.optional(),
  donorKind: DonorKind.optional(),
  /** Donated in this year. */
  year: LedgerYearQuery.optional(),
  orgId: QueryId('填报组织').optional(),
  q: Text('关键词', { max: 30 }).optional(),
  limit: PageLimit(200, 20),
  cursor: PageCursor.optional(),
});
export type DonationListQuery = z.infer<typeof DonationListQuery>;

/** The list's filters, for its .xlsx export. */
export const DonationExportQuery = DonationListQuery.omit({ limit: true, cursor: true });
export type DonationExportQuery = z.infer<typeof DonationExportQuery>;

export const DonationItemResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  quantity: z.string(),
  unit: z.string(),
  valueFen: z.number().int(),
});

export const DonationResponse = z
  .object({
    id: z.number().int(),
    donorKind: DonorKind,
    donorKindLabel: z.string(),
    donorName: z.string(),
    donorMemberId: z.number().int().nullable(),
    donorOrgId: z.number().int().nullable(),
    kind: DonationKind,
    kindLabel: z.string(),
    amountFen: z.number().int(),
    purpose: DonationPurpose,
    purposeLabel: z.string(),
    county: County,
    recipient: z.string().nullable(),
    donatedOn: z.string(),
    note: z.string().nullable(),
    items: z.array(DonationItemResponse),
    org: Named,
    version: z.number().int(),
    createdAt: z.string(),
    policies: LedgerPolicies,
  })
  .meta({ id: 'HometownDonation' });
export type DonationResponse = z.infer<typeof DonationResponse>;

export const DonationListResponse = pageOf(DonationResponse, z.string()).extend({
  totals: z.object({ count: z.number().int(), amountFen: z.number().int() }),
});
export type DonationListResponse = z.infer<typeof DonationListResponse>;

export const HonourRollQuery = z.object({
  year: LedgerYearQuery.optional(),
  purpose: DonationPurpose.optional(),
  countyCode: HomeCounty.optional(),
  limit: PageLimit(100, 20),
});
export type HonourRollQuery = z.infer<typeof HonourRollQuery>;

/** The honour roll (捐赠光荣榜): donors by the sum of their gifts, largest first. */
export const HonourRollResponse = z.object({
  items: z.array(
    z.object({
      rank: z.number().int(),
      donorKind: DonorKind,
      donorKindLabel: z.string(),
      donorName: z.string(),
      donations: z.number().int(),
      amountFen: z.number().int(),
      lastDonatedOn: z.string(),
    }),
  ),
});
export type HonourRollResponse = z.infer<typeof HonourRollResponse>;
