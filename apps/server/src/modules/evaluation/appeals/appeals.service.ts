/** Appeals (申诉) against a fixed grade: the member appeals, the secretary upholds or changes it. */
import {
  APPEAL_STATE_LABELS,
  type AppealState,
  addDays,
  EVALUATION_APPEAL_DAYS,
  EVALUATION_GRADE_LABELS,
  type EvaluationAnswerBody,
  type EvaluationAppeal,
  type EvaluationAppealBody,
  type EvaluationAppealsResponse,
  type EvaluationGrade,
  localIsoDate,
  maxExcellent,
} from '@ningxin/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client';
import { evaluationAppeals as appeals, evaluationParticipants as participants } from '../../../db/schema';
import { notFound } from '../../../lib/errors';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { memberNameOf } from '../../members/members.fragments';
import { type EvaluationAccess, gradeEntry, MINE_LINK } from '../evaluation.access';
import {
  alreadyAppealed,
  appealAnswered,
  appealClosed,
  sameGrade,
  tooManyExcellent,
} from '../evaluation.errors';

type AppealRow = typeof appeals.$inferSelect;

export const presentAppeal = (
  a: AppealRow,
  name: string,
  grade: EvaluationGrade | null,
): EvaluationAppeal => ({
  id: a.id,
  member: { id: a.memberId, name },
  reason: a.reason,
  state: a.state as AppealState,
  stateLabel: APPEAL_STATE_LABELS[a.state as AppealState],
  grade,
  newGrade: (a.newGrade as EvaluationGrade | null) ?? null,
  answer: a.answer,
  answeredAt: a.answeredAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});

export function createAppealsService(access: EvaluationAccess) {
  const { db } = access;

  return {
    async list(actor: Actor, id: number): Promise<EvaluationAppealsResponse> {
      const round = await access.readable(db, actor, id);
      const scope = access.participantScope(actor, round);
      const rows = await db
        .select({ a: appeals, name: memberNameOf(appeals.memberId), grade: participants.finalGrade })
        .from(appeals)
        .innerJoin(
          participants,
          and(eq(participants.roundId, appeals.roundId), eq(participants.memberId, appeals.memberId)),
        )
        .where(and(eq(appeals.roundId, id), scope))
        .orderBy(desc(appeals.id));
      return {
        items: rows.map((r) =>
          presentAppeal(r.a, r.name, r.a.state === 'changed' ? null : (r.grade as EvaluationGrade | null)),
        ),
      };
    },

    /** The member's appeal, within the window after the decision; one per round. */
    async appeal(actor: Actor, id: number, body: EvaluationAppealBody): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const { round, participant } = await access.mine(tx, actor, id);
        const until = round.decidedOn ? addDays(round.decidedOn, EVALUATION_APPEAL_DAYS) : null;
        if (round.state !== 'decided' || !until || localIsoDate(new Date()) > until) throw appealClosed();
        const [before] = await tx
          .select({ id: appeals.id })
          .from(appeals)
          .where(and(eq(appeals.roundId, id), eq(appeals.memberId, participant.memberId)));
        if (before) throw alreadyAppealed();
        const [row] = await tx
          .insert(appeals)
          .values({ roundId: id, memberId: participant.memberId, reason: body.reason })
          .returning({ id: appeals.id });
        audit({
          action: 'evaluation.appealed',
          targetType: 'evaluation_appeal',
          targetId: row!.id,
          targetLabel: round.title,
          after: { roundId: id, memberId: participant.memberId, grade: participant.finalGrade },
        });
      });
    },

    /** The secretary's answer: uphold the grade, or change it (the ledger entry follows). */
    async answer(actor: Actor, id: number, appealId: number, body: EvaluationAnswerBody) {
      await audited(db, actor, async (tx, audit) => {
        const round = await access.managed(tx, actor, id);
        const [a] = await tx
          .select()
          .from(appeals)
          .where(and(eq(appeals.id, appealId), eq(appeals.roundId, id)))
          .for('update');
        if (!a) throw notFound('申诉');
        if (a.state !== 'submitted') throw appealAnswered();
        const [p] = await tx
          .select()
          .from(participants)
          .where(and(eq(participants.roundId, id), eq(participants.memberId, a.memberId)));
        const old = (p?.finalGrade as EvaluationGrade | null) ?? null;
        let grade = old;
        if (body.decision === 'changed') {
          const next = body.newGrade!;
          if (next === old) throw sameGrade();
          if (next === 'excellent') {
            const [c] = await queryRows<{ n: number; excellent: number }>(
              tx,
              sql`select count(*)::int as n, (count(*) filter (where ${participants.finalGrade} = 'excellent'))::int as excellent
                from ${participants} where ${participants.roundId} = ${id}`,
            );
            const max = maxExcellent(c!.n);
            if (c!.excellent + 1 > max) throw tooManyExcellent(c!.n, max, c!.excellent + 1);
          }
          grade = next;
          await tx
            .update(participants)
            .set({ finalGrade: next })
            .where(and(eq(participants.roundId, id), eq(participants.memberId, a.memberId)));
          await access.activity.record(
            tx,
            gradeEntry(round, a.memberId, next, round.decidedOn ?? localIsoDate(new Date())),
          );
        }
        await tx
          .update(appeals)
          .set({
            state: body.decision,
            newGrade: body.decision === 'changed' ? grade : null,
            answer: body.answer,
            answeredBy: actor.userId,
            answeredAt: new Date(),
          })
          .where(eq(appeals.id, appealId));
        const accounts = await access.accountsOf(tx, [a.memberId]);
        if (accounts.length)
          await access.inbox.post(tx, {
            userIds: accounts.map((x) => x.userId),
            kind: 'evaluation',
            title:
              body.decision === 'changed'
                ? `评议申诉已答复：等次改为${EVALUATION_GRADE_LABELS[grade!]}`
                : '评议申诉已答复：维持原等次',
            link: MINE_LINK,
            dedupeKey: `evaluation-appeal:${appealId}`,
          });
        audit({
          action: 'evaluation.appeal_answered',
          targetType: 'evaluation_appeal',
          targetId: appealId,
          targetLabel: round.title,
          before: { grade: old },
          after: { decision: body.decision, grade },
        });
      });
      return this.list(actor, id);
    },
  };
}

export type AppealsService = ReturnType<typeof createAppealsService>;
