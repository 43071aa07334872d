/**
 * Comments on reflections: any signed-in account that may read an approved reflection comments;
 * a comment waits (pending) until a reviewer of the reflection shows it (approved) or not
 * (rejected). Readers see the shown ones and their own; reviewers see all.
 */
import {
  COMMENT_STATE_LABELS,
  type CommentCreateBody,
  type CommentListResponse,
  type CommentModerateBody,
  type CommentResponse,
  type CommentState,
} from '@ningxin/shared';
import { eq, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { reflectionComments } from '../../../db/schema';
import { notFound } from '../../../lib/errors';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { commentNotPending, notOpenForComments } from './reflections.errors';
import type { CommentRow } from './reflections.repository';
import { reflectionsRepository as repo } from './reflections.repository';
import type { ReflectionsService } from './reflections.service';

const map = (actor: Actor, c: CommentRow): CommentResponse => ({
  id: c.id,
  reflectionId: c.reflectionId,
  authorName: c.authorName,
  mine: c.authorId === actor.userId,
  body: c.body,
  state: c.state as CommentState,
  stateLabel: COMMENT_STATE_LABELS[c.state as CommentState],
  createdAt: c.createdAt.toISOString(),
});

export function createReflectionComments(db: Db, reflections: ReflectionsService) {
  return {
    async list(actor: Actor, id: number): Promise<CommentListResponse> {
      const r = await reflections.readableRow(db, actor, id);
      const where = reflections.reviews(actor, r)
        ? undefined
        : or(eq(reflectionComments.state, 'approved'), eq(reflectionComments.authorId, actor.userId));
      return { items: (await repo.comments(db, id, where)).map((c) => map(actor, c)) };
    },

    async add(actor: Actor, id: number, body: CommentCreateBody): Promise<CommentResponse> {
      const commentId = await audited(db, actor, async (tx, audit) => {
        const r = await reflections.readableRow(tx, actor, id);
        if (r.state !== 'approved') throw notOpenForComments();
        const commentId = await repo.insertComment(tx, {
          reflectionId: id,
          authorId: actor.userId,
          body: body.body,
          state: 'pending',
        });
        audit({
          action: 'reflection.comment_added',
          targetType: 'reflection',
          targetId: id,
          targetLabel: r.title,
          after: { commentId, body: body.body },
        });
        return commentId;
      });
      return map(actor, (await repo.comment(db, id, commentId))!);
    },

    async moderate(
      actor: Actor,
      id: number,
      commentId: number,
      body: CommentModerateBody,
    ): Promise<CommentResponse> {
      await audited(db, actor, async (tx, audit) => {
        const r = await reflections.reviewedRow(tx, actor, id);
        const c = await repo.comment(tx, id, commentId, true);
        if (!c) throw notFound('评论');
        if (c.state !== 'pending') throw commentNotPending(COMMENT_STATE_LABELS[c.state as CommentState]);
        await repo.moderateComment(tx, commentId, body.decision, actor.userId);
        audit({
          action: 'reflection.comment_moderated',
          targetType: 'reflection',
          targetId: id,
          targetLabel: r.title,
          before: { commentId, state: c.state },
          after: { commentId, state: body.decision },
        });
      });
      return map(actor, (await repo.comment(db, id, commentId))!);
    },
  };
}

export type ReflectionComments = ReturnType<typeof createReflectionComments>;
