/** A class's sessions and their attendance: kept by hand, or by a member's QR sign-in. */
import {
  type EnrolmentStatus,
  type SessionAttendanceBody,
  type SessionAttendanceResponse,
  type SignInResult,
  TRAINING_STATE_LABELS,
  type TrainingSessionCreateBody,
  type TrainingSessionListResponse,
  type TrainingSessionResponse,
  type TrainingSessionUpdateBody,
  type TrainingState,
} from '@ningxin/shared';
import { notFound } from '../../../lib/errors';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { canChange, type TrainingsAccess } from './trainings.access';
import {
  notEnrolledForSignIn,
  notEnrolledMember,
  sessionTimesReversed,
  trainingClosedForChange,
} from './trainings.errors';
import { iso, mapSession } from './trainings.mapper';
import { trainingsRepository as repo } from './trainings.repository';

/** Minutes after a session's start from which a scan counts as late (迟到). */
const LATE_AFTER_MINUTES = 15;

export function createTrainingSessionsService(access: TrainingsAccess) {
  const { db, codes, managedClass, managedSession, ownMemberId, signInWindow } = access;

  return {
    async sessions(actor: Actor, id: number): Promise<TrainingSessionListResponse> {
      await managedClass(db, actor, id);
      return { items: (await repo.sessions(db, id)).map(mapSession) };
    },

    async createSession(
      actor: Actor,
      id: number,
      body: TrainingSessionCreateBody,
    ): Promise<TrainingSessionResponse> {
      const sessionId = await audited(db, actor, async (tx, audit) => {
        const training = await managedClass(tx, actor, id);
        if (!canChange(training.state))
          throw trainingClosedForChange(TRAINING_STATE_LABELS[training.state as TrainingState]);
        const values = {
          trainingId: id,
          title: body.title,
          startsAt: new Date(body.startsAt),
          endsAt: body.endsAt ? new Date(body.endsAt) : null,
          place: body.place ?? null,
        };
        if (values.endsAt && values.endsAt < values.startsAt) throw sessionTimesReversed();
        const sessionId = await repo.insertSession(tx, values);
        audit({
          action: 'training.session_created',
          targetType: 'training',
          targetId: id,
          targetLabel: `${training.title} ${values.title}`,
          after: { sessionId, ...values },
        });
        return sessionId;
      });
      return mapSession((await repo.session(db, sessionId))!);
    },

    async updateSession(
      actor: Actor,
      id: number,
      sessionId: number,
      body: TrainingSessionUpdateBody,
    ): Promise<TrainingSessionResponse> {
      await audited(db, actor, async (tx, audit) => {
        const { session, training } = await managedSession(tx, actor, sessionId, id);
        const values = {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.startsAt !== undefined ? { startsAt: new Date(body.startsAt) } : {}),
          ...(body.endsAt !== undefined ? { endsAt: body.endsAt ? new Date(body.endsAt) : null } : {}),
          ...(body.place !== undefined ? { place: body.place } : {}),
        };
        // A change that names no field changes nothing (and an empty UPDATE is no statement at all).
        if (Object.keys(values).length === 0) return;
        const startsAt = values.startsAt ?? session.startsAt;
        const endsAt = values.endsAt === undefined ? session.endsAt : values.endsAt;
        if (endsAt && endsAt < startsAt) throw sessionTimesReversed();
        await repo.updateSession(tx, sessionId, values);
        audit({
          action: 'training.session_updated',
          targetType: 'training',
          targetId: id,
          targetLabel: `${training.title} ${session.title}`,
          before: {
            sessionId,
            title: session.title,
            startsAt: session.startsAt,
            endsAt: session.endsAt,
            place: session.place,
          },
          after: values,
        });
      });
      return mapSession((await repo.session(db, sessionId))!);
    },

    async deleteSession(actor: Actor, id: number, sessionId: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const { session, training } = await managedSession(tx, actor, sessionId, id);
        await repo.deleteSession(tx, sessionId);
        audit({
          action: 'training.session_deleted',
          targetType: 'training',
          targetId: id,
          targetLabel: `${training.title} ${session.title}`,
          before: { sessionId, title: session.title, startsAt: session.startsAt },
        });
      });
    },

    async attendance(actor: Actor, sessionId: number): Promise<SessionAttendanceResponse> {
      const { session, training } = await managedSession(db, actor, sessionId);
      const rows = await repo.attendance(db, sessionId, training.id);
      return {
        session: mapSession(session),
        items: rows.map((r) => ({
          member: { id: r.memberId, name: r.memberName },
          enrolmentStatus: r.enrolmentStatus as EnrolmentStatus,
          status: (r.status as SessionAttendanceResponse['items'][number]['status']) ?? null,
          signedAt: iso(r.signedAt),
          channel: (r.channel as 'qr' | 'manual' | null) ?? null,
        })),
      };
    },

    /** Records attendance by hand for members holding a place in the class. */
    async recordAttendance(
      actor: Actor,
      sessionId: number,
      body: SessionAttendanceBody,
    ): Promise<SessionAttendanceResponse> {
      await audited(db, actor, async (tx, audit) => {
        const { session, training } = await managedSession(tx, actor, sessionId);
        const holders = new Set((await repo.attendance(tx, sessionId, training.id)).map((r) => r.memberId));
        const bad = body.records.findIndex((r) => !holders.has(r.memberId));
        if (bad >= 0) throw notEnrolledMember(`records.${bad}.memberId`);
        const at = new Date();
        await repo.upsertAttendance(
          tx,
          body.records.map((r) => ({
            sessionId,
            memberId: r.memberId,
            status: r.status,
            signedAt: r.status === 'signed' || r.status === 'late' ? at : null,
            channel: 'manual',
          })),
        );
        audit({
          action: 'training.attendance_recorded',
          targetType: 'training',
          targetId: training.id,
          targetLabel: `${training.title} ${session.title}`,
          after: { sessionId, records: body.records },
        });
      });
      return this.attendance(actor, sessionId);
    },

    /** The session's sign-in code, for the manager's screen. */
    async signInCode(actor: Actor, sessionId: number) {
      const { session } = await managedSession(db, actor, sessionId);
      return { session, code: codes.issue('session', sessionId, session.startsAt, await signInWindow(db)) };
    },

    /**
     * A member's scan: the code of this session, inside its window, by a member holding a place
     * in the class; once (a second scan answers 'already').
     */
    async signIn(actor: Actor, sessionId: number, token: string, now = new Date()): Promise<SignInResult> {
      const memberId = ownMemberId(actor);
      const session = await repo.session(db, sessionId);
      if (!session) throw notFound('培训课次');
      codes.check(token, 'session', sessionId, session.startsAt, await signInWindow(db), now);
      return audited(db, actor, async (tx, audit) => {
        const [mine] = (await repo.enrolmentsOfMember(tx, memberId)).filter(
          (r) => r.trainingId === session.trainingId && (r.status === 'enrolled' || r.status === 'completed'),
        );
        if (!mine) throw notEnrolledForSignIn();
        const title = `${session.title}`;
        const status =
          now.getTime() > session.startsAt.getTime() + LATE_AFTER_MINUTES * 60_000 ? 'late' : 'signed';
        const written = await repo.upsertAttendance(
          tx,
          [{ sessionId, memberId, status, signedAt: now, channel: 'qr' }],
          true,
        );
        if (!written) {
          const held = await repo.attendanceOf(tx, sessionId, memberId);
          return {
            outcome: 'already',
            role: 'expected',
            title,
            signedAt: (held?.signedAt ?? now).toISOString(),
          };
        }
        audit({
          action: 'training.signed_in',
          targetType: 'training',
          targetId: session.trainingId,
          targetLabel: `${title} ${mine.memberName}`,
          after: { sessionId, memberId, status },
        });
        return { outcome: status, role: 'expected', title, signedAt: now.toISOString() };
      });
    },
  };
}

export type TrainingSessionsService = ReturnType<typeof createTrainingSessionsService>;
