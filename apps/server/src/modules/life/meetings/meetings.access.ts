import {
  ATTENDED_STATUSES,
  type AttendanceItem,
  type AttendanceStatus,
  type MeetingState,
} from '@ningxin/shared';
import type { Executor } from '../../../db/client';
import { notFound } from '../../../lib/errors';
import { type Actor, assertHolds, can, coversOrgPath, selfMemberId } from '../../../policy/policy';
import type { CertificatesService } from '../../finding/papers/certificates/certificates.service';
import { memberTarget } from '../../members/record/members.scope';
import type { MembersService } from '../../members/record/members.service';
import { attendeesNotUsable, notAMember } from './meetings.errors';
import { type MeetingFullRow, meetingStart, meetingsRepository as repo } from './meetings.repository';

/** The actor's own member record; 403 for an account that is no member. */
export function ownMemberId(actor: Actor): number {
  const self = selfMemberId(actor);
  if (self === null) throw notAMember();
  return self;
}

/** The states in which a meeting may change and its attendance be recorded: planned or held. */
export const OPEN_STATES: readonly MeetingState[] = ['planned', 'held'];
export const isOpen = (state: string) => OPEN_STATES.includes(state as MeetingState);

/** Whether a member may still ask for leave: expected, not signed in, no request pending, planned. */
export const mayRequestLeave = (state: string, mine: AttendanceItem | null) =>
  mine !== null &&
  mine.role === 'expected' &&
  state === 'planned' &&
  (mine.status === 'pending' || mine.status === 'absent') &&
  mine.leaveState !== 'requested';

/** Whether the actor may see the meeting: meeting.read over its org, or as one of its attendees. */
export async function readableMeeting(
  executor: Executor,
  actor: Actor,
  id: number,
): Promise<{ row: MeetingFullRow; manager: boolean; self: number | null }> {
  // Any signed-in account may ask (the route is 'session'); one that may read no meeting finds none.
  const self = selfMemberId(actor);
  const row = await repo.findById(executor, id);
  if (!row) throw notFound('会议');
  if (coversOrgPath(actor, 'meeting.read', row.orgPath)) return { row, manager: true, self };
  if (self !== null && (await repo.attendee(executor, id, self))) return { row, manager: false, self };
  throw notFound('会议');
}

/** The meeting if the actor may write it (meeting.write over its org); 404 otherwise. */
export async function writableMeeting(executor: Executor, actor: Actor, id: number, lock = false) {
  assertHolds(actor, 'meeting.write');
  const row = await repo.findById(executor, id, lock);
  if (!row || !coversOrgPath(actor, 'meeting.write', row.orgPath)) throw notFound('会议');
  return row;
}

export interface AttendeeRules {
  members: Pick<MembersService, 'placements'>;
  certificates: Pick<CertificatesService, 'holdsCurrent'>;
}

/**
 * Members named to attend: each must be on the rolls (在册, 失联), and either readable by the
 * actor (member.read) or hold a 流动党员活动证 in force (a floating member attending at the host
 * side). One answer for a missing, off-rolls or unreachable member.
 */
export async function checkAttendees(
  executor: Executor,
  actor: Actor,
  rules: AttendeeRules,
  ids: readonly number[],
  path: string,
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const placed = new Map((await rules.members.placements(executor, unique)).map((m) => [m.id, m]));
  for (const id of unique) {
    const m = placed.get(id);
    if (!m || (m.status !== 'active' && m.status !== 'lost')) throw attendeesNotUsable(path, []);
    const target = memberTarget({ ...m, homeCounty: m.homeCounty ?? '' });
    if (can(actor, 'member.read', target)) continue;
    if (await rules.certificates.holdsCurrent(executor, id)) continue;
    throw attendeesNotUsable(path, []);
  }
}

export const LEDGER_SOURCE = 'life';
export const ledgerSourceId = (meetingId: number) => `meeting:${meetingId}`;
export const attended = (status: string) => ATTENDED_STATUSES.includes(status as AttendanceStatus);

/** The calendar day (Asia/Shanghai, UTC+8 all year) of an instant. */
export const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The day a meeting counts for (Asia/Shanghai). */
export const meetingDay = (m: { heldAt: Date | null; plannedAt: Date }) => shanghaiDay(meetingStart(m));
