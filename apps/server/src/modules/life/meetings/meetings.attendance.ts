/**
 * Attendance at a meeting: the list, a secretary's record of one person, leave requests and
 * decisions, and "my meetings"; the sign-in QR and a member's scan (meetings.sign-in.ts) joined in.
 * Every change of whether a member attended writes or removes their activity-ledger entry in the
 * same transaction, audited.
 */
import {
  type AttendanceListResponse,
  type AttendanceQuery,
  type AttendanceRecordBody,
  type AttendanceStatus,
  type LeaveDecisionBody,
  type LeaveRequestBody,
  MEETING_STATE_LABELS,
  type MeetingState,
  type MeetingType,
  type MyMeetingItem,
  type MyMeetingsResponse,
} from '@ningxin/shared';
import type { Db } from '../../../db/client';
import { notFound } from '../../../lib/errors';
import type { SignInCodes } from '../../../lib/sign-in-codes';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import type { SettingsService } from '../../settings/settings.service';
import {
  attended,
  isOpen,
  mayRequestLeave,
  ownMemberId,
  readableMeeting,
  writableMeeting,
} from './meetings.access';
import {
  attendanceLocked,
  leaveNotAllowed,
  meetingArchived,
  noLeaveRequest,
  notAnAttendee,
} from './meetings.errors';
import { type LedgerDeps, ledgerMeeting, syncAttendanceLedger } from './meetings.ledger';
import { mapAttendee, typeLabelOf } from './meetings.mapper';
import { type MeetingFullRow, meetingsRepository as repo } from './meetings.repository';
import { createMeetingSignIn } from './meetings.sign-in';

export interface AttendanceDeps {
  db: Db;
  activity: LedgerDeps['activity'];
  settings: Pick<SettingsService, 'get'>;
  signInCodes: SignInCodes;
}

/** Attendance may be recorded on a planned or held meeting only. */
function assertOpen(row: MeetingFullRow) {
  if (row.state === 'archived') throw meetingArchived();
  if (!isOpen(row.state)) throw attendanceLocked(row.state as MeetingState);
}

