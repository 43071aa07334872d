import { PlusOutlined } from '@ant-design/icons';
import {
  DUES_RELIEF_STATE_LABELS,
  DUES_RELIEF_STATES,
  type DuesReliefResponse,
  type DuesReliefState,
  displayFen,
  monthLabel,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useCurrentUser } from '../../auth/useMe';
import { ReliefDrawer } from '../components/ReliefDrawer';
import { duesApi, duesKeys } from '../dues.api';

/** 党费减免: requests with the branch's review and the next level's approval. */
export function DuesReliefsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const canWrite = useCurrentUser().permissions.includes('dues.write');
  const [creating, setCreating] = useState(false);
  const [state, setState] = useState<DuesReliefState | undefined>();
  const list = useKeysetPages(duesKeys.reliefs(state), (cursor, signal) =>
    duesApi.reliefs(state, cursor, signal),
  );
  const step = useMutation({
    mutationFn: (v: { r: DuesReliefResponse; step: 'review' | 'decide'; approve: boolean }) =>
      duesApi.reliefStep(v.r.id, v.step, v.r.version, v.approve),
    onSuccess: () => {
      message.success(t('dues.reliefs.done'));
      void client.invalidateQueries({ queryKey: duesKeys.all });
    },
    onError: (error) => onError(error, { onConflict: () => void list.refetch() }),
  });
  const actions = (r: DuesReliefResponse) => {
    const which = r.policies.review ? 'review' : r.policies.decide ? 'decide' : null;
    if (!which) return null;
    return (
      <Space>
        <Typography.Text type="secondary">{t(`dues.reliefs.${which}`)}</Typography.Text>
        <Popconfirm
          title={t('dues.reliefs.approve')}
          onConfirm={() => step.mutate({ r, step: which, approve: true })}
        >
          <Button size="small" type="primary">
            {t('dues.reliefs.approve')}
          </Button>
        </Popconfirm>
        <Popconfirm
          title={t('dues.reliefs.reject')}
          onConfirm={() => step.mutate({ r, step: which, approve: false })}
        >
          <Button size="small" danger>
            {t('dues.reliefs.reject')}
          </Button>
        </Popconfirm>
      </Space>
    );
  };
  const columns: TableColumnsType<DuesReliefResponse> = [
    { title: t('dues.reliefs.col.name'), render: (_, r) => `${r.memberName}（${r.org.name}）` },
    { title: t('dues.reliefs.col.kind'), dataIndex: 'kindLabel', width: 70 },
    {
      title: t('dues.reliefs.col.months'),
      render: (_, r) =>
        r.fromMonth === r.toMonth
          ? monthLabel(r.fromMonth)
          : `${monthLabel(r.fromMonth)}—${monthLabel(r.toMonth)}`,
    },
    {
      title: t('dues.reliefs.col.monthly'),
      align: 'right',
      render: (_, r) => (r.kind === 'waived' ? '—' : displayFen(r.monthlyFen, 'yuan')),
    },
    { title: t('dues.reliefs.col.reason'), dataIndex: 'reason', responsive: ['lg'] },
    {
      title: t('dues.reliefs.col.state'),
      render: (_, r) => (
        <Tag color={r.state === 'approved' ? 'success' : r.state === 'rejected' ? 'default' : 'processing'}>
          {r.stateLabel}
        </Tag>
      ),
    },
    { title: '', render: (_, r) => actions(r) },
  ];
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('dues.reliefs.title')}
        </Typography.Title>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('dues.reliefs.create')}
          </Button>
        ) : null}
      </Flex>
      <Select<DuesReliefState | ''>
        aria-label={t('dues.reliefs.state')}
        style={{ width: 160 }}
        value={state ?? ''}
        onChange={(v) => setState(v || undefined)}
        options={[
          { value: '', label: t('dues.reliefs.allStates') },
          ...DUES_RELIEF_STATES.map((s) => ({ value: s, label: DUES_RELIEF_STATE_LABELS[s] })),
        ]}
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small">
          <Table<DuesReliefResponse>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending}
            pagination={false}
          />
          <KeysetPager
            totalText={undefined}
            page={list.page}
            hasPrev={list.hasPrev}
            hasNext={list.hasNext}
            loading={list.isFetching}
            onPrev={list.prev}
            onNext={list.next}
          />
        </Card>
      )}
      <ReliefDrawer open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
