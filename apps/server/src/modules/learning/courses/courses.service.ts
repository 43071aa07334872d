/** Courses and series for those who manage them (course.manage): list, read, create, change, publish. */
import {
  COURSE_KIND_LABELS,
  COURSE_STATE_LABELS,
  COURSE_TRANSITIONS,
  type CourseCreateBody,
  type CourseKind,
  type CourseListQuery,
  type CourseListResponse,
  type CourseQuiz,
  type CourseResponse,
  type CourseState,
  type CourseStateBody,
  type CourseUpdateBody,
  inCourseAudience,
  RecordId,
  type SeriesCreateBody,
  type SeriesListResponse,
  type SeriesResponse,
} from '@ningxin/shared';
import { and, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../db/client';
import { courses } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, versionConflict } from '../../../lib/errors';
import { hasVisibleText, sanitizeRichText } from '../../../lib/rich-text';
import { type Actor, assertHolds, coversOrgPath } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import type { CoursesAccess } from './courses.access';
import {
  audienceOrgNotUsable,
  contentMissing,
  courseNotEditable,
  publisherNotUsable,
  quizAnswerOutOfRange,
  quizOnlyRequired,
  quizSingleAnswer,
  seriesNotFound,
  transitionNotAllowed,
  windowReversed,
} from './courses.errors';
import { type CourseRow, coursesRepository as repo } from './courses.repository';

