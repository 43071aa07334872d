import type { AttendanceStatus, MeetingState } from '@ningxin/shared';
import { Tag } from '../../../components/plain/Tag';

const STATE_COLORS: Record<MeetingState, string> = {
  planned: 'blue',
  held: 'green',
  archived: 'default',
  cancelled: 'red',
};

const STATUS_COLORS: Record<AttendanceStatus, string> = {
  pending: 'default',
  signed: 'green',
  late: 'orange',
  leave: 'blue',
  absent: 'red',
};

export const MeetingStateTag = ({ state, label }: { state: MeetingState; label: string }) => (
  <Tag color={STATE_COLORS[state]}>{label}</Tag>
);

export const AttendanceTag = ({ status, label }: { status: AttendanceStatus; label: string }) => (
  <Tag color={STATUS_COLORS[status]}>{label}</Tag>
);
