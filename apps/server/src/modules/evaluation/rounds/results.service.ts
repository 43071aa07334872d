/** Rounds (民主评议): counting the vote and fixing the grades (at most a third 优秀), with the ledger and the notices. */
import {
  EVALUATION_GRADE_LABELS,
  type EvaluationGrade,
  type EvaluationGradesBody,
  maxExcellent,
} from '@ningxin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';
import {
  evaluationBallots as ballots,
  evaluationBallotMarks as marks,
  evaluationParticipants as participants,
} from '../../../db/schema';
import { assertVersion } from '../../../lib/errors';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { type EvaluationAccess, gradeEntry, MINE_LINK } from '../evaluation.access';
import { gradesIncomplete, notInRound, tooManyExcellent } from '../evaluation.errors';

const _gradeOrNull = (g: string | null) => (g as EvaluationGrade | null) ?? null;

/** Who takes part in a round and how each votes. */
export async function participantRows(executor: Executor, roundId: number) {
  return executor
    .select({
      memberId: participants.memberId,
      ballotMode: participants.ballotMode,
      voted: participants.voted,
    })
    .from(participants)
    .where(eq(participants.roundId, roundId));
}

export function createResultsService(access: EvaluationAccess) {
  const { db } = access;
  return {
    /** Counts the ballots: each participant's votes by grade, from the stored ballots. */
    async count(actor: Actor, id: number, version: number) {
      await audited(db, actor, async (tx, audit) => {
        const round = await access.managed(tx, actor, id);
        assertVersion(round, version);
        access.inState(round, 'voting');
        const tally = (grade: EvaluationGrade) =>
          sql`(select count(*)::int from ${marks} inner join ${ballots} on ${ballots.id} = ${marks.ballotId}
            where ${ballots.roundId} = ${id} and ${marks.memberId} = ${participants.memberId} and ${marks.grade} = ${grade})`;
        await tx
          .update(participants)
          .set({
            votesExcellent: tally('excellent'),
            votesQualified: tally('qualified'),
            votesBasic: tally('basic'),
            votesUnqualified: tally('unqualified'),
          })
          .where(eq(participants.roundId, id));
        await access.touch(tx, id, { state: 'counted' });
        const [n] = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${ballots} where ${ballots.roundId} = ${id}`,
        );
        audit({
          action: 'evaluation.counted',
          targetType: 'evaluation_round',
          targetId: id,
          targetLabel: round.title,
          after: { ballots: n?.n ?? 0 },
        });
      });
      return access.presentOne(db, actor, id);
    },

    /**
     * Fixes every participant's grade with the branch meeting's decision: at most one third 优秀.
     * Each member gets a ledger entry and a notice.
     */
    async grade(actor: Actor, id: number, body: EvaluationGradesBody) {
      await audited(db, actor, async (tx, audit) => {
        const round = await access.managed(tx, actor, id);
        assertVersion(round, body.version);
        access.inState(round, 'counted');
        const rows = await participantRows(tx, id);
        const known = new Set(rows.map((r) => r.memberId));
        const given = new Map<number, (typeof body.grades)[number]>();
        body.grades.forEach((g, i) => {
          if (!known.has(g.memberId)) throw notInRound(`grades.${i}.memberId`);
          if (given.has(g.memberId)) throw gradesIncomplete('同一党员的等次重复');
          given.set(g.memberId, g);
        });
        const missing = rows.length - given.size;
        if (missing > 0) throw gradesIncomplete(`还有 ${missing} 名参评党员未确定等次`);
        const excellent = body.grades.filter((g) => g.grade === 'excellent').length;
        const max = maxExcellent(rows.length);
        if (excellent > max) throw tooManyExcellent(rows.length, max, excellent);
        for (const g of body.grades)
          await tx
            .update(participants)
            .set({ finalGrade: g.grade, finalNote: g.note ?? null })
            .where(and(eq(participants.roundId, id), eq(participants.memberId, g.memberId)));
        await access.touch(tx, id, {
          state: 'decided',
          decisionNote: body.decisionNote,
          decidedOn: body.decidedOn,
          decidedBy: actor.userId,
        });
        await access.activity.recordMany(
          tx,
          body.grades.map((g) => gradeEntry(round, g.memberId, g.grade, body.decidedOn)),
        );
        const accounts = await access.accountsOf(
          tx,
          body.grades.map((g) => g.memberId),
        );
        for (const a of accounts) {
          const grade = given.get(a.memberId)!.grade;
          await access.inbox.post(tx, {
            userIds: [a.userId],
            kind: 'evaluation',
            title: `${round.year}年度民主评议结果：${EVALUATION_GRADE_LABELS[grade]}`,
            link: MINE_LINK,
            dedupeKey: `evaluation:${id}:${grade}`,
          });
        }
        audit({
          action: 'evaluation.graded',
          targetType: 'evaluation_round',
          targetId: id,
          targetLabel: round.title,
          after: {
            decidedOn: body.decidedOn,
            decisionNote: body.decisionNote,
            grades: Object.fromEntries(body.grades.map((g) => [g.memberId, g.grade])),
          },
        });
      });
      return access.presentOne(db, actor, id);
    },
  };
}
