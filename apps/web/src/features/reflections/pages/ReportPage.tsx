import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { ReasonModal } from '../../../components/ReasonModal';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { RecordFiles } from '../../files/components/RecordFiles';
import { ReportFormDrawer } from '../components/ReportFormDrawer';
import { REPORT_COLORS } from '../reflectionColors';
import { reportKeys, reportsApi } from '../reflections.api';

/** One yearly report: text and file; the author edits it until read, a secretary acknowledges it. */
export function ReportPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const { dateTime } = useFormatters();
  const [acking, setAcking] = useState(false);
  const [editing, setEditing] = useState(false);
  const one = useQuery({ queryKey: reportKeys.one(id), queryFn: () => reportsApi.get(id) });
  const refresh = () => void client.invalidateQueries({ queryKey: reportKeys.all });
  const ack = useMutation({
    mutationFn: (v: { comment: string | null; version: number }) => reportsApi.acknowledge(id, v),
    onSuccess: () => {
      message.success(t('reflections.reports.ackDone'));
      setAcking(false);
      refresh();
    },
    onError: (error) => onError(error, { onConflict: refresh }),
  });
  if (one.isPending) return <PageSpinner />;
  if (one.isError) return <LoadError error={one.error} onRetry={() => void one.refetch()} />;
  const r = one.data;
  return (
    <Flex vertical gap={12} className="nx-page" data-testid="member-report">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {r.title}
        </Typography.Title>
        <Tag color={REPORT_COLORS[r.state]}>{r.stateLabel}</Tag>
      </Flex>
      <Flex gap={8} wrap>
        {r.policies.edit ? (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
            {t('reflections.reports.edit')}
          </Button>
        ) : null}
        {r.policies.acknowledge ? (
          <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setAcking(true)}>
            {t('reflections.reports.acknowledge')}
          </Button>
        ) : null}
      </Flex>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            {
              key: 'member',
              label: t('reflections.reports.col.member'),
              children: `${r.member.name}（${r.org.name}）`,
            },
            {
              key: 'kind',
              label: t('reflections.reports.col.kind'),
              children: `${t('reflections.reports.yearOf', { year: r.year })} ${r.kindLabel}`,
            },
            { key: 'at', label: t('reflections.reports.col.submittedAt'), children: dateTime(r.submittedAt) },
            ...(r.ackAt
              ? [
                  {
                    key: 'by',
                    label: t('reflections.reports.ackBy'),
                    children: `${r.ackByName ?? ''} ${dateTime(r.ackAt)}`,
                  },
                  {
                    key: 'comment',
                    label: t('reflections.reports.ackComment'),
                    children: r.ackComment ?? '—',
                  },
                ]
              : []),
          ]}
        />
        {r.body ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginTop: 12, marginBottom: 0 }}>
            {r.body}
          </Typography.Paragraph>
        ) : null}
      </Card>
      <Card size="small" title={t('reflections.reports.files')}>
        <RecordFiles owner={{ ownerType: 'member_report', ownerId: r.id }} purposes={['attachment']} />
      </Card>
      <ReasonModal
        title={t('reflections.reports.ackTitle')}
        open={acking}
        fields={[
          { name: 'comment', label: t('reflections.reports.ackComment'), kind: 'text', required: false },
        ]}
        submitting={ack.isPending}
        okText={t('reflections.reports.acknowledge')}
        onCancel={() => setAcking(false)}
        onSubmit={(v) => ack.mutate({ comment: v.comment?.trim() || null, version: r.version })}
      />
      <ReportFormDrawer open={editing} onClose={() => setEditing(false)} editing={r} />
    </Flex>
  );
}
