/** What the evaluation services share: dependencies, scope, loading and presenting a round. */
import {
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADE_POINTS,
  EVALUATION_STATE_LABELS,
  type EvaluationGrade,
  type EvaluationRoundResponse,
  type EvaluationState,
  maxExcellent,
} from '@ningxin/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import {
  evaluationAppeals as appeals,
  evaluationBallots as ballots,
  evaluationBallotCodes as codes,
  evaluationParticipants as participants,
  evaluationRounds as rounds,
} from '../../db/schema';
import { forbidden, notFound } from '../../lib/errors';
import type { FieldCrypto } from '../../lib/field-crypto';
import { type Actor, assertHolds, coversOrgPath, selfMemberId } from '../../policy/policy';
import { inPathSubtree, scopeCondition, scopeNamesDivisions } from '../../policy/scope';
import type { ActivityService } from '../activity/activity.service';
import { memberInScope } from '../members/members.fragments';
import type { InboxService } from '../notices/inbox.service';
import { orgNameOf } from '../orgs/orgs.fragments';
import type { OrgsService } from '../orgs/orgs.service';
import type { UsersService } from '../users/users.service';
import { wrongStep } from './evaluation.errors';

export interface EvaluationDeps {
  db: Db;
  crypto: FieldCrypto;
  orgs: Pick<OrgsService, 'lookup' | 'topCommittee'>;
  users: Pick<UsersService, 'memberAccounts'>;
  activity: Pick<ActivityService, 'recordMany' | 'record'>;
  inbox: Pick<InboxService, 'post'>;
}

/** The ledger entries' source module. */
export const SOURCE = 'evaluation';

export type RoundRow = typeof rounds.$inferSelect;

/** The ledger entry of a graded member. */
export const gradeEntry = (round: RoundRow, memberId: number, grade: EvaluationGrade, on: string) => ({
  memberId,
  kind: 'evaluation' as const,
  occurredOn: on,
  quantity: EVALUATION_GRADE_POINTS[grade],
  sourceModule: SOURCE,
  sourceId: `round:${round.id}:${memberId}`,
  title: `${round.year}年度民主评议：${EVALUATION_GRADE_LABELS[grade]}`,
});

/** The page a member's notices link to. */
export const MINE_LINK = '/my-evaluation';

/**
 * Columns of the outer row in a correlated subquery of a select list, spelled with their table
 * (a single-table select names its columns bare, which an inner table with the same column
 * would capture).
 */
export const OUTER = {
  roundId: sql.raw('"evaluation_rounds"."id"'),
  participantRound: sql.raw('"evaluation_participants"."round_id"'),
  participantMember: sql.raw('"evaluation_participants"."member_id"'),
};

const countOf = (table: SQL) => sql<number>`(select count(*)::int from ${table})`;

