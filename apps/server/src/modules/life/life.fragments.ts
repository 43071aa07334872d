/**
 * What other modules' queries may say about organizational life, without naming its tables (see
 * members/members.fragments.ts): composed into another module's statement.
 */
import { type SQL, sql } from 'drizzle-orm';
import { meetingAttendees, meetings } from '../../db/schema';

/**
 * `member_id` of the members with no Party life over a period (自行脱党 review, DOMAIN.md: six
 * consecutive months without Party life): expected at meetings held all through it — one in its
 * first month and one in its last — and present at none, with no approved leave. A member whose
 * branch held nothing is not reached: the period says nothing about them.
 */
export function membersAbsentThroughout(from: string, to: string): SQL {
  const day = sql`(coalesce(${meetings.heldAt}, ${meetings.plannedAt}) at time zone 'Asia/Shanghai')::date`;
  return sql`select ${meetingAttendees.memberId} as member_id
    from ${meetingAttendees} join ${meetings} on ${meetings.id} = ${meetingAttendees.meetingId}
    where ${meetingAttendees.role} = 'expected' and ${meetings.state} in ('held', 'archived')
      and ${day} >= ${from}::date and ${day} < ${to}::date
    group by ${meetingAttendees.memberId}
    having bool_and(${meetingAttendees.status} not in ('signed', 'late'))
      and not bool_or(${meetingAttendees.status} = 'leave' and ${meetingAttendees.leaveState} = 'approved')
      and min(${day}) < ${from}::date + 31
      and max(${day}) >= ${to}::date - 31`;
}

/**
 * `(member_id, meeting_id, occurred_on, study_hours, title)` of the attendances (signed, late) at
 * 党课 (party_lecture) meetings not cancelled, for the study hours ledger's credit of the demo's
 * history (`study_hours` null: the meeting names none, the setting applies).
 */
export function lectureAttendance(): SQL {
  return sql`select ${meetingAttendees.memberId} as member_id, ${meetings.id} as meeting_id,
      (coalesce(${meetings.heldAt}, ${meetings.plannedAt}) at time zone 'Asia/Shanghai')::date as occurred_on,
      ${meetings.studyHours} as study_hours, ${meetings.topic} as title
    from ${meetingAttendees} join ${meetings} on ${meetings.id} = ${meetingAttendees.meetingId}
    where ${meetings.type} = 'party_lecture' and ${meetings.state} <> 'cancelled'
      and ${meetingAttendees.status} in ('signed', 'late')`;
}
