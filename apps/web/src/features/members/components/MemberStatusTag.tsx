import type { MemberStatus } from '@ningxin/shared';
import { useLabels } from '../../../app/i18n/useLabels';
import { Tag } from '../../../components/plain/Tag';

export const STATUS_COLORS: Record<MemberStatus, string> = {
  active: 'green',
  lost: 'orange',
  suspended: 'red',
  transferred_out: 'blue',
  returned: 'cyan',
  deceased: 'default',
};

/** A member's status as a tag in its colour (plain: the phone's member list loads no antd). */
export function MemberStatusTag({ status }: { status: MemberStatus }) {
  const labels = useLabels();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {labels.memberStatus(status)}
    </Tag>
  );
}
