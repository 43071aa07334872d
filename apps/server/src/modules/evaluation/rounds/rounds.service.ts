/** Rounds (民主评议): creation, steps, participants, self and peer assessment, counting and grades. */
import {
  addDays,
  type BallotMode,
  EVALUATION_APPEAL_DAYS,
  EVALUATION_GRADE_LABELS,
  EVALUATION_STATE_LABELS,
  type EvaluationBallotModesBody,
  type EvaluationCreateBody,
  type EvaluationGrade,
  type EvaluationGradesBody,
  type EvaluationListQuery,
  type EvaluationMineResponse,
  type EvaluationParticipantsResponse,
  type EvaluationPeerBody,
  type EvaluationPeerReviewsResponse,
  type EvaluationSelfBody,
  type EvaluationState,
  type EvaluationStepBody,
  localIsoDate,
  maxExcellent,
} from '@ningxin/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';
import {
  evaluationAppeals as appeals,
  evaluationBallots as ballots,
  evaluationBallotMarks as marks,
  evaluationParticipants as participants,
  evaluationPeerReviews as reviews,
  evaluationRounds as rounds,
} from '../../../db/schema';
import { isUniqueViolation } from '../../../lib/db-errors';
import { assertVersion } from '../../../lib/errors';
import { type Actor, assertHolds, coversOrgPath } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { memberNameOf, membersOnRolls } from '../../members/members.fragments';
import { orgNameOf } from '../../orgs/orgs.fragments';
import { presentAppeal } from '../appeals/appeals.service';
import { type EvaluationAccess, gradeEntry, MINE_LINK, OUTER } from '../evaluation.access';
import {
  branchNotUsable,
  closesBeforeOpens,
  gradesIncomplete,
  modeNotSettable,
  noMembers,
  notInRound,
  roundExists,
  selfReview,
  tooManyExcellent,
  wrongStep,
} from '../evaluation.errors';

const NEXT: Partial<Record<EvaluationState, EvaluationState>> = {
  draft: 'self',
  self: 'peer',
  peer: 'voting',
};

const gradeOrNull = (g: string | null) => (g as EvaluationGrade | null) ?? null;