export function createEvaluationAccess(deps: EvaluationDeps) {
  /**
   * The rounds the actor may read: those of branches in the actor's subtree, and for a home
   * viewer those with a participant of the viewer's county.
   */
  function readScope(actor: Actor): SQL | undefined {
    const byOrg = scopeCondition(actor, 'evaluation.read', {
      inOrgSubtree: (path) => inPathSubtree(rounds.orgPath, path),
      homeCounty: null,
      hostDistrict: null,
      memberId: null,
    });
    if (!byOrg || !scopeNamesDivisions(actor, 'evaluation.read')) return byOrg;
    return sql`(${byOrg} or exists (select 1 from ${participants} where ${participants.roundId} = ${rounds.id}
      and ${memberInScope(participants.memberId, actor, 'evaluation.read')}))`;
  }

  /**
   * Which participants of a round the actor reads: all of them for an actor over the round's
   * branch, those of the viewer's county for a home viewer.
   */
  function participantScope(actor: Actor, round: RoundRow): SQL | undefined {
    if (coversOrgPath(actor, 'evaluation.read', round.orgPath)) return undefined;
    return memberInScope(participants.memberId, actor, 'evaluation.read');
  }

  async function readable(executor: Executor, actor: Actor, id: number): Promise<RoundRow> {
    const [row] = await executor
      .select()
      .from(rounds)
      .where(and(eq(rounds.id, id), readScope(actor)));
    if (!row) throw notFound('民主评议');
    return row;
  }

  /** A round the actor manages, locked for the change (404 outside the scope). */
  async function managed(executor: Executor, actor: Actor, id: number): Promise<RoundRow> {
    assertHolds(actor, 'evaluation.manage');
    const [row] = await executor.select().from(rounds).where(eq(rounds.id, id)).for('update');
    if (!row || !coversOrgPath(actor, 'evaluation.manage', row.orgPath)) throw notFound('民主评议');
    return row;
  }

  /** The actor's own member id (403 for an account that is no member). */
  function me(actor: Actor): number {
    const id = selfMemberId(actor);
    if (id === null) throw forbidden('只有党员本人可以进行此操作');
    return id;
  }

  /** A round the actor takes part in, with the participant row locked (404 otherwise). */
  async function mine(executor: Executor, actor: Actor, id: number) {
    const memberId = me(actor);
    const [row] = await executor
      .select({ round: rounds, participant: participants })
      .from(rounds)
      .innerJoin(participants, and(eq(participants.roundId, rounds.id), eq(participants.memberId, memberId)))
      .where(eq(rounds.id, id))
      .for('update', { of: participants });
    if (!row) throw notFound('民主评议');
    return row;
  }

  function inState(round: RoundRow, ...states: EvaluationState[]) {
    if (!states.includes(round.state as EvaluationState))
      throw wrongStep(EVALUATION_STATE_LABELS[round.state as EvaluationState] ?? round.state);
  }

  const figures = {
    orgName: orgNameOf(rounds.orgId),
    participants: countOf(sql`${participants} where ${participants.roundId} = ${OUTER.roundId}`),
    voters: countOf(
      sql`${participants} where ${participants.roundId} = ${OUTER.roundId} and ${participants.ballotMode} <> 'none'`,
    ),
    voted: countOf(
      sql`${participants} where ${participants.roundId} = ${OUTER.roundId} and ${participants.voted}`,
    ),
    ballots: countOf(sql`${ballots} where ${ballots.roundId} = ${OUTER.roundId}`),
    codesIssued: countOf(sql`${codes} where ${codes.roundId} = ${OUTER.roundId}`),
    codesUsed: countOf(sql`${codes} where ${codes.roundId} = ${OUTER.roundId} and ${codes.used}`),
    excellent: countOf(
      sql`${participants} where ${participants.roundId} = ${OUTER.roundId} and ${participants.finalGrade} = 'excellent'`,
    ),
    qualified: countOf(
      sql`${participants} where ${participants.roundId} = ${OUTER.roundId} and ${participants.finalGrade} = 'qualified'`,
    ),
    basic: countOf(
      sql`${participants} where ${participants.roundId} = ${OUTER.roundId} and ${participants.finalGrade} = 'basic'`,
    ),
    unqualified: countOf(
      sql`${participants} where ${participants.roundId} = ${OUTER.roundId} and ${participants.finalGrade} = 'unqualified'`,
    ),
    openAppeals: countOf(
      sql`${appeals} where ${appeals.roundId} = ${OUTER.roundId} and ${appeals.state} = 'submitted'`,
    ),
  };

  /** Rounds with their figures, as the API shows them. */
  async function present(executor: Executor, actor: Actor, where: SQL | undefined) {
    const rows = await executor
      .select({ round: rounds, ...figures })
      .from(rounds)
      .where(where)
      .orderBy(sql`${rounds.year} desc`, rounds.orgPath, rounds.id);
    return rows.map(
      (r): EvaluationRoundResponse => ({
        id: r.round.id,
        org: { id: r.round.orgId, name: r.orgName },
        year: r.round.year,
        title: r.round.title,
        state: r.round.state as EvaluationState,
        stateLabel: EVALUATION_STATE_LABELS[r.round.state as EvaluationState],
        opensOn: r.round.opensOn,
        closesOn: r.round.closesOn,
        decisionNote: r.round.decisionNote,
        decidedOn: r.round.decidedOn,
        participants: r.participants,
        voters: r.voters,
        voted: r.voted,
        ballots: r.ballots,
        codesIssued: r.codesIssued,
        codesUsed: r.codesUsed,
        grades: {
          excellent: r.excellent,
          qualified: r.qualified,
          basic: r.basic,
          unqualified: r.unqualified,
        },
        maxExcellent: maxExcellent(r.participants),
        openAppeals: r.openAppeals,
        version: r.round.version,
        policies: { manage: coversOrgPath(actor, 'evaluation.manage', r.round.orgPath) },
      }),
    );
  }

  async function presentOne(executor: Executor, actor: Actor, id: number) {
    const [row] = await present(executor, actor, eq(rounds.id, id));
    if (!row) throw notFound('民主评议');
    return row;
  }

  /** Bumps the round's version (any change to the round or its participants' setup). */
  const touch = (executor: Executor, id: number, values: Partial<typeof rounds.$inferInsert> = {}) =>
    executor
      .update(rounds)
      .set({ ...values, version: sql`${rounds.version} + 1`, updatedAt: new Date() })
      .where(eq(rounds.id, id));

  /** The member accounts of these members (for inbox notices). */
  async function accountsOf(executor: Executor, memberIds: readonly number[]) {
    return (await deps.users.memberAccounts(executor, memberIds)).map((a) => a);
  }

  return {
    ...deps,
    readScope,
    participantScope,
    readable,
    managed,
    me,
    mine,
    inState,
    present,
    presentOne,
    touch,
    accountsOf,
  };
}

export type EvaluationAccess = ReturnType<typeof createEvaluationAccess>;
