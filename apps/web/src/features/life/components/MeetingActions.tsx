import { EditOutlined } from '@ant-design/icons';
import type { MeetingResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../../components/ReasonModal';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { meetingsApi } from '../life.api';
import { useRefreshMeetings } from '../useRefreshMeetings';
import { MeetingAmendModal } from './MeetingAmendModal';
import { MeetingFormDrawer } from './MeetingFormDrawer';

/** The steps on a meeting the user may take: edit, hold, archive, amend, cancel. */
export function MeetingActions({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshMeetings();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [amending, setAmending] = useState(false);
  const step = useMutation({
    mutationFn: (kind: 'hold' | 'archive') =>
      kind === 'hold' ? meetingsApi.hold(m.id, { version: m.version }) : meetingsApi.archive(m.id, m.version),
    onSuccess: (_r, kind) => {
      message.success(t(kind === 'hold' ? 'life.detail.held' : 'life.detail.archived'));
      refresh();
    },
    onError: (e) => onError(e, { onConflict: refresh }),
  });
  const cancel = useMutation({
    mutationFn: ({ reason }: { reason: string; form: import('antd').FormInstance }) =>
      meetingsApi.cancel(m.id, { reason, version: m.version }),
    onSuccess: () => {
      message.success(t('life.detail.cancelled'));
      setCancelling(false);
      refresh();
    },
    onError: (e, { form }) => onError(e, { form, onConflict: refresh }),
  });
  const p = m.policies;
  return (
    <Space wrap>
      {p.update ? (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
          {t('life.meetings.edit')}
        </Button>
      ) : null}
      {p.hold ? (
        <Popconfirm title={t('life.detail.holdConfirm')} onConfirm={() => step.mutate('hold')}>
          <Button type="primary" loading={step.isPending}>
            {t('life.detail.hold')}
          </Button>
        </Popconfirm>
      ) : null}
      {p.archive ? (
        <Popconfirm title={t('life.detail.archiveConfirm')} onConfirm={() => step.mutate('archive')}>
          <Button type="primary" loading={step.isPending}>
            {t('life.detail.archive')}
          </Button>
        </Popconfirm>
      ) : null}
      {p.amend ? <Button onClick={() => setAmending(true)}>{t('life.detail.amend')}</Button> : null}
      {p.cancel ? (
        <Button danger onClick={() => setCancelling(true)}>
          {t('life.detail.cancel')}
        </Button>
      ) : null}
      <MeetingFormDrawer open={editing} onClose={() => setEditing(false)} meeting={m} />
      <ReasonModal
        title={t('life.detail.cancel')}
        open={cancelling}
        fields={[{ name: 'reason', label: t('life.detail.cancelReason'), kind: 'text' }]}
        submitting={cancel.isPending}
        okText={t('life.detail.cancel')}
        danger
        onCancel={() => setCancelling(false)}
        onSubmit={(values, form) => cancel.mutate({ reason: values.reason!, form })}
      />
      <MeetingAmendModal meeting={m} open={amending} onClose={() => setAmending(false)} />
    </Space>
  );
}
