import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { members } from './members';
import { orgs } from './orgs';
import { users } from './users';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * Organizational life (组织生活): meetings of every kind (三会一课, 主题党日, 组织生活会, 谈心谈话 and
 * custom ones) with their attendance, sign-in and amendments; exemptions from the required
 * frequencies; training classes and study trips (培训班、红色教育) with enrolment, sessions and
 * attendance. Attended meetings and completed trainings are also written to the member activity
 * ledger by the life service.
 */

/**
 * A meeting of an org: planned (计划) → held (已召开) → archived (已归档), or cancelled (已取消).
 * An archived meeting's record is locked; a correction is an amendment (meeting_amendments), audited.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    /** A REQUIRED_MEETINGS type, or 'custom' with customType naming it. */
    type: text('type').notNull(),
    customType: text('custom_type'),
    /** 议题 */
    topic: text('topic').notNull(),
    /** The planned start; the sign-in window and the month the meeting counts for follow it until it is held. */
    plannedAt: ts('planned_at').notNull(),
    /** The actual start and end, once held. */
    heldAt: ts('held_at'),
    endedAt: ts('ended_at'),
    /** offline (线下), online (线上) or both (线下+线上). */
    mode: text('mode').notNull().default('offline'),
    place: text('place'),
    onlineUrl: text('online_url'),
    /** 主持人, 记录人, and the speaker of a 党课 (names as the minutes record them). */
    host: text('host'),
    recorder: text('recorder'),
    speaker: text('speaker'),
    agenda: text('agenda'),
    /** Minutes and resolutions (会议记录、决议): sanitized rich text (HTML). */
    minutes: text('minutes'),
    resolutions: text('resolutions'),
    /** Whether members outside the expected list may sign in as 列席 by QR. */
    allowGuests: boolean('allow_guests').notNull().default(false),
    state: text('state').notNull().default('planned'),
    /** The study hours (学时) a 党课 or a study meeting credits to each attendee, if any. */
    studyHours: numeric('study_hours', { precision: 5, scale: 1 }),
    archivedAt: ts('archived_at'),
    archivedBy: integer('archived_by').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('meetings_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.plannedAt),
    // The compliance board: meetings of an org by type and month.
    index('meetings_org_type_idx').on(t.orgId, t.type, t.plannedAt),
    index('meetings_planned_idx').on(t.plannedAt),
  ],
);

/**
 * Who is expected at a meeting and what became of each: 未签到 (pending) / 已签到 (signed) /
 * 迟到 (late) / 请假 (leave) / 缺席 (absent). Guests (列席) are recorded with role 'guest'.
 */
export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** expected (应到) or guest (列席). */
    role: text('role').notNull().default('expected'),
    status: text('status').notNull().default('pending'),
    signedAt: ts('signed_at'),
    /** How the sign-in was recorded: qr (扫码), manual (手工), import (导入). */
    channel: text('channel'),
    /** A leave request (请假): the reason, its state (requested, approved, rejected), who decided. */
    leaveReason: text('leave_reason'),
    leaveState: text('leave_state'),
    leaveDecidedBy: integer('leave_decided_by').references(() => users.id),
    leaveDecidedAt: ts('leave_decided_at'),
    note: text('note'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.memberId] }),
    // "My meetings" and a member's attendance rate.
    index('meeting_attendees_member_idx').on(t.memberId, t.meetingId),
  ],
);

/** A correction to an archived meeting's record: which field, before and after, why, by whom. */
export const meetingAmendments = pgTable(
  'meeting_amendments',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    before: text('before'),
    after: text('after'),
    reason: text('reason').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('meeting_amendments_meeting_idx').on(t.meetingId, t.id)],
);

/**
 * An org exempt from a required meeting type for a period (e.g. a branch with fewer than 7 full
 * members elects no committee, so holds no 支委会), with the reason; the compliance board leaves it out.
 */
export const meetingExemptions = pgTable(
  'meeting_exemptions',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    type: text('type').notNull(),
    fromOn: day('from_on').notNull(),
    untilOn: day('until_on'),
    reason: text('reason').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('meeting_exemptions_org_idx').on(t.orgId, t.type)],
);

/**
 * A training class or study trip (示范培训班、专题培训、红色教育、线上专题): dates, place, quota,
 * eligibility (org subtrees, roles), enrolment window and the study hours it credits.
 * state: draft (草稿) → open (报名中) → closed (报名截止) → finished (已结业), or cancelled.
 */
export const trainings = pgTable(
  'trainings',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    /** The organizing org; its subtree's secretaries manage the class. */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on').notNull(),
    place: text('place'),
    description: text('description'),
    quota: integer('quota').notNull(),
    /** Enrolled places taken, kept with the enrolments in one transaction (the quota holds under races). */
    enrolledCount: integer('enrolled_count').notNull().default(0),
    /** Who may enrol: members of these org subtrees (empty: the organizer's subtree) … */
    audienceOrgIds: integer('audience_org_ids').array().notNull().default(sql`'{}'::int[]`),
    /** … holding these positions (e.g. 书记; empty: any member). */
    audiencePositions: text('audience_positions').array().notNull().default(sql`'{}'::text[]`),
    enrolOpensAt: ts('enrol_opens_at'),
    enrolClosesAt: ts('enrol_closes_at'),
    studyHours: numeric('study_hours', { precision: 5, scale: 1 }).notNull().default('0'),
    /** Cost per person in fen, if any. */
    costFen: integer('cost_fen'),
    state: text('state').notNull().default('draft'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('trainings_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.startsOn),
    check('trainings_quota_check', sql`${t.enrolledCount} >= 0 and ${t.enrolledCount} <= ${t.quota}`),
  ],
);

/**
 * A member's place in a class: enrolled (已报名) or waitlisted (候补, in seq order) → completed
 * (已结业, with a numbered certificate) — or withdrawn (已退出), rejected (未通过).
 * source: applied (本人报名) or nominated (组织推荐).
 */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: serial('id').primaryKey(),
    trainingId: integer('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    status: text('status').notNull(),
    source: text('source').notNull(),
    /** The order of application; the waitlist moves up in this order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    nominatedBy: integer('nominated_by').references(() => users.id),
    note: text('note'),
    completedAt: ts('completed_at'),
    /** 结业证书编号, unique across the committee. */
    certificateNo: text('certificate_no'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_enrolments_member_idx').on(t.trainingId, t.memberId),
    index('training_enrolments_status_idx').on(t.trainingId, t.status, t.seq),
    index('training_enrolments_of_member_idx').on(t.memberId),
    uniqueIndex('training_enrolments_certificate_idx')
      .on(t.certificateNo)
      .where(sql`${t.certificateNo} is not null`),
  ],
);

/** A session of a class (a day, a lecture, a visit), with its own sign-in. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: serial('id').primaryKey(),
    trainingId: integer('training_id')
      .notNull()
      .references(() => trainings.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at'),
    place: text('place'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('training_sessions_training_idx').on(t.trainingId, t.startsAt)],
);

/** Attendance at a session: signed (已签到, by qr or manual), late (迟到), leave (请假), absent (缺席). */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    status: text('status').notNull(),
    signedAt: ts('signed_at'),
    channel: text('channel'),
    note: text('note'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.memberId] }),
    index('training_attendance_member_idx').on(t.memberId),
  ],
);
