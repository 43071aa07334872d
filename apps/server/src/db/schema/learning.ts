import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { files } from './files';
import { members } from './members';
import { orgs } from './orgs';
import { users } from './users';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * The online lecture hall (网上流动大讲堂): courses in series pushed to org subtrees, each
 * member's progress on a course (the time that counted, decided by the server from heartbeats),
 * study hours recorded by secretaries for offline study, reflections (心得体会) with moderated
 * comments, and the yearly reports members owe their home org (思想汇报、情况报告). Completed
 * courses and recorded study are written to the member activity ledger as study hours.
 */

/** A series of courses (e.g. 学习二十大精神 系列). */
export const courseSeries = pgTable('course_series', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * A course: an article (rich text), a video (an uploaded file or an external link) or a document
 * (a PDF shown in the page). state: draft (草稿) → published (已发布) → withdrawn (已撤回); members
 * see it inside its publish window when they are in its audience.
 */
export const courses = pgTable(
  'courses',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    /** article | video | document */
    kind: text('kind').notNull(),
    seriesId: integer('series_id').references(() => courseSeries.id),
    /** The publishing org; its subtree's secretaries manage the course. */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    summary: text('summary'),
    /** An article's text: sanitized rich text (HTML). */
    body: text('body'),
    /** A video's or a document's file (owner 'course'), or a video's external link. */
    fileId: integer('file_id').references(() => files.id),
    externalUrl: text('external_url'),
    /** A document's page count (a PDF counts by pages viewed and time). */
    pageCount: integer('page_count'),
    coverFileId: integer('cover_file_id').references(() => files.id),
    required: boolean('required').notNull().default(false),
    /** Who it is for: members of these org subtrees (empty: the publishing org's subtree) … */
    audienceOrgIds: integer('audience_org_ids').array().notNull().default(sql`'{}'::int[]`),
    /** … holding these positions (e.g. 书记; empty: any member). */
    audiencePositions: text('audience_positions').array().notNull().default(sql`'{}'::text[]`),
    publishFrom: ts('publish_from'),
    publishUntil: ts('publish_until'),
    /** The time a member must spend on it (minutes) and the study hours it credits once completed. */
    plannedMinutes: integer('planned_minutes').notNull(),
    creditHours: numeric('credit_hours', { precision: 5, scale: 1 }).notNull(),
    /** An optional quiz at the end: { passMark, questions: [{ text, options, answers, multiple }] }. */
    quiz: jsonb('quiz'),
    state: text('state').notNull().default('draft'),
    publishedAt: ts('published_at'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('courses_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.id),
    index('courses_series_idx').on(t.seriesId),
    index('courses_published_idx').on(t.state, t.publishFrom),
    check('courses_credit_check', sql`${t.creditHours} >= 0 and ${t.plannedMinutes} > 0`),
  ],
);

/**
 * A member's progress on a course. The server counts seconds from heartbeats: only the time a
 * visible page played at normal speed or slower since the previous beat, capped; one device at a
 * time (the device holding the course, until it goes quiet); a beat replayed (same device and
 * sequence) counts once. Completed when the counted time and, for a document, the pages viewed
 * reach the course's rule, and the quiz (if any) is passed.
 */
export const courseProgress = pgTable(
  'course_progress',
  {
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    countedSeconds: integer('counted_seconds').notNull().default(0),
    /** A document's pages viewed (1-based page numbers). */
    pagesViewed: integer('pages_viewed').array().notNull().default(sql`'{}'::int[]`),
    /** Where the member left off (seconds into a video, a page of a document), to resume. */
    position: integer('position').notNull().default(0),
    /** The device that holds the course and its last accepted beat. */
    deviceId: text('device_id'),
    lastSeq: integer('last_seq').notNull().default(0),
    lastBeatAt: ts('last_beat_at'),
    startedAt: ts('started_at').notNull().defaultNow(),
    completedAt: ts('completed_at'),
    quizScore: smallint('quiz_score'),
    quizPassedAt: ts('quiz_passed_at'),
    quizAttempts: integer('quiz_attempts').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.memberId] }),
    index('course_progress_member_idx').on(t.memberId, t.completedAt),
  ],
);

/**
 * Study recorded by a secretary for study done offline (集中学习、自学), in hours; written to the
 * activity ledger as study hours (source `study:<id>`), removed from it when the record is deleted.
 */
export const studyRecords = pgTable(
  'study_records',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    studiedOn: day('studied_on').notNull(),
    hours: numeric('hours', { precision: 5, scale: 1 }).notNull(),
    title: text('title').notNull(),
    note: text('note'),
    recordedBy: integer('recorded_by').references(() => users.id),
    deletedAt: ts('deleted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('study_records_member_idx').on(t.memberId, t.studiedOn),
    index('study_records_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.studiedOn),
    check('study_records_hours_check', sql`${t.hours} > 0`),
  ],
);

/**
 * A reflection (心得体会) tied to a course, meeting or training: submitted (待审核) → approved
 * (已通过) or returned (已退回, with the reviewer's comment; the author may edit and submit again).
 * An approved one may be featured (精选) to the whole committee. Photos are files (owner 'reflection').
 */
export const reflections = pgTable(
  'reflections',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** The author's org when posting; its subtree's secretaries review it. */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    /** course | meeting | training, and the record's id. */
    subjectType: text('subject_type').notNull(),
    subjectId: integer('subject_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    state: text('state').notNull().default('submitted'),
    reviewComment: text('review_comment'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    featuredAt: ts('featured_at'),
    featuredBy: integer('featured_by').references(() => users.id),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('reflections_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.id),
    index('reflections_member_idx').on(t.memberId, t.id),
    index('reflections_subject_idx').on(t.subjectType, t.subjectId),
    index('reflections_featured_idx').on(t.featuredAt),
  ],
);

/** A comment on a reflection: pending (待审核) → approved (显示) or rejected (不予显示) by a reviewer. */
export const reflectionComments = pgTable(
  'reflection_comments',
  {
    id: serial('id').primaryKey(),
    reflectionId: integer('reflection_id')
      .notNull()
      .references(() => reflections.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    state: text('state').notNull().default('pending'),
    moderatedBy: integer('moderated_by').references(() => users.id),
    moderatedAt: ts('moderated_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('reflection_comments_reflection_idx').on(t.reflectionId, t.id)],
);

/**
 * A floating member's yearly report to the home org (思想汇报 thought, 情况报告 situation): text
 * and/or a file (owner 'member_report'); submitted (已提交) → acknowledged (已阅) by a secretary,
 * with a comment; the home county's viewers read it.
 */
export const memberReports = pgTable(
  'member_reports',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    year: smallint('year').notNull(),
    /** thought | situation */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    state: text('state').notNull().default('submitted'),
    ackComment: text('ack_comment'),
    ackBy: integer('ack_by').references(() => users.id),
    ackAt: ts('ack_at'),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('member_reports_member_idx').on(t.memberId, t.year),
    index('member_reports_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.year),
  ],
);
