/**
 * Rounds (民主评议): creation, steps, participants, self and peer assessment, a member's own view;
 * with counting and grades (results.service.ts) one service.
 */
import {
  addDays,
  type BallotMode,
  EVALUATION_APPEAL_DAYS,
  EVALUATION_STATE_LABELS,
  type EvaluationBallotModesBody,
  type EvaluationCreateBody,
  type EvaluationGrade,
  type EvaluationListQuery,
  type EvaluationMineResponse,
  type EvaluationParticipantsResponse,
  type EvaluationPeerBody,
  type EvaluationPeerReviewsResponse,
  type EvaluationSelfBody,
  type EvaluationState,
  type EvaluationStepBody,
  localIsoDate,
} from '@ningxin/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client';
import {
  evaluationAppeals as appeals,
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
import { type EvaluationAccess, OUTER } from '../evaluation.access';
import {
  branchNotUsable,
  closesBeforeOpens,
  modeNotSettable,
  noMembers,
  notInRound,
  roundExists,
  selfReview,
  wrongStep,
} from '../evaluation.errors';
import { createResultsService, participantRows } from './results.service';

const NEXT: Partial<Record<EvaluationState, EvaluationState>> = {
  draft: 'self',
  self: 'peer',
  peer: 'voting',
};

const gradeOrNull = (g: string | null) => (g as EvaluationGrade | null) ?? null;

export function createRoundsService(access: EvaluationAccess) {
  const { db } = access;

  return {
    ...createResultsService(access),
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
