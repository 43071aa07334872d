/** Rows of enrolments and sessions → responses, and the small value conversions the services share. */
import {
  ENROLMENT_SOURCE_LABELS,
  ENROLMENT_STATUS_LABELS,
  type EnrolmentResponse,
  type EnrolmentSource,
  type EnrolmentStatus,
  type TrainingSessionResponse,
} from '@ningxin/shared';
import type { EnrolmentRow } from './trainings.enrolments.repository';
import type { SessionRow } from './trainings.sessions.repository';

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const hours = (n: string | number) => Number(n);

export function mapEnrolment(r: EnrolmentRow, orgNames?: Map<number, string | null>): EnrolmentResponse {
  return {
    id: r.id,
    trainingId: r.trainingId,
    member: { id: r.memberId, name: r.memberName, orgName: orgNames?.get(r.memberId) ?? null },
    status: r.status as EnrolmentStatus,
    statusLabel: ENROLMENT_STATUS_LABELS[r.status as EnrolmentStatus],
    source: r.source as EnrolmentSource,
    sourceLabel: ENROLMENT_SOURCE_LABELS[r.source as EnrolmentSource],
    seq: r.seq,
    waitlistPosition: r.waitlistPosition,
    note: r.note,
    completedAt: iso(r.completedAt),
    certificateNo: r.certificateNo,
    attended: r.attended,
    createdAt: r.createdAt.toISOString(),
  };
}

export function mapSession(r: SessionRow): TrainingSessionResponse {
  return {
    id: r.id,
    trainingId: r.trainingId,
    title: r.title,
    startsAt: r.startsAt.toISOString(),
    endsAt: iso(r.endsAt),
    place: r.place,
    counts: { signed: r.signed, late: r.late, leave: r.leave, absent: r.absent },
  };
}
