import type { SessionResponse } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { accountApi, SESSIONS_QUERY_KEY } from '../account.api';

/** The user's signed-in sessions; any but the current one can be signed out. */
export function SessionsTable() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useApiErrorHandler();
  const sessions = useQuery({ queryKey: SESSIONS_QUERY_KEY, queryFn: accountApi.sessions });
  const revoke = useMutation({
    mutationFn: accountApi.revokeSession,
    onSuccess: () => {
      message.success(t('account.revoked'));
      void queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
    },
    onError: (e) => showError(e),
  });

  const columns: TableColumnsType<SessionResponse> = [
    { title: t('account.createdAt'), key: 'createdAt', render: (_, s) => fmt.dateTime(s.createdAt) },
    { title: t('account.lastSeenAt'), key: 'lastSeenAt', render: (_, s) => fmt.dateTime(s.lastSeenAt) },
    { title: t('account.expiresAt'), key: 'expiresAt', render: (_, s) => fmt.dateTime(s.expiresAt) },
    { title: t('account.ip'), key: 'ip', render: (_, s) => s.ip ?? '—' },
    {
      title: t('account.userAgent'),
      key: 'userAgent',
      render: (_, s) => (
        <Typography.Text ellipsis={{ tooltip: s.userAgent }} style={{ maxWidth: 260 }}>
          {s.userAgent ?? '—'}
        </Typography.Text>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) =>
        s.current ? (
          <Tag color="green">{t('account.current')}</Tag>
        ) : (
          <Popconfirm
            title={t('account.revokeConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke.mutateAsync(s.id).catch(() => undefined)}
          >
            <Button type="link" size="small" danger>
              {t('account.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card size="small" title={t('account.sessions')}>
      {sessions.isError ? (
        <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table<SessionResponse>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={sessions.data?.items ?? []}
          loading={sessions.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
    </Card>
  );
}
