/** Completion: numbered certificates and study hours in the activity ledger; certificate downloads. */
import {
  type CompleteBody,
  type CompleteResponse,
  TRAINING_CERTIFICATE_PREFIX,
  TRAINING_STATE_LABELS,
  type TrainingState,
} from '@ningxin/shared';
import { eq } from 'drizzle-orm';
import { trainingEnrolments } from '../../../db/schema';
import { nextPaperNumber } from '../../../lib/paper-numbers';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import type { TrainingsAccess } from './trainings.access';
import { completionNotAllowed, noCertificate, notEnrolledMember } from './trainings.errors';
import { hours } from './trainings.mapper';
import { trainingsRepository as repo } from './trainings.repository';

export const sourceIdOf = (trainingId: number) => `training:${trainingId}`;

export function createTrainingCompletionService(access: TrainingsAccess) {
  const { db, activity, today, managedClass, ownMemberId, enrolmentsByIds } = access;

  return {
    /**
     * Marks enrolled members completed (these, or all), optionally only those who attended at
     * least a share of the sessions: each gets the next certificate number of the year and the
     * class's study hours in the activity ledger, in one transaction.
     */
    async complete(actor: Actor, id: number, body: CompleteBody): Promise<CompleteResponse> {
      const result = await audited(db, actor, async (tx, audit) => {
        const training = await managedClass(tx, actor, id, true);
        if (!['open', 'closed', 'finished'].includes(training.state))
          throw completionNotAllowed(TRAINING_STATE_LABELS[training.state as TrainingState]);
        const rows = await repo.enrolledOf(tx, id, body.enrolmentIds);
        if (body.enrolmentIds) {
          const found = new Set(rows.map((r) => r.id));
          const missing = body.enrolmentIds.findIndex((e) => !found.has(e));
          if (missing >= 0) throw notEnrolledMember(`enrolmentIds.${missing}`);
        }
        const min = body.minAttendancePercent ?? 0;
        const sessions = training.sessions;
        const day = [training.endsOn, today()].sort()[0]!;
        const year = Number(day.slice(0, 4));
        const done: number[] = [];
        const skipped: CompleteResponse['skipped'] = [];
        const completedAt = new Date();
        for (const r of rows) {
          if (min > 0 && sessions > 0 && (r.attended * 100) / sessions < min) {
            skipped.push({ enrolmentId: r.id, memberName: r.memberName, attended: r.attended });
            continue;
          }
          const certificateNo = await nextPaperNumber(
            tx,
            {
              prefix: TRAINING_CERTIFICATE_PREFIX,
              table: 'training_enrolments',
              column: trainingEnrolments.certificateNo,
            },
            year,
          );
          await repo.setEnrolment(tx, r.id, { status: 'completed', completedAt, certificateNo });
          done.push(r.id);
          audit({
            action: 'training.completed',
            targetType: 'training',
            targetId: id,
            targetLabel: `${training.title} ${r.memberName}`,
            after: { enrolmentId: r.id, memberId: r.memberId, certificateNo },
          });
        }
        const credited = hours(training.studyHours);
        if (credited > 0)
          await activity.recordMany(
            tx,
            rows
              .filter((r) => done.includes(r.id))
              .map((r) => ({
                memberId: r.memberId,
                kind: 'study_hours' as const,
                occurredOn: day,
                quantity: credited,
                sourceModule: 'trainings',
                sourceId: sourceIdOf(id),
                title: `结业：${training.title}`,
              })),
          );
        return { done, skipped };
      });
      return { completed: await enrolmentsByIds(db, result.done), skipped: result.skipped };
    },

    /** The completed enrolment and its class, for a manager's certificate download. */
    async certificateForManager(actor: Actor, id: number, enrolmentId: number) {
      const training = await managedClass(db, actor, id);
      const row = await repo.enrolment(db, enrolmentId, eq(trainingEnrolments.trainingId, id));
      if (!row?.certificateNo) throw noCertificate();
      return { training, enrolment: row };
    },

    /** A member's own certificate. */
    async certificateForMember(actor: Actor, enrolmentId: number) {
      const memberId = ownMemberId(actor);
      const row = await repo.enrolment(db, enrolmentId, eq(trainingEnrolments.memberId, memberId));
      if (!row?.certificateNo) throw noCertificate();
      const training = await repo.findById(db, row.trainingId);
      if (!training) throw noCertificate();
      return { training, enrolment: row };
    },
  };
}

export type TrainingCompletionService = ReturnType<typeof createTrainingCompletionService>;
