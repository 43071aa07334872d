import type { MeetingResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../../components/ReasonModal';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { meetingsApi } from '../life.api';
import { useRefreshMeetings } from '../useRefreshMeetings';
import { AttendanceTag } from './meetingTags';

/** The member's own attendance at the meeting, and their leave request. */
export function MyAttendance({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefreshMeetings();
  const [asking, setAsking] = useState(false);
  const leave = useMutation({
    mutationFn: ({ reason }: { reason: string; form: import('antd').FormInstance }) =>
      meetingsApi.requestLeave(m.id, reason),
    onSuccess: () => {
      message.success(t('life.detail.leaveRequested'));
      setAsking(false);
      refresh();
    },
    onError: (e, { form }) => onError(e, { form }),
  });
  const mine = m.mine!;
  return (
    <Card size="small" title={t('life.detail.myAttendance')}>
      <Space wrap>
        <AttendanceTag status={mine.status} label={mine.statusLabel} />
        {mine.leaveState ? <span>{t(`life.attendance.leaveStates.${mine.leaveState}`)}</span> : null}
        {m.policies.requestLeave ? (
          <Button onClick={() => setAsking(true)}>{t('life.detail.requestLeave')}</Button>
        ) : null}
      </Space>
      <ReasonModal
        title={t('life.detail.requestLeave')}
        open={asking}
        fields={[{ name: 'reason', label: t('life.detail.leaveReason'), kind: 'text' }]}
        submitting={leave.isPending}
        okText={t('life.detail.requestLeave')}
        onCancel={() => setAsking(false)}
        onSubmit={(values, form) => leave.mutate({ reason: values.reason!, form })}
      />
    </Card>
  );
}
