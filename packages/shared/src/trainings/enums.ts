import { z } from 'zod';

/** Training kinds, states and their moves, enrolment and attendance statuses, with their labels. */

export const TRAINING_KINDS = ['model_class', 'special', 'red_trip', 'online'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TrainingKindSchema = z.enum(TRAINING_KINDS, { error: '不是可选的培训类型' });
export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = {
  model_class: '示范培训班',
  special: '专题培训',
  red_trip: '红色教育',
  online: '线上专题',
};

export const TRAINING_STATES = ['draft', 'open', 'closed', 'finished', 'cancelled'] as const;
export type TrainingState = (typeof TRAINING_STATES)[number];
export const TrainingStateSchema = z.enum(TRAINING_STATES, { error: '不是可选的培训状态' });
export const TRAINING_STATE_LABELS: Record<TrainingState, string> = {
  draft: '草稿',
  open: '报名中',
  closed: '报名截止',
  finished: '已结业',
  cancelled: '已取消',
};

/** The state changes a manager makes: open or close enrolment, finish, cancel. */
export const TRAINING_TRANSITIONS: Record<TrainingState, readonly TrainingState[]> = {
  draft: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['open', 'finished', 'cancelled'],
  finished: [],
  cancelled: [],
};

export const ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'withdrawn', 'completed', 'rejected'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const EnrolmentStatusSchema = z.enum(ENROLMENT_STATUSES, { error: '不是可选的报名状态' });
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  enrolled: '已报名',
  waitlisted: '候补',
  withdrawn: '已退出',
  completed: '已结业',
  rejected: '未通过',
};

export const ENROLMENT_SOURCES = ['applied', 'nominated'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];
export const ENROLMENT_SOURCE_LABELS: Record<EnrolmentSource, string> = {
  applied: '本人报名',
  nominated: '组织推荐',
};

export const SESSION_ATTENDANCE_STATUSES = ['signed', 'late', 'leave', 'absent'] as const;
export type SessionAttendanceStatus = (typeof SESSION_ATTENDANCE_STATUSES)[number];
export const SESSION_ATTENDANCE_LABELS: Record<SessionAttendanceStatus, string> = {
  signed: '已签到',
  late: '迟到',
  leave: '请假',
  absent: '缺席',
};

/** The prefix of a 结业证书 number: 培〔2026〕0001. */
export const TRAINING_CERTIFICATE_PREFIX = '培';
