/**
 * Sign-in by QR: the code a secretary shows (a planned or held meeting) and a member's scan, which
 * records their attendance once (已签到, or 迟到 after LATE_AFTER_MINUTES) with its ledger entry.
 */
import {
  type AttendanceStatus,
  LATE_AFTER_MINUTES,
  type MeetingState,
  type SignInCodeResponse,
  type SignInResult,
} from '@ningxin/shared';
import { notFound } from '../../../lib/errors';
import { presentSignInCode } from '../../../lib/sign-in-codes';
import type { Actor } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import { attended, isOpen, ownMemberId, writableMeeting } from './meetings.access';
import type { AttendanceDeps } from './meetings.attendance';
import { signInClosedMeeting, signInNotInvited, wrongState } from './meetings.errors';
import { ledgerMeeting, syncAttendanceLedger } from './meetings.ledger';
import { meetingStart, meetingsRepository as repo } from './meetings.repository';

export function createMeetingSignIn({ db, activity, settings, signInCodes }: AttendanceDeps) {
  return {
    /** The QR the secretary shows (a planned or held meeting). */
    async signInCode(actor: Actor, id: number, siteUrl: string): Promise<SignInCodeResponse> {
      const meeting = await writableMeeting(db, actor, id);
      if (!isOpen(meeting.state)) throw wrongState(meeting.state as MeetingState, '出示签到码');
      const window = await settings.get('life.signInWindow');
      const code = signInCodes.issue('meeting', id, meetingStart(meeting), window);
      return presentSignInCode(code, 'meeting', id, siteUrl);
    },

    /**
     * A member's scan: their own attendance becomes 已签到 (or 迟到, more than LATE_AFTER_MINUTES
     * after the start), once; a second scan answers 'already'. A member not expected signs in as
     * 列席 when the meeting allows guests.
     */
    async signIn(actor: Actor, id: number, token: string): Promise<SignInResult> {
      const self = ownMemberId(actor);
      const found = await repo.findById(db, id);
      if (!found) throw notFound('会议');
      const window = await settings.get('life.signInWindow');
      signInCodes.check(token, 'meeting', id, meetingStart(found), window);
      return audited(db, actor, async (tx, audit) => {
        const meeting = (await repo.findById(tx, id, true))!;
        if (!isOpen(meeting.state)) throw signInClosedMeeting(meeting.state as MeetingState);
        const now = new Date();
        const late = now.getTime() > meetingStart(meeting).getTime() + LATE_AFTER_MINUTES * 60_000;
        const status: AttendanceStatus = late ? 'late' : 'signed';
        const title = meeting.topic;
        const mine = await repo.attendee(tx, id, self, true);
        if (mine && attended(mine.status)) {
          return {
            outcome: 'already' as const,
            role: mine.role as 'expected' | 'guest',
            title,
            signedAt: (mine.signedAt ?? now).toISOString(),
          };
        }
        if (mine) {
          await repo.updateAttendee(tx, id, self, { status, signedAt: now, channel: 'qr' });
        } else {
          if (!meeting.row.allowGuests) throw signInNotInvited();
          await repo.insertGuest(tx, {
            meetingId: id,
            memberId: self,
            role: 'guest',
            status,
            signedAt: now,
            channel: 'qr',
          });
        }
        await syncAttendanceLedger(tx, { activity, settings }, ledgerMeeting(meeting), self, status);
        const role = (mine?.role ?? 'guest') as 'expected' | 'guest';
        audit({
          action: 'meeting.qr_signed_in',
          targetType: 'meeting',
          targetId: id,
          targetLabel: meeting.topic,
          after: { memberId: self, status, role },
        });
        return { outcome: status, role, title, signedAt: now.toISOString() };
      });
    },
  };
}
