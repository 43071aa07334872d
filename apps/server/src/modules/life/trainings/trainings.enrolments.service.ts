/** Enrolment under the quota: nominate, apply, withdraw; the waitlist moves up in order of application. */
import {
  type ApplyBody,
  ENROLMENT_STATUS_LABELS,
  type EnrolmentListQuery,
  type EnrolmentListResponse,
  type EnrolmentResponse,
  type EnrolmentSource,
  type EnrolmentStatus,
  type EnrolmentsResponse,
  inTrainingAudience,
  type NominateBody,
  TRAINING_STATE_LABELS,
  type TrainingState,
  type WithdrawBody,
} from '@ningxin/shared';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { trainingEnrolments, trainings } from '../../../db/schema';
import { isUniqueViolation } from '../../../lib/db-errors';
import { notFound } from '../../../lib/errors';
import { type Actor, coversOrgPath } from '../../../policy/policy';
import { type Audit, audited } from '../../audit/audit.service';
import { ACTIVE, ON_ROLLS, type TrainingsAccess } from './trainings.access';
import type { EnrolmentRow } from './trainings.enrolments.repository';
import {
  alreadyEnrolled,
  enrolmentNotActive,
  enrolmentNotOpen,
  notEligible,
  notOnRolls,
} from './trainings.errors';
import { mapEnrolment } from './trainings.mapper';
import { trainingsRepository as repo, type TrainingRow } from './trainings.repository';