export function createMeetingAttendance({ db, activity, settings, signInCodes }: AttendanceDeps) {
  return {
    ...createMeetingSignIn({ db, activity, settings, signInCodes }),

    async list(actor: Actor, id: number, q: AttendanceQuery): Promise<AttendanceListResponse> {
      const { manager } = await readableMeeting(db, actor, id);
      if (!manager) throw notFound('会议');
      const rows = await repo.attendees(db, id, q.cursor, q.limit);
      const last = rows.at(-1);
      return {
        items: rows.map(mapAttendee),
        nextCursor: rows.length === q.limit && last ? last.memberId : null,
      };
    },

    /** A secretary records one person's attendance (手工). */
    async record(actor: Actor, id: number, memberId: number, body: AttendanceRecordBody) {
      return audited(db, actor, async (tx, audit) => {
        const meeting = await writableMeeting(tx, actor, id, true);
        assertOpen(meeting);
        const before = await repo.attendee(tx, id, memberId, true);
        if (!before) throw notAnAttendee();
        const status: AttendanceStatus = body.status;
        const now = new Date();
        await repo.updateAttendee(tx, id, memberId, {
          status,
          signedAt: attended(status) ? (attended(before.status) ? before.signedAt : now) : null,
          channel: status === 'pending' ? null : 'manual',
          note: body.note ?? null,
          ...(status === 'leave' && before.leaveState !== 'approved'
            ? { leaveState: 'approved', leaveDecidedBy: actor.userId, leaveDecidedAt: now }
            : {}),
        });
        if (attended(status) !== attended(before.status)) {
          await syncAttendanceLedger(tx, { activity, settings }, ledgerMeeting(meeting), memberId, status);
        }
        audit({
          action: 'meeting.attendance_recorded',
          targetType: 'meeting',
          targetId: id,
          targetLabel: `${meeting.topic} ${before.name}`,
          before: { memberId, status: before.status },
          after: { memberId, status, note: body.note ?? null },
        });
        return mapAttendee((await repo.attendee(tx, id, memberId))!);
      });
    },

    /** The member asks for leave (请假) from a planned meeting they are expected at. */
    async requestLeave(actor: Actor, id: number, body: LeaveRequestBody) {
      const self = ownMemberId(actor);
      return audited(db, actor, async (tx, audit) => {
        const meeting = await repo.findById(tx, id, true);
        const mine = meeting ? await repo.attendee(tx, id, self, true) : null;
        if (!meeting || !mine || mine.role !== 'expected') throw notFound('会议');
        if (meeting.state !== 'planned')
          throw leaveNotAllowed(`会议${MEETING_STATE_LABELS[meeting.state as MeetingState]}，不能再请假`);
        if (attended(mine.status)) throw leaveNotAllowed('您已签到，不能再请假');
        if (mine.status === 'leave') throw leaveNotAllowed('您的请假已批准');
        await repo.updateAttendee(tx, id, self, { leaveReason: body.reason, leaveState: 'requested' });
        audit({
          action: 'meeting.leave_requested',
          targetType: 'meeting',
          targetId: id,
          targetLabel: `${meeting.topic} ${mine.name}`,
          after: { memberId: self, reason: body.reason },
        });
        return mapAttendee((await repo.attendee(tx, id, self))!);
      });
    },

    /** The secretary approves (status 请假) or rejects a leave request. */
    async decideLeave(actor: Actor, id: number, memberId: number, body: LeaveDecisionBody) {
      return audited(db, actor, async (tx, audit) => {
        const meeting = await writableMeeting(tx, actor, id, true);
        assertOpen(meeting);
        const row = await repo.attendee(tx, id, memberId, true);
        if (!row) throw notAnAttendee();
        if (row.leaveState !== 'requested') throw noLeaveRequest();
        const approve = body.decision === 'approve';
        await repo.updateAttendee(tx, id, memberId, {
          leaveState: approve ? 'approved' : 'rejected',
          leaveDecidedBy: actor.userId,
          leaveDecidedAt: new Date(),
          ...(approve ? { status: 'leave', signedAt: null, channel: 'manual' } : {}),
        });
        if (approve && attended(row.status)) {
          await syncAttendanceLedger(tx, { activity, settings }, ledgerMeeting(meeting), memberId, 'leave');
        }
        audit({
          action: 'meeting.leave_decided',
          targetType: 'meeting',
          targetId: id,
          targetLabel: `${meeting.topic} ${row.name}`,
          before: { memberId, status: row.status, leaveState: row.leaveState },
          after: { memberId, decision: body.decision },
        });
        return mapAttendee((await repo.attendee(tx, id, memberId))!);
      });
    },

    /** The member's own meetings: upcoming (planned), and past with their attendance. */
    async mine(actor: Actor): Promise<MyMeetingsResponse> {
      const self = ownMemberId(actor);
      const now = new Date();
      const [upcoming, past] = await Promise.all([
        repo.mine(db, self, true, now, 20),
        repo.mine(db, self, false, now, 30),
      ]);
      const item = (r: (typeof upcoming)[number]): MyMeetingItem => {
        const mine = mapAttendee(r.attendee);
        return {
          id: r.id,
          org: { id: r.orgId, name: r.orgName },
          type: r.type as MeetingType,
          typeLabel: typeLabelOf(r.type, r.customType),
          topic: r.topic,
          plannedAt: r.plannedAt.toISOString(),
          heldAt: r.heldAt ? r.heldAt.toISOString() : null,
          mode: r.mode as MyMeetingItem['mode'],
          place: r.place,
          onlineUrl: r.onlineUrl,
          state: r.state as MeetingState,
          stateLabel: MEETING_STATE_LABELS[r.state as MeetingState],
          mine,
          canRequestLeave: mayRequestLeave(r.state, mine),
        };
      };
      return { upcoming: upcoming.map(item), past: past.map(item) };
    },
  };
}

export type MeetingAttendance = ReturnType<typeof createMeetingAttendance>;
