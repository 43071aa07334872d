import {
  SESSION_ATTENDANCE_LABELS,
  SESSION_ATTENDANCE_STATUSES,
  type SessionAttendanceStatus,
  type TrainingSessionResponse,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Drawer, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { trainingKeys, trainingsApi } from '../trainings.api';

/** A session's attendance, recorded member by member. */
export function AttendanceDrawer({
  session,
  onClose,
  onSaved,
}: {
  session: TrainingSessionResponse | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: trainingKeys.attendance(session?.id ?? 0),
    queryFn: () => trainingsApi.attendance(session!.id),
    enabled: session !== null,
  });
  const record = useMutation({
    mutationFn: ({ memberId, status }: { memberId: number; status: SessionAttendanceStatus }) =>
      trainingsApi.recordAttendance(session!.id, { records: [{ memberId, status }] }),
    onSuccess: (data) => {
      client.setQueryData(trainingKeys.attendance(session!.id), data);
      message.success(t('trainings.sessions.recorded'));
      onSaved();
    },
    onError: (error) => onError(error),
  });
  return (
    <Drawer
      title={session ? `${session.title} · ${t('trainings.sessions.attendance')}` : ''}
      open={session !== null}
      onClose={onClose}
      size={480}
      destroyOnHidden
    >
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey={(r) => r.member.id}
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          size="small"
          columns={[
            { title: t('trainings.enrolments.col.member'), render: (_, r) => r.member.name },
            {
              title: t('trainings.sessions.attendance'),
              width: 150,
              render: (_, r) => (
                <Select<SessionAttendanceStatus>
                  aria-label={`${r.member.name} ${t('trainings.sessions.attendance')}`}
                  size="small"
                  style={{ width: 120 }}
                  placeholder={t('trainings.sessions.notRecorded')}
                  value={r.status ?? undefined}
                  onChange={(status) => record.mutate({ memberId: r.member.id, status })}
                  options={SESSION_ATTENDANCE_STATUSES.map((s) => ({
                    value: s,
                    label: SESSION_ATTENDANCE_LABELS[s],
                  }))}
                />
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}
