import { UserAddOutlined } from '@ant-design/icons';
import type { EnrolmentResponse, TrainingResponse } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { ENROLMENT_COLORS } from '../trainingColors';
import { trainingKeys, trainingsApi } from '../trainings.api';
import { useEnrolments } from '../useEnrolments';
import { MembersPicker } from './MembersPicker';
import { TabList } from './TabList';

/** A class's enrolment list, with nominating members and withdrawing one. */
export function EnrolmentsTab({ training }: { training: TrainingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const list = useEnrolments(training.id);
  const [nominating, setNominating] = useState(false);
  const [withdrawing, setWithdrawing] = useState<EnrolmentResponse | null>(null);
  const [form] = Form.useForm<{ memberIds: number[]; note?: string }>();
  const [reasonForm] = Form.useForm<{ reason?: string }>();
  const refresh = () => void client.invalidateQueries({ queryKey: trainingKeys.one(training.id) });
  const nominate = useMutation({
    mutationFn: (v: { memberIds: number[]; note?: string }) =>
      trainingsApi.nominate(training.id, { memberIds: v.memberIds, note: v.note ?? null }),
    onSuccess: (res) => {
      message.success(
        t('trainings.enrolments.nominated', {
          enrolled: res.items.filter((e) => e.status === 'enrolled').length,
          waitlisted: res.items.filter((e) => e.status === 'waitlisted').length,
        }),
      );
      setNominating(false);
      form.resetFields();
      refresh();
    },
    onError: (error) => onError(error, { form }),
  });
  const withdraw = useMutation({
    mutationFn: ({ e, reason }: { e: EnrolmentResponse; reason?: string }) =>
      trainingsApi.withdraw(training.id, e.id, { reason: reason ?? null }),
    onSuccess: () => {
      message.success(t('trainings.enrolments.withdrawn'));
      setWithdrawing(null);
      refresh();
    },
    onError: (error) => onError(error, { form: reasonForm }),
  });
  const columns: TableColumnsType<EnrolmentResponse> = [
    { title: t('trainings.enrolments.col.seq'), width: 56, render: (_, _e, i) => i + 1 },
    { title: t('trainings.enrolments.col.member'), render: (_, e) => e.member.name },
    { title: t('trainings.enrolments.col.org'), responsive: ['lg'], render: (_, e) => e.member.orgName },
    {
      title: t('trainings.enrolments.col.source'),
      width: 100,
      responsive: ['md'],
      render: (_, e) => e.sourceLabel,
    },
    {
      title: t('trainings.enrolments.col.status'),
      width: 170,
      render: (_, e) => (
        <Space size={4}>
          <Tag color={ENROLMENT_COLORS[e.status]}>{e.statusLabel}</Tag>
          {e.waitlistPosition ? (
            <Typography.Text type="secondary">
              {t('trainings.enrolments.waitlistPosition', { n: e.waitlistPosition })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      width: 90,
      render: (_, e) =>
        e.status === 'enrolled' || e.status === 'waitlisted' ? (
          <Button type="link" size="small" danger onClick={() => setWithdrawing(e)}>
            {t('trainings.enrolments.withdraw')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card size="small">
      <TabList<EnrolmentResponse>
        action={
          training.policies.nominate ? (
            <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setNominating(true)}>
              {t('trainings.enrolments.nominate')}
            </Button>
          ) : null
        }
        list={list}
        columns={columns}
        emptyText={t('trainings.enrolments.empty')}
      />
      <Modal
        title={t('trainings.enrolments.nominateTitle')}
        open={nominating}
        onCancel={() => setNominating(false)}
        onOk={() => form.submit()}
        confirmLoading={nominate.isPending}
        okText={t('trainings.enrolments.nominate')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="nominate" onFinish={(v) => nominate.mutate(v)}>
          <Form.Item
            name="memberIds"
            label={t('trainings.enrolments.members')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <MembersPicker placeholder={t('trainings.enrolments.membersPlaceholder')} />
          </Form.Item>
          <Form.Item name="note" label={t('trainings.enrolments.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={withdrawing ? t('trainings.enrolments.withdrawTitle', { name: withdrawing.member.name }) : ''}
        open={withdrawing !== null}
        onCancel={() => setWithdrawing(null)}
        onOk={() => reasonForm.submit()}
        confirmLoading={withdraw.isPending}
        okButtonProps={{ danger: true }}
        okText={t('trainings.enrolments.withdraw')}
        destroyOnHidden
      >
        <Form
          form={reasonForm}
          layout="vertical"
          name="withdraw"
          onFinish={(v) =>
            withdrawing && withdraw.mutate({ e: withdrawing, ...(v.reason ? { reason: v.reason } : {}) })
          }
        >
          <Form.Item name="reason" label={t('trainings.enrolments.withdrawReason')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
