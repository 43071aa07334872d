import { z } from 'zod';
import { IdParams } from '../common/ids';
import {
  EnrolmentStatusSchema,
  SESSION_ATTENDANCE_STATUSES,
  TrainingKindSchema,
  TrainingStateSchema,
} from './enums';

/** Contracts of "my trainings": the member's own classes, enrolments and sessions. */

/** "我的培训": what a member sees on the phone. */
export const MyTrainingItem = z.object({
  id: z.number().int(),
  title: z.string(),
  kind: TrainingKindSchema,
  kindLabel: z.string(),
  orgName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string().nullable(),
  quota: z.number().int(),
  enrolledCount: z.number().int(),
  studyHours: z.number(),
  state: TrainingStateSchema,
  stateLabel: z.string(),
  enrolClosesAt: z.string().nullable(),
  /** Whether the member may apply now (open, inside the window, not yet applied). */
  canApply: z.boolean(),
  mine: z
    .object({
      enrolmentId: z.number().int(),
      status: EnrolmentStatusSchema,
      statusLabel: z.string(),
      waitlistPosition: z.number().int().nullable(),
      certificateNo: z.string().nullable(),
      completedAt: z.string().nullable(),
    })
    .nullable(),
});
export type MyTrainingItem = z.infer<typeof MyTrainingItem>;

export const MySessionItem = z.object({
  id: z.number().int(),
  trainingId: z.number().int(),
  trainingTitle: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string().nullable(),
  status: z.enum(SESSION_ATTENDANCE_STATUSES).nullable(),
});
export type MySessionItem = z.infer<typeof MySessionItem>;

export const MyTrainingsResponse = z.object({
  /** Classes open for enrolment that the member may join, and those they have joined. */
  open: z.array(MyTrainingItem),
  enrolments: z.array(MyTrainingItem),
  sessions: z.array(MySessionItem),
});
export type MyTrainingsResponse = z.infer<typeof MyTrainingsResponse>;

export const MyCertificateParams = IdParams;
