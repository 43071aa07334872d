import { QrcodeOutlined } from '@ant-design/icons';
import type { TrainingResponse, TrainingSessionResponse } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Space, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { trainingKeys, trainingsApi } from '../trainings.api';
import { AttendanceDrawer } from './AttendanceDrawer';
import { SessionCode } from './SessionCode';
import { TabList } from './TabList';

/** A class's sessions: add, delete, show the sign-in code, keep attendance. */
export function SessionsTab({ training }: { training: TrainingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const { dateTime } = useFormatters();
  const sessions = useQuery({
    queryKey: trainingKeys.sessions(training.id),
    queryFn: () => trainingsApi.sessions(training.id),
  });
  const [adding, setAdding] = useState(false);
  const [qrOf, setQrOf] = useState<TrainingSessionResponse | null>(null);
  const [attendanceOf, setAttendanceOf] = useState<TrainingSessionResponse | null>(null);
  const [form] = Form.useForm<{ title: string; startsAt: string; endsAt?: string; place?: string }>();
  const refresh = () => void client.invalidateQueries({ queryKey: trainingKeys.one(training.id) });
  const add = useMutation({
    mutationFn: (v: { title: string; startsAt: string; endsAt?: string; place?: string }) =>
      trainingsApi.createSession(training.id, {
        title: v.title,
        startsAt: new Date(v.startsAt).toISOString(),
        endsAt: v.endsAt ? new Date(v.endsAt).toISOString() : null,
        place: v.place ?? null,
      }),
    onSuccess: () => {
      message.success(t('trainings.saved'));
      setAdding(false);
      refresh();
    },
    onError: (error) => onError(error, { form }),
  });
  const remove = useMutation({
    mutationFn: (sessionId: number) => trainingsApi.deleteSession(training.id, sessionId),
    onSuccess: refresh,
    onError: (error) => onError(error),
  });
  const columns: TableColumnsType<TrainingSessionResponse> = [
    { title: t('trainings.sessions.title'), dataIndex: 'title' },
    { title: t('trainings.sessions.startsAt'), width: 170, render: (_, s) => dateTime(s.startsAt) },
    { title: t('trainings.sessions.place'), responsive: ['lg'], render: (_, s) => s.place ?? '—' },
    {
      title: t('trainings.sessions.attendance'),
      responsive: ['md'],
      render: (_, s) => t('trainings.sessions.counts', s.counts),
    },
    {
      title: t('common.actions'),
      width: 230,
      render: (_, s) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<QrcodeOutlined aria-hidden />} onClick={() => setQrOf(s)}>
            {t('trainings.sessions.qr')}
          </Button>
          <Button type="link" size="small" onClick={() => setAttendanceOf(s)}>
            {t('trainings.sessions.attendance')}
          </Button>
          {training.policies.edit ? (
            <Popconfirm title={t('trainings.sessions.deleteConfirm')} onConfirm={() => remove.mutate(s.id)}>
              <Button type="link" size="small" danger>
                {t('trainings.sessions.delete')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Card size="small">
      <TabList<TrainingSessionResponse>
        action={
          training.policies.edit ? (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('trainings.sessions.add')}
            </Button>
          ) : null
        }
        list={sessions}
        columns={columns}
        emptyText={t('trainings.sessions.empty')}
      />
      <Modal
        title={t('trainings.sessions.add')}
        open={adding}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="session" onFinish={(v) => add.mutate(v)}>
          <Form.Item
            name="title"
            label={t('trainings.sessions.title')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="startsAt"
            label={t('trainings.sessions.startsAt')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('trainings.sessions.endsAt')}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="place" label={t('trainings.sessions.place')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={qrOf ? t('trainings.sessions.qrTitle', { title: qrOf.title }) : ''}
        open={qrOf !== null}
        onCancel={() => setQrOf(null)}
        footer={null}
        destroyOnHidden
        width={520}
      >
        {qrOf ? <SessionCode session={qrOf} title={`${training.title} · ${qrOf.title}`} /> : null}
      </Modal>
      <AttendanceDrawer session={attendanceOf} onClose={() => setAttendanceOf(null)} onSaved={refresh} />
    </Card>
  );
}
