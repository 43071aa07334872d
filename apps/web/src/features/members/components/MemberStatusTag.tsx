import type { MemberStatus } from '@ningxin/shared';
import { Tag } from 'antd';
import { useLabels } from '../../../app/i18n/useLabels';

export const STATUS_COLORS: Record<MemberStatus, string> = {
  active: 'green',
  lost: 'orange',
  suspended: 'red',
  transferred_out: 'blue',
  returned: 'cyan',
  deceased: 'default',
};

export function MemberStatusTag({ status }: { status: MemberStatus }) {
  const labels = useLabels();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {labels.memberStatus(status)}
    </Tag>
  );
}
