import type { AuditEntryResponse } from '@ningxin/shared';
import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { actorLabel } from '../../../lib/format';
import { useFormatters } from '../../../lib/useFormatters';
import { AuditDiff } from './AuditDiff';

interface AuditTableProps {
  items: AuditEntryResponse[];
  loading: boolean;
}

function targetText(e: AuditEntryResponse): string {
  if (e.targetLabel) return e.targetLabel;
  if (e.targetType) return e.targetId ? `${e.targetType}#${e.targetId}` : e.targetType;
  return '—';
}

export function AuditTable({ items, loading }: AuditTableProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const fmt = useFormatters();
  const columns: TableColumnsType<AuditEntryResponse> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.time'), key: 'at', render: (_, e) => fmt.dateTime(e.at), width: 180 },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, e) =>
        e.actorDisplayName && e.actorName ? (
          <>
            {e.actorDisplayName}{' '}
            <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
              {e.actorName}
            </Typography.Text>
          </>
        ) : (
          actorLabel(e)
        ),
    },
    {
      title: t('audit.action'),
      key: 'action',
      render: (_, e) => labels.auditAction(e.action, e.actionLabel),
    },
    { title: t('audit.target'), key: 'target', render: (_, e) => targetText(e) },
    { title: t('audit.ip'), key: 'ip', render: (_, e) => e.ip ?? '—' },
  ];
  return (
    <Table<AuditEntryResponse>
      rowKey="seq"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (e) => <AuditDiff entry={e} />,
        rowExpandable: (e) => e.before != null || e.after != null,
      }}
    />
  );
}
