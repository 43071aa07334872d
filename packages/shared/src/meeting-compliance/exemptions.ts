/** Contracts of exemptions (免于召开): a branch or committee spared a required type for a span of days. */
import { z } from 'zod';
import { IsoDate } from '../common/dates';
import { IdParams, QueryId, RecordId } from '../common/ids';
import { Text } from '../common/text';
import { REQUIRED_MEETINGS, RequiredMeeting } from '../settings/rules';

export const ExemptionListQuery = z.object({
  orgId: QueryId('组织').optional(),
});

const ExemptionFields = {
  type: z.enum(REQUIRED_MEETINGS, { error: '请选择会议类型' }),
  fromOn: IsoDate('开始日期'),
  untilOn: IsoDate('结束日期').nullable().optional(),
  reason: Text('免于召开的原因', { min: 2, max: 200, minMessage: '请填写原因' }),
};

const untilAfterFrom = (b: { fromOn?: string; untilOn?: string | null }) =>
  !b.fromOn || !b.untilOn || b.untilOn >= b.fromOn;
const UNTIL_BEFORE = { message: '结束日期不能早于开始日期', path: ['untilOn'] };

export const ExemptionCreateBody = z
  .object({ orgId: RecordId('组织'), ...ExemptionFields })
  .refine(untilAfterFrom, UNTIL_BEFORE);
export type ExemptionCreateBody = z.infer<typeof ExemptionCreateBody>;
export type ExemptionCreateInput = z.input<typeof ExemptionCreateBody>;

export const ExemptionUpdateBody = z
  .object({
    fromOn: ExemptionFields.fromOn.optional(),
    untilOn: ExemptionFields.untilOn,
    reason: ExemptionFields.reason.optional(),
  })
  .refine(untilAfterFrom, UNTIL_BEFORE);
export type ExemptionUpdateBody = z.infer<typeof ExemptionUpdateBody>;

export const ExemptionIdParams = IdParams;

export const ExemptionResponse = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  type: RequiredMeeting,
  fromOn: z.string(),
  untilOn: z.string().nullable(),
  reason: z.string(),
  createdAt: z.string(),
});
export type ExemptionResponse = z.infer<typeof ExemptionResponse>;
export const ExemptionListResponse = z.object({ items: z.array(ExemptionResponse) });
export type ExemptionListResponse = z.infer<typeof ExemptionListResponse>;
