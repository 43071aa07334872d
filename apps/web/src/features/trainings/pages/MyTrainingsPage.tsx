import { DownloadOutlined } from '@ant-design/icons';
import { type MyTrainingItem, SESSION_ATTENDANCE_LABELS } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { ENROLMENT_COLORS } from '../trainingColors';
import { trainingKeys, trainingsApi } from '../trainings.api';

/** 我的培训 (phone first): classes open to me, my enrolments with the waitlist place, my sessions and certificates. */
export function MyTrainingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const { dateTime } = useFormatters();
  const mine = useQuery({ queryKey: trainingKeys.mine, queryFn: trainingsApi.mine });
  const refresh = () => void client.invalidateQueries({ queryKey: trainingKeys.mine });
  const apply = useMutation({
    mutationFn: (id: number) => trainingsApi.apply(id, {}),
    onSuccess: (e) => {
      message.success(
        e.status === 'waitlisted'
          ? t('trainings.mine.waitlisted', { n: e.waitlistPosition })
          : t('trainings.mine.applied'),
      );
      refresh();
    },
    onError: (error) => onError(error, { onConflict: refresh }),
  });
  const withdraw = useMutation({
    mutationFn: (id: number) => trainingsApi.withdrawOwn(id),
    onSuccess: () => {
      message.success(t('trainings.mine.withdrawn'));
      refresh();
    },
    onError: (error) => onError(error),
  });
  const download = useMutation({
    mutationFn: (enrolmentId: number) => trainingsApi.myCertificate(enrolmentId),
    onSuccess: (name) => message.success(t('trainings.completion.downloaded', { name })),
    onError: (error) => onError(error),
  });

  if (mine.isPending) return <PageSpinner />;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  const { open, enrolments, sessions } = mine.data;
  const certificates = enrolments.filter((e) => e.mine?.certificateNo);
  const facts = (c: MyTrainingItem) =>
    [
      `${c.kindLabel} · ${c.startsOn} ~ ${c.endsOn}`,
      c.place,
      `${t('trainings.mine.places', { enrolled: c.enrolledCount, quota: c.quota })} · ${t('trainings.mine.hours', { hours: c.studyHours })}`,
    ]
      .filter(Boolean)
      .join('\n');

  return (
    <Flex vertical gap={12} className="nx-page" data-testid="my-trainings">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('trainings.mine.title')}
      </Typography.Title>

      <Card size="small" title={t('trainings.mine.open')}>
        {open.filter((c) => c.canApply).length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainings.mine.emptyOpen')} />
        ) : (
          <List
            dataSource={open.filter((c) => c.canApply)}
            renderItem={(c) => (
              <List.Item
                aria-label={c.title}
                actions={[
                  <Button
                    key="apply"
                    type="primary"
                    loading={apply.isPending && apply.variables === c.id}
                    onClick={() => apply.mutate(c.id)}
                  >
                    {t('trainings.mine.apply')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={c.title}
                  description={
                    <Typography.Text type="secondary" style={{ whiteSpace: 'pre-line' }}>
                      {facts(c)}
                      {c.enrolClosesAt
                        ? `\n${t('trainings.mine.closesAt', { at: dateTime(c.enrolClosesAt) })}`
                        : ''}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title={t('trainings.mine.enrolments')}>
        {enrolments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainings.mine.emptyMine')} />
        ) : (
          <List
            dataSource={enrolments}
            renderItem={(c) => (
              <List.Item
                aria-label={c.title}
                actions={
                  c.mine &&
                  (c.mine.status === 'enrolled' || c.mine.status === 'waitlisted') &&
                  c.state !== 'finished'
                    ? [
                        <Popconfirm
                          key="withdraw"
                          title={t('trainings.mine.withdrawConfirm')}
                          onConfirm={() => withdraw.mutate(c.id)}
                        >
                          <Button size="small" danger>
                            {t('trainings.mine.withdraw')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Flex gap={8} wrap align="center">
                      <span>{c.title}</span>
                      {c.mine ? (
                        <Tag color={ENROLMENT_COLORS[c.mine.status]}>
                          {c.mine.statusLabel}
                          {c.mine.waitlistPosition ? ` ${c.mine.waitlistPosition}` : ''}
                        </Tag>
                      ) : null}
                    </Flex>
                  }
                  description={
                    <Typography.Text type="secondary" style={{ whiteSpace: 'pre-line' }}>
                      {facts(c)}
                      {c.mine?.waitlistPosition
                        ? `\n${t('trainings.enrolments.waitlistPosition', { n: c.mine.waitlistPosition })}`
                        : ''}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title={t('trainings.mine.sessions')}>
        {sessions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainings.mine.emptySessions')} />
        ) : (
          <List
            dataSource={sessions}
            renderItem={(s) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Flex gap={8} wrap align="center">
                      <span>{s.title}</span>
                      {s.status ? <Tag>{SESSION_ATTENDANCE_LABELS[s.status]}</Tag> : null}
                    </Flex>
                  }
                  description={`${s.trainingTitle} · ${dateTime(s.startsAt)}${s.place ? ` · ${s.place}` : ''}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title={t('trainings.mine.certificates')}>
        {certificates.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainings.mine.emptyCertificates')} />
        ) : (
          <List
            dataSource={certificates}
            renderItem={(c) => (
              <List.Item
                actions={[
                  <Button
                    key="download"
                    size="small"
                    icon={<DownloadOutlined aria-hidden />}
                    loading={download.isPending && download.variables === c.mine!.enrolmentId}
                    onClick={() => download.mutate(c.mine!.enrolmentId)}
                  >
                    {t('trainings.mine.download')}
                  </Button>,
                ]}
              >
                <List.Item.Meta title={c.mine!.certificateNo} description={c.title} />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
