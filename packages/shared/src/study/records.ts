import { z } from 'zod';
import { PastDate } from '../common/dates';
import { ClassHours } from '../common/hours';
import { IdParams, QueryId, RecordId } from '../common/ids';
import { PageLimit, pageOf, SeqCursor } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { StudyYear } from './hours';

/** Contracts of offline study (线下学习) a secretary records for a member: hours of a day, with a title. */

/** Hours of one record: 0.1 to 24 (a day), one decimal. */
export const StudyRecordHours = ClassHours('学时', { min: 0.1, max: 24 });

export const StudyRecordCreateBody = z.object({
  memberId: RecordId('党员'),
  studiedOn: PastDate('学习日期', '2000-01-01'),
  hours: StudyRecordHours,
  title: Text('学习内容', { min: 2, max: 100, minMessage: '请填写学习内容' }),
  note: OptionalText('备注', 500, { multiline: true }),
});
export type StudyRecordCreateBody = z.infer<typeof StudyRecordCreateBody>;

export const StudyRecordQuery = z.object({
  year: StudyYear.optional(),
  orgId: QueryId('组织').optional(),
  memberId: QueryId('党员').optional(),
  limit: PageLimit(200, 50),
  /** The id of the last record of the previous page (newest first). */
  cursor: SeqCursor.optional(),
});
export type StudyRecordQuery = z.infer<typeof StudyRecordQuery>;

export const StudyRecordParams = IdParams;

export const StudyRecordResponse = z
  .object({
    id: z.number().int(),
    member: z.object({ id: z.number().int(), name: z.string() }),
    org: z.object({ id: z.number().int(), name: z.string() }),
    studiedOn: z.string(),
    hours: z.number(),
    title: z.string(),
    note: z.string().nullable(),
    recordedBy: z.string().nullable(),
    createdAt: z.string(),
    policies: z.object({ delete: z.boolean() }),
  })
  .meta({ id: 'StudyRecord' });
export type StudyRecordResponse = z.infer<typeof StudyRecordResponse>;

export const StudyRecordListResponse = pageOf(StudyRecordResponse, z.number().int());
export type StudyRecordListResponse = z.infer<typeof StudyRecordListResponse>;
