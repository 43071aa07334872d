import { EditOutlined } from '@ant-design/icons';
import type { MeetingResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { NoticeBody } from '../../notices/components/NoticeBody';
import { RichTextEditor } from '../../notices/components/RichTextEditor';
import { meetingsApi } from '../life.api';
import { useRefreshMeetings } from '../useRefreshMeetings';

/** A meeting's minutes and resolutions, edited in a dialog while the meeting may change. */
export function MeetingMinutes({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshMeetings();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ minutes: string; resolutions: string }>();
  const save = useMutation({
    mutationFn: (v: { minutes: string; resolutions: string }) =>
      meetingsApi.update(m.id, {
        minutes: v.minutes || null,
        resolutions: v.resolutions || null,
        version: m.version,
      }),
    onSuccess: () => {
      message.success(t('life.meetings.saved'));
      setEditing(false);
      refresh();
    },
    onError: (e) => onError(e, { form, onConflict: refresh }),
  });
  const block = (label: string, html: string | null) => (
    <Flex vertical gap={4}>
      <Typography.Text strong>{label}</Typography.Text>
      {html ? (
        <NoticeBody html={html} />
      ) : (
        <Typography.Text type="secondary">{t('life.detail.noMinutes')}</Typography.Text>
      )}
    </Flex>
  );
  return (
    <Card
      size="small"
      title={t('life.detail.minutes')}
      extra={
        m.policies.update ? (
          <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
            {t('life.detail.editMinutes')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        {block(t('life.detail.minutes'), m.minutes)}
        {block(t('life.detail.resolutions'), m.resolutions)}
      </Flex>
      <Modal
        title={t('life.detail.editMinutes')}
        open={editing}
        onCancel={() => setEditing(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        width={760}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ minutes: m.minutes ?? '', resolutions: m.resolutions ?? '' }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item name="minutes" label={t('life.detail.minutes')}>
            <RichTextEditor />
          </Form.Item>
          <Form.Item name="resolutions" label={t('life.detail.resolutions')}>
            <RichTextEditor />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
