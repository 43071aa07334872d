import { z } from 'zod';
import { DateTime } from '../common/dates';
import { RecordId } from '../common/ids';
import { OptionalText, Text } from '../common/text';
import { EnrolmentStatusSchema, SESSION_ATTENDANCE_STATUSES } from './enums';
import { Named } from './fields';

/** Contracts of a class's sessions and their attendance. */

const SessionFields = {
  title: Text('名称', { min: 1, max: 100 }),
  startsAt: DateTime('开始时间'),
  endsAt: DateTime('结束时间').nullable(),
  place: OptionalText('地点', 200),
};
export const TrainingSessionCreateBody = z.object({
  ...SessionFields,
  endsAt: SessionFields.endsAt.optional(),
});
export type TrainingSessionCreateBody = z.infer<typeof TrainingSessionCreateBody>;
export type TrainingSessionCreateInput = z.input<typeof TrainingSessionCreateBody>;
export const TrainingSessionUpdateBody = z.object({
  title: SessionFields.title.optional(),
  startsAt: SessionFields.startsAt.optional(),
  endsAt: SessionFields.endsAt.optional(),
  place: SessionFields.place,
});
export type TrainingSessionUpdateBody = z.infer<typeof TrainingSessionUpdateBody>;
export type TrainingSessionUpdateInput = z.input<typeof TrainingSessionUpdateBody>;

export const TrainingSessionResponse = z
  .object({
    id: z.number().int(),
    trainingId: z.number().int(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    place: z.string().nullable(),
    counts: z.object({
      signed: z.number().int(),
      late: z.number().int(),
      leave: z.number().int(),
      absent: z.number().int(),
    }),
  })
  .meta({ id: 'TrainingSession' });
export type TrainingSessionResponse = z.infer<typeof TrainingSessionResponse>;
export const TrainingSessionListResponse = z.object({ items: z.array(TrainingSessionResponse) });
export type TrainingSessionListResponse = z.infer<typeof TrainingSessionListResponse>;

export const SessionAttendanceItem = z.object({
  member: Named,
  enrolmentStatus: EnrolmentStatusSchema,
  status: z.enum(SESSION_ATTENDANCE_STATUSES).nullable(),
  signedAt: z.string().nullable(),
  channel: z.enum(['qr', 'manual']).nullable(),
});
export const SessionAttendanceResponse = z.object({
  session: TrainingSessionResponse,
  items: z.array(SessionAttendanceItem),
});
export type SessionAttendanceResponse = z.infer<typeof SessionAttendanceResponse>;

export const SessionAttendanceBody = z.object({
  records: z
    .array(
      z.object({
        memberId: RecordId('党员'),
        status: z.enum(SESSION_ATTENDANCE_STATUSES, { error: '不是可选的出勤状态' }),
      }),
      { error: '请填写出勤记录' },
    )
    .min(1, '请填写出勤记录')
    .max(2000, '一次最多 2000 条'),
});
export type SessionAttendanceBody = z.infer<typeof SessionAttendanceBody>;
