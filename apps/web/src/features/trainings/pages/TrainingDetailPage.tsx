import { ArrowLeftOutlined } from '@ant-design/icons';
import { POSITION_TITLE_LABELS, type PositionTitle } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { CompletionTab } from '../components/CompletionTab';
import { EnrolmentsTab } from '../components/EnrolmentsTab';
import { SessionsTab } from '../components/SessionsTab';
import { TrainingDrawer } from '../components/TrainingDrawer';
import { STATE_COLORS } from '../trainingColors';
import { trainingKeys, trainingsApi } from '../trainings.api';

/** One class: its facts and state changes, then tabs for enrolments, sessions and completion. */
export function TrainingDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const { dateTime } = useFormatters();
  const [editing, setEditing] = useState(false);
  const training = useQuery({ queryKey: trainingKeys.one(id), queryFn: () => trainingsApi.get(id) });
  const refresh = () => void client.invalidateQueries({ queryKey: trainingKeys.one(id) });
  const state = useMutation({
    mutationFn: (to: 'open' | 'closed' | 'finished' | 'cancelled') =>
      trainingsApi.changeState(id, { to, version: training.data!.version }),
    onSuccess: () => {
      message.success(t('trainings.saved'));
      refresh();
    },
    onError: (error) => onError(error, { onConflict: refresh }),
  });

  if (training.isPending) return <PageSpinner />;
  if (training.isError) return <LoadError error={training.error} onRetry={() => void training.refetch()} />;
  const c = training.data;
  const audience = [
    ...c.audienceOrgs.map((o) => o.name),
    ...c.audiencePositions.map((p) => POSITION_TITLE_LABELS[p as PositionTitle] ?? p),
  ];
  return (
    <Flex vertical gap={16} className="nx-page">
      <Link to="/trainings">
        <ArrowLeftOutlined aria-hidden /> {t('trainings.detail.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {c.title} <Tag color={STATE_COLORS[c.state]}>{c.stateLabel}</Tag>
        </Typography.Title>
        <Space wrap>
          {c.policies.edit ? <Button onClick={() => setEditing(true)}>{t('trainings.edit')}</Button> : null}
          {c.policies.open ? (
            <Button type="primary" loading={state.isPending} onClick={() => state.mutate('open')}>
              {t('trainings.action.open')}
            </Button>
          ) : null}
          {c.policies.close ? (
            <Button loading={state.isPending} onClick={() => state.mutate('closed')}>
              {t('trainings.action.close')}
            </Button>
          ) : null}
          {c.policies.finish ? (
            <Button loading={state.isPending} onClick={() => state.mutate('finished')}>
              {t('trainings.action.finish')}
            </Button>
          ) : null}
          {c.policies.cancel ? (
            <Popconfirm
              title={t('trainings.action.cancelConfirm')}
              onConfirm={() => state.mutate('cancelled')}
            >
              <Button danger>{t('trainings.action.cancel')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('trainings.col.kind')}>{c.kindLabel}</Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.org')}>{c.org.name}</Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.dates')}>
            {c.startsOn} ~ {c.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.place')}>{c.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.quota')}>
            <span data-testid="training-counts">
              {t('trainings.detail.enrolled')} {c.counts.enrolled}/{c.quota} ·{' '}
              {t('trainings.detail.waitlisted')} {c.counts.waitlisted} · {t('trainings.detail.completed')}{' '}
              {c.counts.completed}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.studyHours')}>{c.studyHours}</Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.window')}>
            {c.enrolOpensAt ? dateTime(c.enrolOpensAt) : '—'} ~{' '}
            {c.enrolClosesAt ? dateTime(c.enrolClosesAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.audience')}>
            {audience.length ? audience.join('、') : t('trainings.detail.anyone')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Tabs
        items={[
          {
            key: 'enrolments',
            label: t('trainings.detail.tabs.enrolments'),
            children: <EnrolmentsTab training={c} />,
          },
          {
            key: 'sessions',
            label: t('trainings.detail.tabs.sessions'),
            children: <SessionsTab training={c} />,
          },
          {
            key: 'completion',
            label: t('trainings.detail.tabs.completion'),
            children: <CompletionTab training={c} />,
          },
        ]}
      />
      <TrainingDrawer open={editing} onClose={() => setEditing(false)} editing={c} />
    </Flex>
  );
}
