import { z } from 'zod';
import { PastDate } from '../common/dates';
import { IdParams, QueryId, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { YuanAmount } from '../hometown/money-amount';
import { CARE_VISIT_REASON_LABELS, CareVisitReason } from './enums';
import { CareNamed, CarePolicies, CareYearQuery } from './fields';

/** Contracts of visits (走访慰问). */

const CareVisitFields = {
  /** The member visited: one the actor may write care records for. */
  memberId: RecordId('慰问对象'),
  reason: CareVisitReason,
  /** The holiday (春节, 中秋 …): required for a holiday visit, refused otherwise. */
  holiday: OptionalText('节日', 20),
  visitedOn: PastDate('走访日期', '2000-01-01'),
  /** Who went, as written (二级党委书记 张某、李某). */
  visitors: Text('走访人', { min: 1, max: 200 }),
  /** What was brought, money or the goods' value, in 元 (0 or absent for nothing). */
  giftYuan: YuanAmount('慰问金额（物品折价）').optional(),
  note: OptionalText('备注', 2000, { multiline: true }),
};

export const CareVisitCreateBody = z.object(CareVisitFields);
export type CareVisitCreateBody = z.infer<typeof CareVisitCreateBody>;
export type CareVisitCreateInput = z.input<typeof CareVisitCreateBody>;

/** A change replaces the visit's content. */
export const CareVisitUpdateBody = z.object({ ...CareVisitFields, version: Version });
export type CareVisitUpdateBody = z.infer<typeof CareVisitUpdateBody>;

export const CareVisitIdParams = IdParams;

export const CareVisitListQuery = z.object({
  reason: CareVisitReason.optional(),
  /** Visited in this year. */
  year: CareYearQuery.optional(),
  /** Records kept in this org's subtree. */
  orgId: QueryId('党组织').optional(),
  memberId: QueryId('党员').optional(),
  limit: PageLimit(200, 20),
  cursor: PageCursor.optional(),
});
export type CareVisitListQuery = z.infer<typeof CareVisitListQuery>;

export const CareVisitExportQuery = CareVisitListQuery.omit({ limit: true, cursor: true });
export type CareVisitExportQuery = z.infer<typeof CareVisitExportQuery>;

export const CareVisitResponse = z
  .object({
    id: z.number().int(),
    member: CareNamed,
    org: CareNamed,
    reason: CareVisitReason,
    reasonLabel: z.string(),
    holiday: z.string().nullable(),
    visitedOn: z.string(),
    visitors: z.string(),
    giftFen: z.number().int(),
    note: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    policies: CarePolicies,
  })
  .meta({ id: 'CareVisit' });
export type CareVisitResponse = z.infer<typeof CareVisitResponse>;

export const CareVisitListResponse = pageOf(CareVisitResponse, z.string()).extend({
  totals: z.object({ count: z.number().int(), giftFen: z.number().int() }),
});
export type CareVisitListResponse = z.infer<typeof CareVisitListResponse>;

/** The ledger title of a visit: 「春节走访慰问」, 「生病住院走访慰问」. */
export function careVisitTitle(reason: CareVisitReason, holiday: string | null): string {
  if (reason === 'holiday' && holiday) return `${holiday}走访慰问`;
  if (reason === 'anniversary') return '政治生日走访';
  if (reason === 'other') return '走访慰问';
  return `${CARE_VISIT_REASON_LABELS[reason]}走访慰问`;
}
