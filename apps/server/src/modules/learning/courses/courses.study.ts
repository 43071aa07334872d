/**
 * A member's own courses (member.self): those addressed to them, the player's view, heartbeats
 * and the quiz. Completion is decided here: the counted time (courses.rules), the pages, the
 * quiz; a completed course credits its hours in the activity ledger in the same transaction.
 */
import {
  COURSE_KIND_LABELS,
  type CourseBeatBody,
  type CourseBeatResponse,
  type CourseKind,
  type CourseProgressResponse,
  type CourseQuiz,
  localIsoDate,
  type MyCourseItem,
  type MyCourseResponse,
  type MyCoursesResponse,
  type QuizAnswerBody,
  type QuizResultResponse,
} from '@ningxin/shared';
import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { courses } from '../../../db/schema';
import { notFound } from '../../../lib/errors';
import type { Actor } from '../../../policy/policy';
import type { DownloadRequest } from '../../files/files.service';
import type { CoursesAccess } from './courses.access';
import { noQuiz, quizAnswersMismatch, quizNotYet } from './courses.errors';
import {
  type CourseRow,
  courseAudienceHolds,
  courseOpenAt,
  type ProgressRow,
  coursesRepository as repo,
} from './courses.repository';
import { judgeBeat, quizScore, requiredSecondsOf, studied } from './courses.rules';

const ON_ROLLS = ['active', 'lost'];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The ledger's source of a course's hours. */
export const courseSourceId = (courseId: number) => `course:${courseId}`;