const CURSOR = z.tuple([RecordId()]);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** A quiz compared by its content (a stored one's keys may come back in another order). */
const quizKey = (q: CourseQuiz | null) =>
  q
    ? JSON.stringify([q.passMark, q.questions.map((x) => [x.text, x.options, x.answers, !!x.multiple])])
    : 'null';

/** The audit's view of a course (the article's text is left out: it may be long). */
const courseAuditView = (r: Partial<CourseRow>) => ({
  title: r.title,
  kind: r.kind,
  seriesId: r.seriesId,
  orgId: r.orgId,
  required: r.required,
  audienceOrgIds: r.audienceOrgIds,
  audiencePositions: r.audiencePositions,
  publishFrom: r.publishFrom,
  publishUntil: r.publishUntil,
  plannedMinutes: r.plannedMinutes,
  creditHours: r.creditHours,
  state: r.state,
});

export function createCoursesService(access: CoursesAccess) {
  const { db, orgs, users, inbox, scope, managedCourse, audienceOf, now } = access;

  async function audienceOrgNames(executor: Executor, ids: readonly number[]) {
    const out: { id: number; name: string }[] = [];
    for (const id of ids) out.push({ id, name: (await orgs.lookup(executor, id))?.name ?? '' });
    return out;
  }

  async function present(actor: Actor, r: CourseRow): Promise<CourseResponse> {
    const state = r.state as CourseState;
    const manage = coversOrgPath(actor, 'course.manage', r.orgPath);
    return {
      id: r.id,
      title: r.title,
      kind: r.kind as CourseKind,
      kindLabel: COURSE_KIND_LABELS[r.kind as CourseKind],
      series: r.seriesId ? { id: r.seriesId, title: r.seriesTitle ?? '' } : null,
      org: { id: r.orgId, name: r.orgName },
      summary: r.summary,
      body: r.body,
      externalUrl: r.externalUrl,
      pageCount: r.pageCount,
      required: r.required,
      audienceOrgs: await audienceOrgNames(db, r.audienceOrgIds),
      audiencePositions: r.audiencePositions,
      publishFrom: iso(r.publishFrom),
      publishUntil: iso(r.publishUntil),
      plannedMinutes: r.plannedMinutes,
      creditHours: Number(r.creditHours),
      quiz: (r.quiz as CourseQuiz | null) ?? null,
      state,
      stateLabel: COURSE_STATE_LABELS[state],
      publishedAt: iso(r.publishedAt),
      counts: { started: r.started, completed: r.completed },
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      policies: {
        edit: manage && state !== 'withdrawn',
        publish: manage && COURSE_TRANSITIONS[state].includes('published'),
        withdraw: manage && COURSE_TRANSITIONS[state].includes('withdrawn'),
      },
    };
  }

  async function publisher(tx: Executor, actor: Actor, orgId: number) {
    const org = await orgs.lookup(tx, orgId);
    if (!org || org.closedAt || !coversOrgPath(actor, 'course.manage', org.path)) throw publisherNotUsable();
    return org;
  }

  async function checkAudience(tx: Executor, ids: readonly number[]) {
    for (const [i, id] of ids.entries()) {
      const org = await orgs.lookup(tx, id);
      if (!org || org.closedAt) throw audienceOrgNotUsable(i);
    }
  }

  /** The merged course's own rules: window, quiz, the content its kind needs before publishing. */
  function checkCourse(v: {
    publishFrom: Date | null;
    publishUntil: Date | null;
    required: boolean;
    quiz: unknown;
  }) {
    if (v.publishFrom && v.publishUntil && v.publishUntil < v.publishFrom) throw windowReversed();
    const quiz = v.quiz as CourseQuiz | null;
    if (!quiz) return;
    if (!v.required) throw quizOnlyRequired();
    quiz.questions.forEach((q, i) => {
      if (q.answers.some((a) => a >= q.options.length)) throw quizAnswerOutOfRange(i);
      if (!q.multiple && new Set(q.answers).size > 1) throw quizSingleAnswer(i);
    });
  }

  /** Before publishing: an article has text; a video a file or link (checked by the player). */
  function checkPublishable(r: CourseRow) {
    if (r.kind === 'article' && !(r.body && hasVisibleText(r.body)))
      throw contentMissing('body', '图文课程须有正文才能发布');
    if (r.kind === 'document' && !r.pageCount)
      throw contentMissing('pageCount', '文档课程须填写页数才能发布');
  }

  const cleanBody = (body: string | null | undefined) =>
    body === undefined ? undefined : body === null ? null : sanitizeRichText(body) || null;

  /** The member accounts in the course's audience (for the notice on publishing). */
  async function audienceAccounts(tx: Executor, r: CourseRow): Promise<number[]> {
    const accounts = await users.memberAccounts(tx);
    const placed = await audienceOf(
      tx,
      accounts.map((a) => a.memberId),
    );
    return accounts
      .filter((a) => {
        const m = placed.get(a.memberId);
        return !!m && ['active', 'lost'].includes(m.status) && inCourseAudience(r, m.orgPath, m.titles);
      })
      .map((a) => a.userId);
  }

  return {
    async list(actor: Actor, q: CourseListQuery): Promise<CourseListResponse> {
      assertHolds(actor, 'course.manage');
      const words = q.q?.trim();
      const where = and(
        scope(actor),
        q.kind ? eq(courses.kind, q.kind) : undefined,
        q.state ? eq(courses.state, q.state) : undefined,
        q.seriesId ? eq(courses.seriesId, q.seriesId) : undefined,
        words ? like(courses.title, `%${escapeLike(words)}%`) : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, CURSOR)[0] : undefined;
      const rows = await repo.list(db, where, after, q.limit);
      const last = rows.at(-1);
      return {
        items: await Promise.all(rows.map((r) => present(actor, r))),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.id]) : null,
      };
    },

    async get(actor: Actor, id: number): Promise<CourseResponse> {
      return present(actor, await managedCourse(db, actor, id));
    },

    /**
     * For the files module: the title of a course the actor manages (404 otherwise), read on the
     * caller's executor (a file's deletion asks inside its transaction).
     */
    async managedTitle(executor: Executor, actor: Actor, id: number): Promise<string> {
      return (await managedCourse(executor, actor, id)).title;
    },

    async create(actor: Actor, body: CourseCreateBody): Promise<CourseResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'course.manage');
        const org = await publisher(tx, actor, body.orgId);
        await checkAudience(tx, body.audienceOrgIds);
        if (body.seriesId && !(await repo.seriesExists(tx, body.seriesId))) throw seriesNotFound();
        const values = {
          title: body.title,
          kind: body.kind,
          seriesId: body.seriesId ?? null,
          orgId: org.id,
          orgPath: org.path,
          summary: body.summary ?? null,
          body: body.kind === 'article' ? (cleanBody(body.body) ?? null) : null,
          externalUrl: body.kind === 'video' ? (body.externalUrl ?? null) : null,
          pageCount: body.kind === 'document' ? (body.pageCount ?? null) : null,
          required: body.required,
          audienceOrgIds: [...new Set(body.audienceOrgIds)],
          audiencePositions: [...new Set(body.audiencePositions)],
          publishFrom: body.publishFrom ? new Date(body.publishFrom) : null,
          publishUntil: body.publishUntil ? new Date(body.publishUntil) : null,
          plannedMinutes: body.plannedMinutes,
          creditHours: body.creditHours.toFixed(1),
          quiz: body.quiz ?? null,
          state: 'draft',
          createdBy: actor.userId,
        };
        checkCourse(values);
        const id = await repo.insert(tx, values);
        audit({
          action: 'course.created',
          targetType: 'course',
          targetId: id,
          targetLabel: values.title,
          after: courseAuditView(values as Partial<CourseRow>),
        });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, body: CourseUpdateBody): Promise<CourseResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await managedCourse(tx, actor, id, true);
        assertVersion(before, body.version);
        if (before.state === 'withdrawn') throw transitionNotAllowed('已撤回', '修改');
        if (body.audienceOrgIds) await checkAudience(tx, body.audienceOrgIds);
        if (body.seriesId && !(await repo.seriesExists(tx, body.seriesId))) throw seriesNotFound();
        const rules =
          (body.plannedMinutes !== undefined && body.plannedMinutes !== before.plannedMinutes) ||
          (body.creditHours !== undefined && body.creditHours !== Number(before.creditHours)) ||
          (body.quiz !== undefined && quizKey(body.quiz) !== quizKey(before.quiz as CourseQuiz | null));
        if (rules && before.started > 0) throw courseNotEditable();
        const {
          version,
          creditHours,
          publishFrom,
          publishUntil,
          audienceOrgIds,
          audiencePositions,
          ...plain
        } = body;
        const values = {
          ...Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)),
          ...(plain.body !== undefined
            ? { body: before.kind === 'article' ? cleanBody(plain.body) : null }
            : {}),
          ...(creditHours !== undefined ? { creditHours: creditHours.toFixed(1) } : {}),
          ...(publishFrom !== undefined ? { publishFrom: publishFrom ? new Date(publishFrom) : null } : {}),
          ...(publishUntil !== undefined
            ? { publishUntil: publishUntil ? new Date(publishUntil) : null }
            : {}),
          ...(audienceOrgIds ? { audienceOrgIds: [...new Set(audienceOrgIds)] } : {}),
          ...(audiencePositions ? { audiencePositions: [...new Set(audiencePositions)] } : {}),
        } as Partial<typeof courses.$inferInsert>;
        const merged = { ...before, ...values } as CourseRow;
        checkCourse(merged);
        if (before.state === 'published') checkPublishable(merged);
        if (!(await repo.update(tx, id, version, values))) throw versionConflict();
        audit({
          action: 'course.updated',
          targetType: 'course',
          targetId: id,
          targetLabel: merged.title,
          before: courseAuditView(before),
          after: courseAuditView(values as Partial<CourseRow>),
        });
      });
      return this.get(actor, id);
    },

    /** Publishes (the audience's members get an inbox notice, once per course) or withdraws. */
    async changeState(actor: Actor, id: number, body: CourseStateBody): Promise<CourseResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await managedCourse(tx, actor, id, true);
        assertVersion(before, body.version);
        const from = before.state as CourseState;
        if (!COURSE_TRANSITIONS[from].includes(body.to))
          throw transitionNotAllowed(COURSE_STATE_LABELS[from], COURSE_STATE_LABELS[body.to]);
        if (body.to === 'published') checkPublishable(before);
        const values =
          body.to === 'published'
            ? { state: body.to, publishedAt: before.publishedAt ?? now() }
            : { state: body.to };
        if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
        let notified = 0;
        if (body.to === 'published')
          notified = await inbox.post(tx, {
            userIds: await audienceAccounts(tx, before),
            kind: 'course',
            title: `${before.required ? '必修' : '新'}课程：${before.title}`,
            link: `/learn/courses/${id}`,
            dedupeKey: `course:${id}`,
          });
        audit({
          action: body.to === 'published' ? 'course.published' : 'course.withdrawn',
          targetType: 'course',
          targetId: id,
          targetLabel: before.title,
          before: { state: from },
          after: { state: body.to, ...(body.to === 'published' ? { notified } : {}) },
        });
      });
      return this.get(actor, id);
    },

    async seriesList(actor: Actor): Promise<SeriesListResponse> {
      assertHolds(actor, 'course.manage');
      const rows = await repo.seriesList(db);
      return { items: rows.map(mapSeries) };
    },

    async createSeries(actor: Actor, body: SeriesCreateBody): Promise<SeriesResponse> {
      const id = await audited(db, actor, async (tx, audit) => {
        assertHolds(actor, 'course.manage');
        const id = await repo.insertSeries(tx, {
          title: body.title,
          description: body.description ?? null,
          createdBy: actor.userId,
        });
        audit({
          action: 'course.series_created',
          targetType: 'course_series',
          targetId: id,
          targetLabel: body.title,
          after: { title: body.title },
        });
        return id;
      });
      const row = (await repo.seriesList(db)).find((s) => s.id === id)!;
      return mapSeries(row);
    },
  };
}

const mapSeries = (s: {
  id: number;
  title: string;
  description: string | null;
  courses: number;
  createdAt: Date;
}): SeriesResponse => ({
  id: s.id,
  title: s.title,
  description: s.description,
  courses: s.courses,
  createdAt: s.createdAt.toISOString(),
});

export type CoursesService = ReturnType<typeof createCoursesService>;
