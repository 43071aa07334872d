import { DownloadOutlined } from '@ant-design/icons';
import { ENROLMENT_STATUS_LABELS, type EnrolmentResponse, type TrainingResponse } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, InputNumber, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { ENROLMENT_COLORS } from '../trainingColors';
import { trainingKeys, trainingsApi } from '../trainings.api';
import { useEnrolments } from '../useEnrolments';

/** Completion of a class: complete all or some, with an attendance minimum; certificate downloads. */
export function CompletionTab({ training }: { training: TrainingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const list = useEnrolments(training.id);
  const [min, setMin] = useState<number | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const complete = useMutation({
    mutationFn: (ids: number[] | undefined) =>
      trainingsApi.complete(training.id, {
        ...(ids ? { enrolmentIds: ids } : {}),
        ...(min ? { minAttendancePercent: min } : {}),
      }),
    onSuccess: (res) => {
      message.success(t('trainings.completion.done', { n: res.completed.length }));
      if (res.skipped.length) message.warning(t('trainings.completion.skipped', { n: res.skipped.length }));
      setSelected([]);
      void client.invalidateQueries({ queryKey: trainingKeys.one(training.id) });
    },
    onError: (error) => onError(error),
  });
  const download = useMutation({
    mutationFn: (enrolmentId: number) => trainingsApi.certificate(training.id, enrolmentId),
    onSuccess: (name) => message.success(t('trainings.completion.downloaded', { name })),
    onError: (error) => onError(error),
  });
  const rows = (list.data?.items ?? []).filter((e) => e.status === 'enrolled' || e.status === 'completed');
  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('trainings.completion.intro')}
        </Typography.Paragraph>
        {training.policies.complete && rows.some((e) => e.status === 'enrolled') ? (
          <Flex gap={8} wrap align="center">
            <span>{t('trainings.completion.minAttendance')}</span>
            <InputNumber
              aria-label={t('trainings.completion.minAttendance')}
              min={0}
              max={100}
              value={min}
              onChange={(v) => setMin(v)}
            />
            <Button type="primary" loading={complete.isPending} onClick={() => complete.mutate(undefined)}>
              {t('trainings.completion.completeAll')}
            </Button>
            <Button
              disabled={selected.length === 0}
              loading={complete.isPending}
              onClick={() => complete.mutate(selected)}
            >
              {t('trainings.completion.completeSelected', { n: selected.length })}
            </Button>
          </Flex>
        ) : null}
        <Table<EnrolmentResponse>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as number[]),
            getCheckboxProps: (e) => ({ disabled: e.status !== 'enrolled' }),
          }}
          columns={[
            { title: t('trainings.enrolments.col.member'), render: (_, e) => e.member.name },
            {
              title: t('trainings.enrolments.col.attended'),
              width: 90,
              render: (_, e) => `${e.attended}/${training.counts.sessions}`,
            },
            {
              title: t('trainings.enrolments.col.status'),
              width: 100,
              render: (_, e) => (
                <Tag color={ENROLMENT_COLORS[e.status]}>{ENROLMENT_STATUS_LABELS[e.status]}</Tag>
              ),
            },
            { title: t('trainings.enrolments.col.certificate'), render: (_, e) => e.certificateNo ?? '—' },
            {
              title: t('common.actions'),
              width: 120,
              render: (_, e) =>
                e.certificateNo ? (
                  <Button
                    type="link"
                    size="small"
                    icon={<DownloadOutlined aria-hidden />}
                    loading={download.isPending && download.variables === e.id}
                    onClick={() => download.mutate(e.id)}
                  >
                    {t('trainings.completion.download')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