export function createCourseStudyService(access: CoursesAccess) {
  const { db, activity, files, audienceOf, ownMemberId, now } = access;

  /** Courses addressed to the member now: published, in the window, in the audience. */
  async function visibleWhere(executor: Executor, memberId: number) {
    const m = (await audienceOf(executor, [memberId])).get(memberId);
    if (!m || !ON_ROLLS.includes(m.status)) return null;
    return and(courseOpenAt(now()), courseAudienceHolds(m.orgPath, m.titles));
  }

  /** The course if it is addressed to the member (404 otherwise, like a missing one). */
  async function visibleCourse(executor: Executor, memberId: number, id: number, lock = false) {
    const where = await visibleWhere(executor, memberId);
    const row = where ? await repo.findById(executor, id, where, lock) : null;
    if (!row) throw notFound('课程');
    return row;
  }

  function item(r: CourseRow, p: ProgressRow | undefined): MyCourseItem {
    return {
      id: r.id,
      title: r.title,
      kind: r.kind as CourseKind,
      kindLabel: COURSE_KIND_LABELS[r.kind as CourseKind],
      series: r.seriesId ? { id: r.seriesId, title: r.seriesTitle ?? '' } : null,
      orgName: r.orgName,
      summary: r.summary,
      required: r.required,
      plannedMinutes: r.plannedMinutes,
      creditHours: Number(r.creditHours),
      publishedAt: iso(r.publishedAt),
      publishUntil: iso(r.publishUntil),
      countedSeconds: p?.countedSeconds ?? 0,
      completedAt: iso(p?.completedAt ?? null),
    };
  }

  function progressOf(r: CourseRow, p: ProgressRow | undefined): CourseProgressResponse {
    const quiz = r.quiz as CourseQuiz | null;
    const counted = p?.countedSeconds ?? 0;
    const pages = [...(p?.pagesViewed ?? [])].sort((a, b) => a - b);
    return {
      countedSeconds: counted,
      requiredSeconds: requiredSecondsOf(r.plannedMinutes),
      pagesViewed: pages,
      pageCount: r.kind === 'document' ? r.pageCount : null,
      position: p?.position ?? 0,
      studied: studied(r, { countedSeconds: counted, pagesViewed: pages }),
      quiz: quiz
        ? {
            passMark: quiz.passMark,
            score: p?.quizScore ?? null,
            passed: !!p?.quizPassedAt,
            attempts: p?.quizAttempts ?? 0,
          }
        : null,
      completedAt: iso(p?.completedAt ?? null),
      creditedHours: p?.completedAt ? Number(r.creditHours) : null,
    };
  }

  /**
   * Completes the course if its rules are met and it is not yet completed: the progress row and
   * the ledger entry (study hours, source `course:<id>`) in the caller's transaction.
   */
  async function completeIfDone(
    tx: Executor,
    r: CourseRow,
    memberId: number,
    p: ProgressRow,
  ): Promise<ProgressRow> {
    if (p.completedAt) return p;
    if (!studied(r, p)) return p;
    if (r.quiz && !p.quizPassedAt) return p;
    const at = now();
    await repo.setProgress(tx, r.id, memberId, { completedAt: at });
    const hours = Number(r.creditHours);
    if (hours > 0)
      await activity.record(tx, {
        memberId,
        kind: 'study_hours',
        occurredOn: localIsoDate(at),
        quantity: hours,
        sourceModule: 'learning',
        sourceId: courseSourceId(r.id),
        title: `完成课程：${r.title}`,
      });
    return { ...p, completedAt: at };
  }

  return {
    visibleCourse,

    async mine(actor: Actor): Promise<MyCoursesResponse> {
      const memberId = ownMemberId(actor);
      const where = await visibleWhere(db, memberId);
      const rows = where ? await repo.all(db, where) : [];
      const progress = await repo.progressOf(
        db,
        memberId,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => item(r, progress.get(r.id))) };
    },

    async one(actor: Actor, id: number): Promise<MyCourseResponse> {
      const memberId = ownMemberId(actor);
      const r = await visibleCourse(db, memberId, id);
      const p = (await repo.progressOf(db, memberId, [id])).get(id);
      const quiz = r.quiz as CourseQuiz | null;
      return {
        ...item(r, p),
        body: r.kind === 'article' ? r.body : null,
        externalUrl: r.kind === 'video' ? r.externalUrl : null,
        pageCount: r.kind === 'document' ? r.pageCount : null,
        quiz: quiz
          ? {
              passMark: quiz.passMark,
              questions: quiz.questions.map((q) => ({
                text: q.text,
                options: q.options,
                multiple: q.multiple,
              })),
            }
          : null,
        progress: progressOf(r, p),
      };
    },

    /** Counts a heartbeat by the rules, one member's beats on one course at a time. */
    async beat(actor: Actor, id: number, body: CourseBeatBody): Promise<CourseBeatResponse> {
      const memberId = ownMemberId(actor);
      return (db as Db).transaction(async (tx) => {
        const r = await visibleCourse(tx, memberId, id);
        const p = await repo.lockProgress(tx, id, memberId);
        const at = now();
        const j = judgeBeat(
          r.kind as CourseKind,
          { deviceId: p.deviceId, lastSeq: p.lastSeq, lastBeatAt: p.lastBeatAt, completed: !!p.completedAt },
          body,
          at,
        );
        if (!j.accepted) return { outcome: j.outcome, counted: 0, progress: progressOf(r, p) };
        const page =
          r.kind === 'document' && body.page && (!r.pageCount || body.page <= r.pageCount) ? body.page : null;
        const next: ProgressRow = {
          ...p,
          deviceId: body.deviceId,
          lastSeq: body.seq,
          lastBeatAt: at,
          position: body.position,
          // Never more than ten times the course's time (a counter that cannot run away).
          countedSeconds: Math.min(p.countedSeconds + j.counted, requiredSecondsOf(r.plannedMinutes) * 10),
          pagesViewed:
            page && body.visible && !p.pagesViewed.includes(page) ? [...p.pagesViewed, page] : p.pagesViewed,
        };
        await repo.setProgress(tx, id, memberId, {
          deviceId: next.deviceId,
          lastSeq: next.lastSeq,
          lastBeatAt: next.lastBeatAt,
          position: next.position,
          countedSeconds: next.countedSeconds,
          pagesViewed: next.pagesViewed,
        });
        const done = await completeIfDone(tx, r, memberId, next);
        return { outcome: j.outcome, counted: j.counted, progress: progressOf(r, done) };
      });
    },

    /** Scores the quiz once the course is studied; a pass completes the course. */
    async answerQuiz(actor: Actor, id: number, body: QuizAnswerBody): Promise<QuizResultResponse> {
      const memberId = ownMemberId(actor);
      return (db as Db).transaction(async (tx) => {
        const r = await visibleCourse(tx, memberId, id);
        const quiz = r.quiz as CourseQuiz | null;
        if (!quiz) throw noQuiz();
        if (body.answers.length !== quiz.questions.length) throw quizAnswersMismatch(quiz.questions.length);
        const p = await repo.lockProgress(tx, id, memberId);
        if (!studied(r, p)) throw quizNotYet();
        const score = quizScore(quiz.questions, body.answers);
        const passed = score >= quiz.passMark;
        const values = {
          quizScore: Math.max(score, p.quizScore ?? 0),
          quizAttempts: p.quizAttempts + 1,
          quizPassedAt: p.quizPassedAt ?? (passed ? now() : null),
        };
        await repo.setProgress(tx, id, memberId, values);
        const done = await completeIfDone(tx, r, memberId, { ...p, ...values });
        return { score, passed, progress: progressOf(r, done) };
      });
    },

    /** A document course's PDF (its newest attachment), for the player to show in the page. */
    async document(actor: Actor, id: number, req: DownloadRequest) {
      const memberId = ownMemberId(actor);
      await visibleCourse(db, memberId, id);
      const list = await files.list(actor, { ownerType: 'course', ownerId: id, purpose: 'attachment' });
      const file = list.items[0];
      if (!file) throw notFound('课程文档');
      return files.download(actor, file.id, req);
    },

    /** For the files module and other modules: whether a course is addressed to the member. */
    async addressedTo(executor: Executor, memberId: number, id: number): Promise<CourseRow | null> {
      const where = await visibleWhere(executor, memberId);
      return where ? repo.findById(executor, id, where) : null;
    },

    /** For the seed and tests: a course by id, unscoped. */
    byId: (executor: Executor, id: number) => repo.findById(executor, id, eq(courses.id, id)),
  };
}

export type CourseStudyService = ReturnType<typeof createCourseStudyService>;
