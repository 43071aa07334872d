import { z } from 'zod';
import { PastDate } from '../common/dates';
import { IdParams, QueryId, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { YuanAmount } from '../hometown/money-amount';
import { CareHelpKind } from './enums';
import { CareNamed, CarePolicies, CareYearQuery } from './fields';

/** Contracts of hardship help (困难帮扶). */

const CareHelpFields = {
  memberId: RecordId('帮扶对象'),
  kind: CareHelpKind,
  /** Money, or the goods' value, in 元: required above 0 for money and goods; 0 or absent for a service. */
  amountYuan: YuanAmount('帮扶金额（物资折价）').optional(),
  givenOn: PastDate('帮扶日期', '2000-01-01'),
  reason: Text('帮扶事由', { min: 1, max: 200 }),
  note: OptionalText('备注', 2000, { multiline: true }),
};

export const CareHelpCreateBody = z.object(CareHelpFields);
export type CareHelpCreateBody = z.infer<typeof CareHelpCreateBody>;
export type CareHelpCreateInput = z.input<typeof CareHelpCreateBody>;

export const CareHelpUpdateBody = z.object({ ...CareHelpFields, version: Version });
export type CareHelpUpdateBody = z.infer<typeof CareHelpUpdateBody>;

export const CareHelpIdParams = IdParams;

export const CareHelpListQuery = z.object({
  kind: CareHelpKind.optional(),
  year: CareYearQuery.optional(),
  orgId: QueryId('党组织').optional(),
  memberId: QueryId('党员').optional(),
  limit: PageLimit(200, 20),
  cursor: PageCursor.optional(),
});
export type CareHelpListQuery = z.infer<typeof CareHelpListQuery>;

export const CareHelpExportQuery = CareHelpListQuery.omit({ limit: true, cursor: true });
export type CareHelpExportQuery = z.infer<typeof CareHelpExportQuery>;

export const CareHelpResponse = z
  .object({
    id: z.number().int(),
    member: CareNamed,
    org: CareNamed,
    kind: CareHelpKind,
    kindLabel: z.string(),
    amountFen: z.number().int(),
    givenOn: z.string(),
    reason: z.string(),
    note: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    policies: CarePolicies,
  })
  .meta({ id: 'CareHelp' });
export type CareHelpResponse = z.infer<typeof CareHelpResponse>;

export const CareHelpListResponse = pageOf(CareHelpResponse, z.string()).extend({
  totals: z.object({ count: z.number().int(), amountFen: z.number().int() }),
});
export type CareHelpListResponse = z.infer<typeof CareHelpListResponse>;
