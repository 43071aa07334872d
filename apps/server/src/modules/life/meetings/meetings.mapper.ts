import {
  AMENDABLE_FIELD_LABELS,
  type AmendableField,
  ATTENDANCE_STATUS_LABELS,
  type AttendanceItem,
  type AttendanceStatus,
  MEETING_STATE_LABELS,
  MEETING_TYPE_LABELS,
  type MeetingAmendment,
  type MeetingListItem,
  type MeetingMode,
  type MeetingResponse,
  type MeetingState,
  type MeetingType,
} from '@ningxin/shared';
import type { AttendeeRow, MeetingFullRow, MeetingListRow, MeetingRow } from './meetings.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The type as shown: a custom type by its own name. */
export const typeLabelOf = (type: string, customType: string | null) =>
  type === 'custom' && customType ? customType : (MEETING_TYPE_LABELS[type as MeetingType] ?? type);

export function mapListItem(r: MeetingListRow): MeetingListItem {
  return {
    id: r.id,
    org: { id: r.orgId, name: r.orgName },
    type: r.type as MeetingType,
    typeLabel: typeLabelOf(r.type, r.customType),
    topic: r.topic,
    plannedAt: r.plannedAt.toISOString(),
    heldAt: iso(r.heldAt),
    mode: r.mode as MeetingMode,
    place: r.place,
    state: r.state as MeetingState,
    stateLabel: MEETING_STATE_LABELS[r.state as MeetingState],
    counts: r.counts,
  };
}

export function mapAttendee(r: AttendeeRow): AttendanceItem {
  return {
    memberId: r.memberId,
    name: r.name,
    role: r.role as AttendanceItem['role'],
    status: r.status as AttendanceStatus,
    statusLabel: ATTENDANCE_STATUS_LABELS[r.status as AttendanceStatus],
    signedAt: iso(r.signedAt),
    channel: r.channel as AttendanceItem['channel'],
    leaveReason: r.leaveReason,
    leaveState: r.leaveState as AttendanceItem['leaveState'],
    note: r.note,
  };
}

export function mapAmendment(a: {
  id: number;
  field: string;
  before: string | null;
  after: string | null;
  reason: string;
  createdBy: string | null;
  createdAt: Date;
}): MeetingAmendment {
  return {
    ...a,
    field: a.field as AmendableField,
    fieldLabel: AMENDABLE_FIELD_LABELS[a.field as AmendableField] ?? a.field,
    createdAt: a.createdAt.toISOString(),
  };
}

export function mapMeeting(
  r: MeetingFullRow,
  extra: Pick<MeetingResponse, 'orgPathNames' | 'amendments' | 'mine' | 'policies'>,
): MeetingResponse {
  const m = r.row;
  return {
    ...mapListItem(r),
    ...extra,
    customType: m.customType,
    endedAt: iso(m.endedAt),
    onlineUrl: m.onlineUrl,
    host: m.host,
    recorder: m.recorder,
    speaker: m.speaker,
    agenda: m.agenda,
    minutes: m.minutes,
    resolutions: m.resolutions,
    allowGuests: m.allowGuests,
    studyHours: m.studyHours === null ? null : Number(m.studyHours),
    archivedAt: iso(m.archivedAt),
    version: m.version,
  };
}

/** What the audit log keeps of a meeting (the minutes by length only). */
export function meetingAuditView(m: Partial<MeetingRow>) {
  const { minutes, resolutions, ...rest } = m;
  return {
    ...rest,
    ...(minutes !== undefined ? { minutesLength: minutes?.length ?? 0 } : {}),
    ...(resolutions !== undefined ? { resolutionsLength: resolutions?.length ?? 0 } : {}),
  };
}
