import { z } from 'zod';
import { RecordId } from '../common/ids';
import { PageLimit, pageOf, SeqCursor } from '../common/page';
import { OptionalText } from '../common/text';
import { ENROLMENT_SOURCES, EnrolmentStatusSchema } from './enums';
import { Named } from './fields';

/** Contracts of enrolment: the enrolment, its list, nominate, apply, withdraw and completion. */

export const EnrolmentResponse = z
  .object({
    id: z.number().int(),
    trainingId: z.number().int(),
    member: Named.extend({ orgName: z.string().nullable() }),
    status: EnrolmentStatusSchema,
    statusLabel: z.string(),
    source: z.enum(ENROLMENT_SOURCES),
    sourceLabel: z.string(),
    /** The order of application. */
    seq: z.number().int(),
    /** 1 for the first waitlisted, and so on; null unless waitlisted. */
    waitlistPosition: z.number().int().nullable(),
    note: z.string().nullable(),
    completedAt: z.string().nullable(),
    certificateNo: z.string().nullable(),
    /** Sessions attended (signed or late). */
    attended: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'TrainingEnrolment' });
export type EnrolmentResponse = z.infer<typeof EnrolmentResponse>;

export const EnrolmentListQuery = z.object({
  status: EnrolmentStatusSchema.optional(),
  limit: PageLimit(500, 100),
  /** The seq of the last enrolment of the previous page. */
  cursor: SeqCursor.optional(),
});
export type EnrolmentListQuery = z.infer<typeof EnrolmentListQuery>;
export const EnrolmentListResponse = pageOf(EnrolmentResponse, z.number().int());
export type EnrolmentListResponse = z.infer<typeof EnrolmentListResponse>;

export const NominateBody = z.object({
  memberIds: z
    .array(RecordId('党员'), { error: '请选择党员' })
    .min(1, '请选择党员')
    .max(200, '一次最多推荐 200 人'),
  note: OptionalText('备注', 200),
});
export type NominateBody = z.infer<typeof NominateBody>;
export type NominateInput = z.input<typeof NominateBody>;
export const EnrolmentsResponse = z.object({ items: z.array(EnrolmentResponse) });
export type EnrolmentsResponse = z.infer<typeof EnrolmentsResponse>;

export const ApplyBody = z.object({ note: OptionalText('备注', 200) });
export type ApplyBody = z.infer<typeof ApplyBody>;
export type ApplyInput = z.input<typeof ApplyBody>;

export const WithdrawBody = z.object({ reason: OptionalText('退出原因', 200) });
export type WithdrawBody = z.infer<typeof WithdrawBody>;
export type WithdrawInput = z.input<typeof WithdrawBody>;

export const CompleteBody = z.object({
  /** These enrolments (absent: every enrolled member). */
  enrolmentIds: z.array(RecordId('报名记录'), { error: '报名记录应为列表' }).max(2000).optional(),
  /** Only members who attended at least this share of the sessions (percent). */
  minAttendancePercent: z
    .number({ error: '出勤比例应为数字' })
    .int('出勤比例应为整数')
    .min(0, '出勤比例不能小于 0')
    .max(100, '出勤比例不能大于 100')
    .optional(),
});
export type CompleteBody = z.infer<typeof CompleteBody>;
export type CompleteInput = z.input<typeof CompleteBody>;
export const CompleteResponse = z.object({
  completed: z.array(EnrolmentResponse),
  /** Enrolled members left out: their attendance fell short. */
  skipped: z.array(
    z.object({ enrolmentId: z.number().int(), memberName: z.string(), attended: z.number().int() }),
  ),
});
export type CompleteResponse = z.infer<typeof CompleteResponse>;
