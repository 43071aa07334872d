import {
  type ComplianceBranch,
  type ComplianceTypeItem,
  MEETING_FREQUENCY_LABELS,
  type MeetingFrequency,
  REQUIRED_MEETING_LABELS,
} from '@ningxin/shared';
import { Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CELL_BACKGROUND, type Status } from '../complianceDisplay';
import { TypeTag } from './TypeTag';

/** The month-by-month grid of one branch: a row per required type, a column per month. */
export function MonthGrid({ branch, year }: { branch: ComplianceBranch; year: number }) {
  const { t } = useTranslation();
  const statusOfMonth = (item: ComplianceTypeItem, month: number): Status => {
    const span = 12 / item.periods.length;
    return item.periods[Math.floor((month - 1) / span)]?.status ?? 'in_progress';
  };
  const columns: TableColumnsType<ComplianceTypeItem> = [
    {
      title: t('compliance.grid.type'),
      fixed: 'left',
      width: 120,
      render: (_, item) => (
        <Flex vertical gap={0}>
          <span>{REQUIRED_MEETING_LABELS[item.type]}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {MEETING_FREQUENCY_LABELS[item.frequency as MeetingFrequency]}
          </Typography.Text>
        </Flex>
      ),
    },
    ...Array.from({ length: 12 }, (_, i) => ({
      title: `${i + 1}月`,
      width: 48,
      align: 'center' as const,
      onCell: (item: ComplianceTypeItem) => ({
        style: { background: CELL_BACKGROUND[statusOfMonth(item, i + 1)] },
        'data-status': statusOfMonth(item, i + 1),
      }),
      render: (_: unknown, item: ComplianceTypeItem) => item.heldByMonth[i] || '',
    })),
    {
      title: t('compliance.grid.total'),
      width: 88,
      fixed: 'right',
      render: (_, item) => <TypeTag item={item} />,
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Table<ComplianceTypeItem>
        rowKey="type"
        size="small"
        columns={columns}
        dataSource={branch.types}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="month-grid"
        aria-label={t('compliance.grid.title', { name: branch.name, year })}
      />
      <Typography.Text type="secondary">{t('compliance.legend')}</Typography.Text>
    </Flex>
  );
}
