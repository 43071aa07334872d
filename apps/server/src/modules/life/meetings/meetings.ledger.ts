/**
 * What a meeting writes to the member activity ledger: each attendee who came (signed or late)
 * has a 'meeting_attended' entry, and the attendees of a 党课 (party_lecture) also a 'study_hours'
 * entry of the meeting's study hours or, when it names none, the setting learning.lectureHours
 * (the study hours ledger reads it as the source 党课). Both are source `life` / `meeting:<id>`,
 * written and removed in the transaction that changes the attendance, and written again when the
 * meeting's day, topic, type or hours change.
 */
import type { Executor } from '../../../db/client';
import type { ActivityService } from '../../activity/activity.service';
import type { SettingsService } from '../../settings/settings.service';
import { attended, LEDGER_SOURCE, ledgerSourceId, meetingDay } from './meetings.access';
import { type MeetingFullRow, meetingsRepository as repo } from './meetings.repository';

export interface LedgerDeps {
  activity: Pick<ActivityService, 'record' | 'recordMany' | 'reverse' | 'reverseFor'>;
  settings: Pick<SettingsService, 'get'>;
}

/** What the ledger needs of a meeting. */
export interface LedgerMeeting {
  id: number;
  type: string;
  topic: string;
  heldAt: Date | null;
  plannedAt: Date;
  /** The meeting's own study hours (numeric text), or null for the setting's. */
  studyHours: string | null;
}

/** A meeting as the ledger sees it, with the changes about to be written. */
export const ledgerMeeting = (m: MeetingFullRow, changes: Partial<LedgerMeeting> = {}): LedgerMeeting => ({
  id: m.id,
  type: m.type,
  topic: m.topic,
  heldAt: m.heldAt,
  plannedAt: m.plannedAt,
  studyHours: m.row.studyHours,
  ...changes,
});

/** The study hours a 党课 credits each attendee; 0 for any other meeting. */
async function lectureHours(tx: Executor, settings: LedgerDeps['settings'], meeting: LedgerMeeting) {
  if (meeting.type !== 'party_lecture') return 0;
  return meeting.studyHours === null
    ? await settings.get('learning.lectureHours', tx)
    : Number(meeting.studyHours);
}

const entries = (meeting: LedgerMeeting, memberId: number, hours: number) => [
  {
    memberId,
    kind: 'meeting_attended' as const,
    occurredOn: meetingDay(meeting),
    quantity: 1,
    sourceModule: LEDGER_SOURCE,
    sourceId: ledgerSourceId(meeting.id),
    title: meeting.topic,
  },
  ...(hours > 0
    ? [
        {
          memberId,
          kind: 'study_hours' as const,
          occurredOn: meetingDay(meeting),
          quantity: hours,
          sourceModule: LEDGER_SOURCE,
          sourceId: ledgerSourceId(meeting.id),
          title: `党课：${meeting.topic}`,
        },
      ]
    : []),
];

/** Writes (or removes) one member's entries for the meeting, after their attendance changed. */
export async function syncAttendanceLedger(
  tx: Executor,
  { activity, settings }: LedgerDeps,
  meeting: LedgerMeeting,
  memberId: number,
  status: string,
): Promise<void> {
  const hours = attended(status) ? await lectureHours(tx, settings, meeting) : 0;
  if (attended(status)) await activity.recordMany(tx, entries(meeting, memberId, hours));
  else await activity.reverseFor(tx, memberId, LEDGER_SOURCE, ledgerSourceId(meeting.id), 'meeting_attended');
  if (hours === 0)
    await activity.reverseFor(tx, memberId, LEDGER_SOURCE, ledgerSourceId(meeting.id), 'study_hours');
}

/** Writes every attendee's entries again (the meeting's day, topic, type or hours changed). */
export async function resyncLedger(tx: Executor, { activity, settings }: LedgerDeps, meeting: LedgerMeeting) {
  const rows = await repo.attendedOf(tx, meeting.id);
  const hours = await lectureHours(tx, settings, meeting);
  if (hours === 0) await activity.reverse(tx, LEDGER_SOURCE, ledgerSourceId(meeting.id), 'study_hours');
  await activity.recordMany(
    tx,
    rows.flatMap((r) => entries(meeting, r.memberId, hours)),
  );
}
