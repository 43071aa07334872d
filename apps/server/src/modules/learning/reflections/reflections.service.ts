/**
 * Reflections (心得体会): a member posts one on a course, meeting or training they may see; a
 * reviewer (reflection.review over the author's org) approves it or returns it with a comment;
 * the author edits a returned one and it goes back for review; an approved one may be featured
 * to the whole committee. One outside the actor's sight answers 404 like a missing one.
 */
import {
  type FeaturedListQuery,
  REFLECTION_STATE_LABELS,
  REFLECTION_SUBJECT_LABELS,
  RecordId,
  type ReflectionCreateBody,
  type ReflectionFeatureBody,
  type ReflectionListQuery,
  type ReflectionListResponse,
  type ReflectionResponse,
  type ReflectionReviewBody,
  type ReflectionState,
  type ReflectionSubjectType,
  type ReflectionUpdateBody,
} from '@ningxin/shared';
import { and, eq, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../db/client';
import { reflections } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../lib/cursor';
import { assertVersion, notFound, versionConflict } from '../../../lib/errors';
import { type Actor, assertHolds, coversOrgPath, selfMemberId } from '../../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../../policy/scope';
import { audited } from '../../audit/audit.service';
import { iso, ownMemberId, type ReflectionsDeps } from './reflections.access';
import {
  notEditable,
  notFeaturable,
  notReviewable,
  returnNeedsComment,
  subjectNotVisible,
} from './reflections.errors';
import {
  hasPendingComments,
  type ReflectionRow,
  reflectionsRepository as repo,
} from './reflections.repository';
import { createReflectionSubjects } from './reflections.subjects';

const FEATURED_CURSOR = z.tuple([z.string(), RecordId()]);
const ID_CURSOR = z.tuple([RecordId()]);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const EDITABLE: readonly string[] = ['submitted', 'returned'];

export function createReflectionsService(deps: ReflectionsDeps) {
  const { db, orgs, users, inbox } = deps;
  const subjectsOf = createReflectionSubjects(deps);

  const reviewScope = (actor: Actor) =>
    scopeCondition(actor, 'reflection.review', {
      inOrgSubtree: (path) => inPathSubtree(reflections.orgPath, path),
      homeCounty: null,
      hostDistrict: null,
      memberId: null,
    });

  const reviews = (actor: Actor, r: ReflectionRow) => coversOrgPath(actor, 'reflection.review', r.orgPath);
  const isAuthor = (actor: Actor, r: ReflectionRow) => selfMemberId(actor) === r.memberId;
  const isFeatured = (r: ReflectionRow) => r.state === 'approved' && r.featuredAt !== null;

  /** Whether the actor may read it: its author, a reviewer over its org, anyone once featured. */
  const readable = (actor: Actor, r: ReflectionRow) =>
    isAuthor(actor, r) || reviews(actor, r) || isFeatured(r);

  function present(actor: Actor, r: ReflectionRow, titles: Map<string, string>): ReflectionResponse {
    const state = r.state as ReflectionState;
    const type = r.subjectType as ReflectionSubjectType;
    const reviewer = reviews(actor, r);
    return {
      id: r.id,
      title: r.title,
      body: r.body,
      subject: {
        type,
        typeLabel: REFLECTION_SUBJECT_LABELS[type],
        id: r.subjectId,
        title: titles.get(`${type}:${r.subjectId}`) ?? null,
      },
      author: { memberId: r.memberId, name: r.memberName },
      org: { id: r.orgId, name: r.orgName },
      state,
      stateLabel: REFLECTION_STATE_LABELS[state],
      reviewComment: r.reviewComment,
      reviewerName: r.reviewerName,
      reviewedAt: iso(r.reviewedAt),
      featuredAt: isFeatured(r) ? iso(r.featuredAt) : null,
      submittedAt: r.submittedAt.toISOString(),
      version: r.version,
      counts: { comments: r.comments, pendingComments: reviewer ? r.pendingComments : 0 },
      policies: {
        edit: isAuthor(actor, r) && EDITABLE.includes(state),
        review: reviewer && state === 'submitted',
        feature: reviewer && state === 'approved' && !r.featuredAt,
        unfeature: reviewer && isFeatured(r),
        comment: state === 'approved',
        moderate: reviewer,
      },
    };
  }

  async function presentMany(actor: Actor, rows: readonly ReflectionRow[]) {
    const titles = await subjectsOf.titles(db, rows);
    return rows.map((r) => present(actor, r, titles));
  }

  async function presentOne(actor: Actor, id: number) {
    const row = await repo.findById(db, id);
    if (!row) throw notFound('心得体会');
    return (await presentMany(actor, [row]))[0]!;
  }

  /** The reflection if the actor may read it (404 otherwise). */
  async function readableRow(executor: Executor, actor: Actor, id: number, lock = false) {
    const row = await repo.findById(executor, id, lock);
    if (!row || !readable(actor, row)) throw notFound('心得体会');
    return row;
  }

  /** The reflection if the actor reviews it (403 for one who never may, 404 outside their scope). */
  async function reviewedRow(executor: Executor, actor: Actor, id: number, lock = false) {
    assertHolds(actor, 'reflection.review');
    const row = await repo.findById(executor, id, lock);
    if (!row || !reviews(actor, row)) throw notFound('心得体会');
    return row;
  }

  /** Tells the author (their member accounts) what became of their reflection. */
  async function tellAuthor(tx: Executor, r: ReflectionRow, title: string) {
    const accounts = await users.memberAccounts(tx, [r.memberId]);
    if (accounts.length === 0) return;
    await inbox.post(tx, {
      userIds: accounts.map((a) => a.userId),
      kind: 'reflection',
      title,
      link: `/reflections/${r.id}`,
      dedupeKey: `reflection:${r.id}:${r.version + 1}`,
    });
  }

  return {
    /** Reflections the actor reviews (reflection.review over the author's org), newest first. */
    async list(actor: Actor, q: ReflectionListQuery): Promise<ReflectionListResponse> {
      assertHolds(actor, 'reflection.review');
      const orgPath = q.orgId ? ((await orgs.lookup(db, q.orgId))?.path ?? '-') : null;
      const words = q.q?.trim();
      const where = and(
        reviewScope(actor),
        q.state ? eq(reflections.state, q.state) : undefined,
        orgPath ? inPathSubtree(reflections.orgPath, orgPath) : undefined,
        q.year
          ? sql`${reflections.submittedAt} >= ${`${q.year}-01-01T00:00:00+08:00`}::timestamptz and ${reflections.submittedAt} < ${`${q.year + 1}-01-01T00:00:00+08:00`}::timestamptz`
          : undefined,
        q.pendingComments === 'true' ? hasPendingComments : undefined,
        words
          ? or(
              like(reflections.title, `%${escapeLike(words)}%`),
              like(reflections.body, `%${escapeLike(words)}%`),
            )
          : undefined,
      );
      const after = q.cursor ? decodeCursor(q.cursor, ID_CURSOR)[0] : undefined;
      const rows = await repo.list(db, where, after, q.limit);
      const last = rows.at(-1);
      return {
        items: await presentMany(actor, rows),
        nextCursor: rows.length === q.limit && last ? encodeCursor([last.id]) : null,
      };
    },

    /** The member's own reflections, newest first (the most recent 100). */
    async mine(actor: Actor): Promise<ReflectionListResponse> {
      const memberId = ownMemberId(actor);
      const rows = await repo.list(db, eq(reflections.memberId, memberId), undefined, 100);
      return { items: await presentMany(actor, rows), nextCursor: null };
    },

    /** Featured reflections, for every signed-in account: the whole committee's. */
    async featured(actor: Actor, q: FeaturedListQuery): Promise<ReflectionListResponse> {
      const after = q.cursor ? decodeCursor(q.cursor, FEATURED_CURSOR) : undefined;
      const rows = await repo.featured(db, after, q.limit);
      const last = rows.at(-1);
      return {
        items: await presentMany(actor, rows),
        nextCursor:
          rows.length === q.limit && last?.featuredAt
            ? encodeCursor([last.featuredAt.toISOString(), last.id])
            : null,
      };
    },

    /** What the member may write about: courses addressed to them, meetings attended or expected at, classes joined. */
    subjects: (actor: Actor) => subjectsOf.listFor(actor),

    get: async (actor: Actor, id: number) => {
      await readableRow(db, actor, id);
      return presentOne(actor, id);
    },

    async create(actor: Actor, body: ReflectionCreateBody): Promise<ReflectionResponse> {
      const memberId = ownMemberId(actor);
      const id = await audited(db, actor, async (tx, audit) => {
        const subject = await subjectsOf.visible(tx, actor, memberId, body.subjectType, body.subjectId);
        const [p] = await deps.members.placements(tx, [memberId]);
        if (!p) throw subjectNotVisible();
        const id = await repo.insert(tx, {
          memberId,
          orgId: p.orgId,
          orgPath: p.orgPath,
          subjectType: body.subjectType,
          subjectId: body.subjectId,
          title: body.title,
          body: body.body,
          state: 'submitted',
        });
        audit({
          action: 'reflection.created',
          targetType: 'reflection',
          targetId: id,
          targetLabel: body.title,
          after: { subjectType: body.subjectType, subjectId: body.subjectId, subject, title: body.title },
        });
        return id;
      });
      return presentOne(actor, id);
    },

    /** The author edits one awaiting review or returned; a returned one goes back for review. */
    async update(actor: Actor, id: number, body: ReflectionUpdateBody): Promise<ReflectionResponse> {
      ownMemberId(actor);
      await audited(db, actor, async (tx, audit) => {
        const before = await repo.findById(tx, id, true);
        if (!before || !isAuthor(actor, before)) throw notFound('心得体会');
        assertVersion(before, body.version);
        if (!EDITABLE.includes(before.state))
          throw notEditable(REFLECTION_STATE_LABELS[before.state as ReflectionState]);
        const resubmit = before.state === 'returned';
        const values = {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.body !== undefined ? { body: body.body } : {}),
          ...(resubmit ? { state: 'submitted', submittedAt: new Date() } : {}),
        };
        if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
        audit({
          action: 'reflection.updated',
          targetType: 'reflection',
          targetId: id,
          targetLabel: body.title ?? before.title,
          before: { title: before.title, state: before.state },
          after: { title: body.title ?? before.title, state: resubmit ? 'submitted' : before.state },
        });
      });
      return presentOne(actor, id);
    },

    async review(actor: Actor, id: number, body: ReflectionReviewBody): Promise<ReflectionResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await reviewedRow(tx, actor, id, true);
        assertVersion(before, body.version);
        if (before.state !== 'submitted')
          throw notReviewable(REFLECTION_STATE_LABELS[before.state as ReflectionState]);
        const comment = body.comment?.trim() || null;
        if (body.decision === 'return' && !comment) throw returnNeedsComment();
        const to = body.decision === 'approve' ? 'approved' : 'returned';
        const values = {
          state: to,
          reviewComment: comment,
          reviewedBy: actor.userId,
          reviewedAt: new Date(),
        };
        if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
        await tellAuthor(
          tx,
          before,
          to === 'approved'
            ? `您的心得体会“${before.title}”已审核通过`
            : `您的心得体会“${before.title}”被退回，请按审核意见修改后重新提交`,
        );
        audit({
          action: to === 'approved' ? 'reflection.approved' : 'reflection.returned',
          targetType: 'reflection',
          targetId: id,
          targetLabel: before.title,
          before: { state: before.state },
          after: { state: to, comment },
        });
      });
      return presentOne(actor, id);
    },

    async feature(actor: Actor, id: number, body: ReflectionFeatureBody): Promise<ReflectionResponse> {
      await audited(db, actor, async (tx, audit) => {
        const before = await reviewedRow(tx, actor, id, true);
        assertVersion(before, body.version);
        if (before.state !== 'approved') throw notFeaturable();
        const values = body.featured
          ? { featuredAt: before.featuredAt ?? new Date(), featuredBy: actor.userId }
          : { featuredAt: null, featuredBy: null };
        if (!(await repo.update(tx, id, body.version, values))) throw versionConflict();
        if (body.featured && !before.featuredAt)
          await tellAuthor(tx, before, `您的心得体会“${before.title}”被评为精选，全委员会可见`);
        audit({
          action: body.featured ? 'reflection.featured' : 'reflection.unfeatured',
          targetType: 'reflection',
          targetId: id,
          targetLabel: before.title,
        });
      });
      return presentOne(actor, id);
    },

    /** For the files module and the comments: the reflection if the actor may read (or, the author, write) it. */
    readableRow,
    reviewedRow,
    reviews,
    async authorizeFiles(executor: Executor, actor: Actor, id: number, access: 'read' | 'write') {
      const row = await readableRow(executor, actor, id);
      if (access === 'write') {
        if (!isAuthor(actor, row)) throw notFound('心得体会');
        if (!EDITABLE.includes(row.state))
          throw notEditable(REFLECTION_STATE_LABELS[row.state as ReflectionState]);
      }
      return { label: row.title };
    },
  };
}

export type ReflectionsService = ReturnType<typeof createReflectionsService>;
