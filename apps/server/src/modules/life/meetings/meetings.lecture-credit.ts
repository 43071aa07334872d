/**
 * The study hours a 党课 (party_lecture) credits: a member who attended (signed or late) gets the
 * meeting's study hours or, when the meeting names none, the setting learning.lectureHours, as a
 * ledger entry of kind 'study_hours' (source `life` / `meeting:<id>`) beside their attendance entry;
 * written and removed in the transaction that changes the attendance. The study hours ledger
 * (learning/study) reads it as the source 党课.
 */
import type { Executor } from '../../../db/client';
import type { ActivityService } from '../../activity/activity.service';
import type { SettingsService } from '../../settings/settings.service';
import { attended, LEDGER_SOURCE, ledgerSourceId, meetingDay } from './meetings.access';

export interface LectureMeeting {
  id: number;
  type: string;
  topic: string;
  heldAt: Date | null;
  plannedAt: Date;
  row: { studyHours: string | null };
}

export async function syncLectureCredit(
  tx: Executor,
  deps: { activity: Pick<ActivityService, 'record' | 'reverseFor'>; settings: Pick<SettingsService, 'get'> },
  meeting: LectureMeeting,
  memberId: number,
  status: string,
): Promise<void> {
  if (meeting.type !== 'party_lecture') return;
  const hours =
    meeting.row.studyHours === null
      ? await deps.settings.get('learning.lectureHours', tx)
      : Number(meeting.row.studyHours);
  if (attended(status) && hours > 0) {
    await deps.activity.record(tx, {
      memberId,
      kind: 'study_hours',
      occurredOn: meetingDay(meeting),
      quantity: hours,
      sourceModule: LEDGER_SOURCE,
      sourceId: ledgerSourceId(meeting.id),
      title: `党课：${meeting.topic}`,
    });
  } else {
    await deps.activity.reverseFor(tx, memberId, LEDGER_SOURCE, ledgerSourceId(meeting.id), 'study_hours');
  }
}
