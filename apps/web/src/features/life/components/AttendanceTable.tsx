import {
  ATTENDANCE_STATUS_LABELS,
  ATTENDANCE_STATUSES,
  type AttendanceItem,
  type AttendanceStatus,
  type MeetingResponse,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { meetingKeys, meetingsApi } from '../life.api';
import { AttendanceTag } from './meetingTags';

/** 出勤名单: each person's attendance; the secretary records it and decides leave requests. */
export function AttendanceTable({ meeting }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { dateTime } = useFormatters();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: meetingKeys.attendance(meeting.id),
    queryFn: () => meetingsApi.attendance(meeting.id),
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: meetingKeys.attendance(meeting.id) });
    void client.invalidateQueries({ queryKey: meetingKeys.detail(meeting.id) });
  };
  const record = useMutation({
    mutationFn: ({ memberId, status }: { memberId: number; status: AttendanceStatus }) =>
      meetingsApi.record(meeting.id, memberId, { status }),
    onSuccess: (a) => {
      message.success(t('life.attendance.recorded', { name: a.name, status: a.statusLabel }));
      refresh();
    },
    onError: (e) => onError(e),
  });
  const decide = useMutation({
    mutationFn: ({ memberId, decision }: { memberId: number; decision: 'approve' | 'reject' }) =>
      meetingsApi.decideLeave(meeting.id, memberId, { decision }),
    onSuccess: refresh,
    onError: (e) => onError(e),
  });
  const editable = meeting.policies.recordAttendance;

  const columns: TableColumnsType<AttendanceItem> = [
    {
      title: t('life.attendance.name'),
      render: (_, a) => (
        <Space size={4}>
          <span>{a.name}</span>
          {a.role === 'guest' ? <Tag>{t('life.attendance.roles.guest')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('life.attendance.status'),
      width: 130,
      render: (_, a) =>
        editable ? (
          <Select<AttendanceStatus>
            size="small"
            aria-label={`${a.name} ${t('life.attendance.status')}`}
            style={{ width: 100 }}
            value={a.status}
            onChange={(status) => record.mutate({ memberId: a.memberId, status })}
            options={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: ATTENDANCE_STATUS_LABELS[s] }))}
          />
        ) : (
          <AttendanceTag status={a.status} label={a.statusLabel} />
        ),
    },
    {
      title: t('life.attendance.signedAt'),
      responsive: ['md'],
      render: (_, a) =>
        a.signedAt ? (
          <span>
            {dateTime(a.signedAt)}
            {a.channel ? (
              <Typography.Text type="secondary">
                {' '}
                · {t(`life.attendance.channels.${a.channel}`)}
              </Typography.Text>
            ) : null}
          </span>
        ) : null,
    },
    {
      title: t('life.attendance.leave'),
      render: (_, a) =>
        a.leaveState ? (
          <Flex vertical gap={2}>
            <Typography.Text>
              {t(`life.attendance.leaveStates.${a.leaveState}`)}
              {a.leaveReason ? `：${a.leaveReason}` : ''}
            </Typography.Text>
            {a.leaveState === 'requested' && editable ? (
              <Space size={4}>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => decide.mutate({ memberId: a.memberId, decision: 'approve' })}
                >
                  {t('life.attendance.approve')}
                </Button>
                <Button
                  size="small"
                  onClick={() => decide.mutate({ memberId: a.memberId, decision: 'reject' })}
                >
                  {t('life.attendance.reject')}
                </Button>
              </Space>
            ) : null}
          </Flex>
        ) : null,
    },
  ];

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<AttendanceItem>
      rowKey="memberId"
      columns={columns}
      dataSource={list.data ?? []}
      loading={list.isPending}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      size="small"
      scroll={{ x: 'max-content' }}
    />
  );
}
