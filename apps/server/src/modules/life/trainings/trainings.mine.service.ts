/** A member's own classes (member.self): those open to them, their enrolments and their sessions. */
import {
  ENROLMENT_STATUS_LABELS,
  type EnrolmentStatus,
  type MyTrainingItem,
  type MyTrainingsResponse,
  TRAINING_KIND_LABELS,
  TRAINING_STATE_LABELS,
  type TrainingKind,
  type TrainingState,
} from '@ningxin/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { trainings } from '../../../db/schema';
import type { Actor } from '../../../policy/policy';
import { coversOrgPath, selfMemberId } from '../../../policy/policy';
import { ACTIVE, ON_ROLLS, type TrainingsAccess } from './trainings.access';
import { hours, iso } from './trainings.mapper';
import { audienceHolds, trainingsRepository as repo, type TrainingRow } from './trainings.repository';

export function createMyTrainingsService(access: TrainingsAccess) {
  const { db, audienceOf, ownMemberId } = access;

  return {
    async mine(actor: Actor): Promise<MyTrainingsResponse> {
      const memberId = ownMemberId(actor);
      const m = (await audienceOf(db, [memberId])).get(memberId);
      const now = new Date();
      const mineRows = await repo.enrolmentsOfMember(db, memberId);
      const byTraining = new Map(mineRows.map((r) => [r.trainingId, r] as const));
      const openRows = m
        ? await repo.all(db, and(eq(trainings.state, 'open'), audienceHolds(m.orgPath, m.titles)))
        : [];
      const joined = mineRows.length
        ? await repo.all(
            db,
            inArray(
              trainings.id,
              mineRows.map((r) => r.trainingId),
            ),
          )
        : [];
      const item = (t: TrainingRow): MyTrainingItem => {
        const e = byTraining.get(t.id);
        const inWindow =
          (!t.enrolOpensAt || t.enrolOpensAt <= now) && (!t.enrolClosesAt || t.enrolClosesAt >= now);
        return {
          id: t.id,
          title: t.title,
          kind: t.kind as TrainingKind,
          kindLabel: TRAINING_KIND_LABELS[t.kind as TrainingKind],
          orgName: t.orgName,
          startsOn: t.startsOn,
          endsOn: t.endsOn,
          place: t.place,
          quota: t.quota,
          enrolledCount: t.enrolledCount,
          studyHours: hours(t.studyHours),
          state: t.state as TrainingState,
          stateLabel: TRAINING_STATE_LABELS[t.state as TrainingState],
          enrolClosesAt: iso(t.enrolClosesAt),
          canApply:
            t.state === 'open' &&
            inWindow &&
            !!m &&
            ON_ROLLS.includes(m.status) &&
            (!e || !ACTIVE.includes(e.status)),
          mine: e
            ? {
                enrolmentId: e.id,
                status: e.status as EnrolmentStatus,
                statusLabel: ENROLMENT_STATUS_LABELS[e.status as EnrolmentStatus],
                waitlistPosition: e.waitlistPosition,
                certificateNo: e.certificateNo,
                completedAt: iso(e.completedAt),
              }
            : null,
        };
      };
      const sessions = await repo.sessionsOfMember(db, memberId);
      return {
        open: openRows.map(item),
        enrolments: joined.map(item),
        sessions: sessions.map((s) => ({
          id: s.id,
          trainingId: s.trainingId,
          trainingTitle: s.trainingTitle,
          title: s.title,
          startsAt: s.startsAt.toISOString(),
          endsAt: iso(s.endsAt),
          place: s.place,
          status: (s.status as MyTrainingsResponse['sessions'][number]['status']) ?? null,
        })),
      };
    },

    /**
     * For reflections: the title of a class the actor may see (managing it, or holding a place in
     * it as a member); null for one missing or out of sight.
     */
    async visibleTitle(executor: Executor, actor: Actor, id: number): Promise<string | null> {
      const row = await repo.findById(executor, id);
      if (!row) return null;
      if (coversOrgPath(actor, 'training.manage', row.orgPath)) return row.title;
      const self = selfMemberId(actor);
      if (!self) return null;
      const mine = await repo.enrolmentsOfMember(executor, self);
      return mine.some((e) => e.trainingId === id && ACTIVE.includes(e.status)) ? row.title : null;
    },

    /** For reflections: the titles of classes by id (a page's worth). */
    async titles(executor: Executor, ids: readonly number[]): Promise<Map<number, string>> {
      const out = new Map<number, string>();
      for (const id of new Set(ids)) {
        const row = await repo.findById(executor, id);
        if (row) out.set(id, row.title);
      }
      return out;
    },
  };
}

export type MyTrainingsService = ReturnType<typeof createMyTrainingsService>;