export function createRoundsService(access: EvaluationAccess) {
  const { db } = access;

  async function participantRows(executor: Executor, roundId: number) {
    return executor
      .select({
        memberId: participants.memberId,
        ballotMode: participants.ballotMode,
        voted: participants.voted,
      })
      .from(participants)
      .where(eq(participants.roundId, roundId));
  }

  return {
    async list(actor: Actor, q: EvaluationListQuery) {
      return {
        items: await access.present(
          db,
          actor,
          and(access.readScope(actor), q.year ? eq(rounds.year, q.year) : undefined),
        ),
      };
    },

    get: (actor: Actor, id: number) =>
      access.readable(db, actor, id).then(() => access.presentOne(db, actor, id)),

    async create(actor: Actor, body: EvaluationCreateBody) {
      assertHolds(actor, 'evaluation.manage');
      const org = await access.orgs.lookup(db, body.orgId);
      if (
        !org ||
        org.closedAt ||
        org.kind !== 'branch' ||
        !coversOrgPath(actor, 'evaluation.manage', org.path)
      )
        throw branchNotUsable();
      if (body.closesOn < body.opensOn) throw closesBeforeOpens();
      let id: number;
      try {
        id = await audited(db, actor, async (tx, audit) => {
          const title = body.title?.trim() || `${body.year}年度民主评议党员`;
          const [row] = await tx
            .insert(rounds)
            .values({
              orgId: org.id,
              orgPath: org.path,
              year: body.year,
              title,
              opensOn: body.opensOn,
              closesOn: body.closesOn,
              createdBy: actor.userId,
            })
            .returning({ id: rounds.id });
          const roundId = row!.id;
          const added = await queryRows<{ n: number }>(
            tx,
            sql`with added as (
              insert into ${participants} (round_id, member_id, ballot_mode)
              select ${roundId}, m.member_id, case when m.member_type = 'probationary' then 'none' else 'online' end
              from (${membersOnRolls()}) m where m.org_id = ${org.id}
              returning 1)
            select count(*)::int as n from added`,
          );
          if (!added[0]?.n) throw noMembers();
          audit({
            action: 'evaluation.round_created',
            targetType: 'evaluation_round',
            targetId: roundId,
            targetLabel: `${org.name} ${title}`,
            after: { orgId: org.id, year: body.year, title, participants: added[0].n },
          });
          return roundId;
        });
      } catch (err) {
        if (isUniqueViolation(err, 'evaluation_rounds_org_year_idx')) throw roundExists(body.year);
        throw err;
      }
      return access.presentOne(db, actor, id);
    },

    async step(actor: Actor, id: number, body: EvaluationStepBody) {
      await audited(db, actor, async (tx, audit) => {
        const round = await access.managed(tx, actor, id);
        assertVersion(round, body.version);
        if (NEXT[round.state as EvaluationState] !== body.to)
          throw wrongStep(EVALUATION_STATE_LABELS[round.state as EvaluationState]);
        await access.touch(tx, id, { state: body.to });
        audit({
          action: 'evaluation.step_moved',
          targetType: 'evaluation_round',
          targetId: id,
          targetLabel: round.title,
          before: { state: round.state },
          after: { state: body.to },
        });
      });
      return access.presentOne(db, actor, id);
    },

    async participants(actor: Actor, id: number): Promise<EvaluationParticipantsResponse> {
      const round = await access.readable(db, actor, id);
      const counted = round.state === 'counted' || round.state === 'decided';
      const rows = await db
        .select({
          p: participants,
          name: memberNameOf(OUTER.participantMember),
          memberType: sql<string>`(select m.member_type from (${membersOnRolls()}) m where m.member_id = ${OUTER.participantMember})`,
          peerReviews: sql<number>`(select count(*)::int from ${reviews} where ${reviews.roundId} = ${OUTER.participantRound} and ${reviews.memberId} = ${OUTER.participantMember})`,
        })
        .from(participants)
        .where(and(eq(participants.roundId, id), access.participantScope(actor, round)))
        .orderBy(memberNameOf(participants.memberId), participants.memberId);
      return {
        items: rows.map(({ p, name, memberType, peerReviews }) => ({
          member: { id: p.memberId, name },
          memberType: memberType ?? (p.ballotMode === 'none' ? 'probationary' : 'full'),
          selfGrade: gradeOrNull(p.selfGrade),
          selfText: p.selfText,
          peerReviews,
          ballotMode: p.ballotMode as BallotMode,
          voted: p.voted,
          votes: counted
            ? {
                excellent: p.votesExcellent,
                qualified: p.votesQualified,
                basic: p.votesBasic,
                unqualified: p.votesUnqualified,
              }
            : { excellent: 0, qualified: 0, basic: 0, unqualified: 0 },
          finalGrade: gradeOrNull(p.finalGrade),
          finalNote: p.finalNote,
        })),
      };
    },

    /** Marks who received a paper ballot code (they vote with it, not online); before the vote only. */
    async setModes(actor: Actor, id: number, body: EvaluationBallotModesBody) {
      await audited(db, actor, async (tx, audit) => {
        const round = await access.managed(tx, actor, id);
        assertVersion(round, body.version);
        access.inState(round, 'draft', 'self', 'peer');
        const rows = await participantRows(tx, id);
        const byId = new Map(rows.map((r) => [r.memberId, r]));
        const wanted = new Set(body.codeMemberIds);
        body.codeMemberIds.forEach((memberId, i) => {
          const p = byId.get(memberId);
          if (!p) throw notInRound(`codeMemberIds.${i}`);
          if (p.ballotMode === 'none') throw modeNotSettable(`codeMemberIds.${i}`);
        });
        await tx
          .update(participants)
          .set({
            ballotMode: sql`case when ${participants.ballotMode} = 'none' then 'none'
              when ${participants.memberId} in (${sql.join(
                [0, ...wanted].map((m) => sql`${m}`),
                sql`, `,
              )}) then 'code' else 'online' end`,
          })
          .where(eq(participants.roundId, id));
        await access.touch(tx, id);
        audit({
          action: 'evaluation.modes_set',
          targetType: 'evaluation_round',
          targetId: id,
          targetLabel: round.title,
          before: { code: rows.filter((r) => r.ballotMode === 'code').map((r) => r.memberId) },
          after: { code: [...wanted] },
        });
      });
      return access.presentOne(db, actor, id);
    },

    async selfAssess(actor: Actor, id: number, body: EvaluationSelfBody) {
      await audited(db, actor, async (tx, audit) => {
        const { round, participant } = await access.mine(tx, actor, id);
        access.inState(round, 'self');
        await tx
          .update(participants)
          .set({ selfGrade: body.grade, selfText: body.text, selfAt: new Date() })
          .where(and(eq(participants.roundId, id), eq(participants.memberId, participant.memberId)));
        audit({
          action: 'evaluation.self_assessed',
          targetType: 'evaluation_round',
          targetId: id,
          targetLabel: round.title,
          after: { memberId: participant.memberId, grade: body.grade },
        });
      });
      return this.mine(actor);
    },

    async peerReview(actor: Actor, id: number, memberId: number, body: EvaluationPeerBody) {
      await audited(db, actor, async (tx, audit) => {
        const { round, participant } = await access.mine(tx, actor, id);
        access.inState(round, 'peer');
        if (memberId === participant.memberId) throw selfReview();
        const [other] = await tx
          .select({ memberId: participants.memberId })
          .from(participants)
          .where(and(eq(participants.roundId, id), eq(participants.memberId, memberId)));
        if (!other) throw notInRound('memberId');
        const values = {
          roundId: id,
          reviewerMemberId: participant.memberId,
          memberId,
          grade: body.grade ?? null,
          comment: body.comment,
        };
        await tx
          .insert(reviews)
          .values(values)
          .onConflictDoUpdate({
            target: [reviews.roundId, reviews.reviewerMemberId, reviews.memberId],
            set: { grade: values.grade, comment: values.comment, createdAt: new Date() },
          });
        audit({
          action: 'evaluation.peer_reviewed',
          targetType: 'evaluation_round',
          targetId: id,
          targetLabel: round.title,
          after: { reviewerMemberId: participant.memberId, memberId, grade: values.grade },
        });
      });
      return this.mine(actor);
    },

    async peerReviews(actor: Actor, id: number): Promise<EvaluationPeerReviewsResponse> {
      const round = await access.readable(db, actor, id);
      const scope = access.participantScope(actor, round);
      const rows = await db
        .select({
          r: reviews,
          reviewer: memberNameOf(reviews.reviewerMemberId),
          member: memberNameOf(reviews.memberId),
        })
        .from(reviews)
        .where(
          and(
            eq(reviews.roundId, id),
            scope
              ? sql`${reviews.memberId} in (select ${participants.memberId} from ${participants} where ${participants.roundId} = ${id} and ${scope})`
              : undefined,
          ),
        )
        .orderBy(memberNameOf(reviews.memberId), reviews.memberId, reviews.reviewerMemberId);
      return {
        items: rows.map(({ r, reviewer, member }) => ({
          reviewer: { id: r.reviewerMemberId, name: reviewer },
          member: { id: r.memberId, name: member },
          grade: gradeOrNull(r.grade),
          comment: r.comment,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },

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

    /** The member's latest round: what they wrote, whether they voted, their grade and appeal. */
    async mine(actor: Actor): Promise<EvaluationMineResponse> {
      const memberId = access.me(actor);
      const [row] = await db
        .select({ round: rounds, p: participants, org: orgNameOf(rounds.orgId) })
        .from(participants)
        .innerJoin(rounds, eq(rounds.id, participants.roundId))
        .where(eq(participants.memberId, memberId))
        .orderBy(desc(rounds.year), desc(rounds.id))
        .limit(1);
      if (!row) return { round: null, me: null, members: [] };
      const { round, p } = row;
      const [others, written, appealRows] = await Promise.all([
        db
          .select({ id: participants.memberId, name: memberNameOf(participants.memberId) })
          .from(participants)
          .where(eq(participants.roundId, round.id))
          .orderBy(memberNameOf(participants.memberId), participants.memberId),
        db
          .select()
          .from(reviews)
          .where(and(eq(reviews.roundId, round.id), eq(reviews.reviewerMemberId, memberId))),
        db
          .select({ a: appeals, name: memberNameOf(appeals.memberId) })
          .from(appeals)
          .where(and(eq(appeals.roundId, round.id), eq(appeals.memberId, memberId)))
          .orderBy(desc(appeals.id))
          .limit(1),
      ]);
      const mineBy = new Map(written.map((w) => [w.memberId, w]));
      const appealUntil = round.decidedOn ? addDays(round.decidedOn, EVALUATION_APPEAL_DAYS) : null;
      const today = localIsoDate(new Date());
      const appeal = appealRows[0]
        ? presentAppeal(appealRows[0].a, appealRows[0].name, gradeOrNull(p.finalGrade))
        : null;
      return {
        round: {
          id: round.id,
          title: round.title,
          year: round.year,
          org: row.org,
          state: round.state as EvaluationState,
          stateLabel: EVALUATION_STATE_LABELS[round.state as EvaluationState],
          closesOn: round.closesOn,
          decidedOn: round.decidedOn,
        },
        me: {
          memberId,
          selfGrade: gradeOrNull(p.selfGrade),
          selfText: p.selfText,
          ballotMode: p.ballotMode as BallotMode,
          voted: p.voted,
          finalGrade: round.state === 'decided' ? gradeOrNull(p.finalGrade) : null,
          canAppeal: round.state === 'decided' && !appeal && appealUntil !== null && today <= appealUntil,
          appealUntil,
          appeal,
        },
        members: others.map((o) => ({
          id: o.id,
          name: o.name,
          myComment: mineBy.get(o.id)?.comment ?? null,
          myGrade: gradeOrNull(mineBy.get(o.id)?.grade ?? null),
        })),
      };
    },
  };
}

export type RoundsService = ReturnType<typeof createRoundsService>;