export function createTrainingEnrolmentsService(access: TrainingsAccess) {
  const { db, users, inbox, members, managedClass, audienceOf, ownMemberId, enrolmentsByIds } = access;

  /**
   * Places a member in the class: a place if one is left (one conditional UPDATE; concurrent
   * enrolments queue on the class's row), else the waitlist. A withdrawn enrolment is taken up
   * again at the end of the order. Returns the enrolment id and its status.
   */
  async function place(
    tx: Tx,
    training: TrainingRow,
    memberId: number,
    source: EnrolmentSource,
    by: { userId: number | null; note: string | null | undefined },
    path: string,
  ): Promise<{ id: number; status: EnrolmentStatus }> {
    // The class's row first (as every change of its places takes it): applications and
    // withdrawals queue on it, so none sees a place freed or taken half-way.
    await repo.lockClass(tx, training.id);
    const existing = await repo.enrolmentOf(tx, training.id, memberId);
    if (existing && ACTIVE.includes(existing.status))
      throw alreadyEnrolled(path, ENROLMENT_STATUS_LABELS[existing.status as EnrolmentStatus]);
    const status: EnrolmentStatus = (await repo.takePlace(tx, training.id)) ? 'enrolled' : 'waitlisted';
    const values = {
      status,
      source,
      nominatedBy: source === 'nominated' ? by.userId : null,
      note: by.note ?? null,
    };
    if (existing) {
      await repo.reviveEnrolment(tx, existing.id, values);
      return { id: existing.id, status };
    }
    try {
      return { id: await repo.insertEnrolment(tx, { trainingId: training.id, memberId, ...values }), status };
    } catch (err) {
      if (isUniqueViolation(err, 'training_enrolments_member_idx')) throw alreadyEnrolled(path, '已报名');
      throw err;
    }
  }

  /**
   * Frees the place of an enrolled member who leaves, or hands it to the first on the waitlist
   * (told in their inbox if they have an account). The class's row is locked first, so that no
   * application takes the place in between.
   */
  async function release(tx: Tx, training: TrainingRow): Promise<number | null> {
    await repo.lockClass(tx, training.id);
    const next = await repo.firstWaitlisted(tx, training.id);
    if (!next) {
      await repo.freePlace(tx, training.id);
      return null;
    }
    await repo.setEnrolment(tx, next.id, { status: 'enrolled' });
    const accounts = await users.memberAccounts(tx, [next.memberId]);
    if (accounts.length)
      await inbox.post(tx, {
        userIds: accounts.map((a) => a.userId),
        kind: 'training',
        title: `您已从候补转为正式学员：${training.title}`,
        link: '/my-trainings',
        dedupeKey: `training:${training.id}:promoted:${next.id}`,
      });
    return next.memberId;
  }

  /**
   * Withdraws an enrolment inside the caller's transaction (a freed place goes to the waitlist)
   * and audits it.
   */
  async function withdrawIn(
    tx: Tx,
    audit: Audit,
    training: TrainingRow,
    row: EnrolmentRow,
    reason: string | null,
  ) {
    if (row.status !== 'enrolled' && row.status !== 'waitlisted')
      throw enrolmentNotActive(ENROLMENT_STATUS_LABELS[row.status as EnrolmentStatus]);
    await repo.setEnrolment(tx, row.id, { status: 'withdrawn', note: reason ?? row.note });
    const promoted = row.status === 'enrolled' ? await release(tx, training) : null;
    audit({
      action: 'training.withdrawn',
      targetType: 'training',
      targetId: training.id,
      targetLabel: `${training.title} ${row.memberName}`,
      before: { enrolmentId: row.id, status: row.status },
      after: { status: 'withdrawn', reason, promotedMemberId: promoted },
    });
  }

  return {
    async enrolments(actor: Actor, id: number, q: EnrolmentListQuery): Promise<EnrolmentListResponse> {
      await managedClass(db, actor, id);
      const rows = await repo.enrolments(
        db,
        id,
        q.status ? eq(trainingEnrolments.status, q.status) : undefined,
        q.cursor,
        q.limit,
      );
      const placed = await members.placements(
        db,
        rows.map((r) => r.memberId),
      );
      const orgNames = new Map(placed.map((p) => [p.id, p.orgName] as const));
      const last = rows.at(-1);
      return {
        items: rows.map((r) => mapEnrolment(r, orgNames)),
        nextCursor: rows.length === q.limit && last ? last.seq : null,
      };
    },

    /** A manager nominates members of their subtree; each gets a place or joins the waitlist, in order. */
    async nominate(actor: Actor, id: number, body: NominateBody): Promise<EnrolmentsResponse> {
      const ids = await audited(db, actor, async (tx, audit) => {
        const training = await managedClass(tx, actor, id);
        if (!['draft', 'open', 'closed'].includes(training.state))
          throw enrolmentNotOpen(
            `培训班${TRAINING_STATE_LABELS[training.state as TrainingState]}，不能再推荐学员`,
          );
        const unique = [...new Set(body.memberIds)];
        const audience = await audienceOf(tx, unique);
        const out: number[] = [];
        for (const [i, memberId] of unique.entries()) {
          const path = `memberIds.${body.memberIds.indexOf(memberId)}`;
          const m = audience.get(memberId);
          if (!m || !coversOrgPath(actor, 'training.manage', m.orgPath)) throw notFound('党员');
          if (!ON_ROLLS.includes(m.status)) throw notOnRolls(path);
          if (!inTrainingAudience(training, m.orgPath, m.titles)) throw notEligible(path);
          const placed = await place(
            tx,
            training,
            memberId,
            'nominated',
            { userId: actor.userId, note: body.note },
            path,
          );
          out.push(placed.id);
          audit({
            action: 'training.nominated',
            targetType: 'training',
            targetId: id,
            targetLabel: `${training.title} ${m.name}`,
            after: { enrolmentId: placed.id, memberId, status: placed.status, order: i + 1 },
          });
        }
        return out;
      });
      return { items: await enrolmentsByIds(db, ids) };
    },

    /** A manager withdraws an enrolled or waitlisted member; a freed place goes to the waitlist. */
    async withdraw(
      actor: Actor,
      id: number,
      enrolmentId: number,
      body: WithdrawBody,
    ): Promise<EnrolmentResponse> {
      await audited(db, actor, async (tx, audit) => {
        const training = await managedClass(tx, actor, id, true);
        const row = await repo.enrolment(tx, enrolmentId, eq(trainingEnrolments.trainingId, id), true);
        if (!row) throw notFound('报名记录');
        await withdrawIn(tx, audit, training, row, body.reason ?? null);
      });
      const [item] = await enrolmentsByIds(db, [enrolmentId]);
      return item!;
    },

    /** A member applies: the class is open, inside its window, and the member is in its audience. */
    async apply(actor: Actor, id: number, body: ApplyBody): Promise<EnrolmentResponse> {
      const memberId = ownMemberId(actor);
      const enrolmentId = await audited(db, actor, async (tx, audit) => {
        const m = (await audienceOf(tx, [memberId])).get(memberId);
        const training = await repo.findById(tx, id, eq(trainings.state, 'open'));
        // A class the member may not see (not open, not for them) is not found.
        if (!training || !m || !inTrainingAudience(training, m.orgPath, m.titles)) throw notFound('培训班');
        const now = new Date();
        if (training.enrolOpensAt && training.enrolOpensAt > now) throw enrolmentNotOpen('报名尚未开始');
        if (training.enrolClosesAt && training.enrolClosesAt < now) throw enrolmentNotOpen('报名已截止');
        if (!ON_ROLLS.includes(m.status)) throw notOnRolls('memberId');
        const placed = await place(
          tx,
          training,
          memberId,
          'applied',
          { userId: null, note: body.note },
          'trainingId',
        );
        audit({
          action: 'training.applied',
          targetType: 'training',
          targetId: id,
          targetLabel: `${training.title} ${m.name}`,
          after: { enrolmentId: placed.id, memberId, status: placed.status },
        });
        return placed.id;
      });
      const [item] = await enrolmentsByIds(db, [enrolmentId]);
      return item!;
    },

    /** A member withdraws their own enrolment or place on the waitlist. */
    async withdrawOwn(actor: Actor, id: number, body: WithdrawBody): Promise<EnrolmentResponse> {
      const memberId = ownMemberId(actor);
      const enrolmentId = await audited(db, actor, async (tx, audit) => {
        const [mine] = (await repo.enrolmentsOfMember(tx, memberId)).filter((r) => r.trainingId === id);
        const training = mine ? await repo.findById(tx, id) : null;
        if (!mine || !training) throw notFound('报名记录');
        await repo.lockClass(tx, id);
        const row = (await repo.enrolment(tx, mine.id, undefined, true))!;
        await withdrawIn(tx, audit, training, row, body.reason ?? null);
        return row.id;
      });
      const [item] = await enrolmentsByIds(db, [enrolmentId]);
      return item!;
    },
  };
}

export type TrainingEnrolmentsService = ReturnType<typeof createTrainingEnrolmentsService>;
