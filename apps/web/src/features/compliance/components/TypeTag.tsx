import type { ComplianceTypeItem } from '@ningxin/shared';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from '../complianceDisplay';

/** A type's held/required as a coloured tag. */
export function TypeTag({ item }: { item: ComplianceTypeItem }) {
  const { t } = useTranslation();
  const label = t(`compliance.status.${item.status}`);
  return (
    <Tag
      color={STATUS_COLORS[item.status]}
      data-status={item.status}
      title={label}
      style={{ marginInlineEnd: 0 }}
    >
      {item.status === 'exempt' ? label : `${item.held}/${item.required}`}
    </Tag>
  );
}
