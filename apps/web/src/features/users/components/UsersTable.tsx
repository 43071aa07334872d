import type { UserResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { usersApi } from '../users.api';
import { useInvalidateUsers } from '../useUsers';
import { UserRolesCell } from './UserRolesCell';
import { UserStatus } from './UserStatus';

interface UsersTableProps {
  users: UserResponse[];
  loading: boolean;
  canWrite: boolean;
  canAssign: boolean;
  onResetPassword: (user: UserResponse) => void;
  onAssignRole: (user: UserResponse) => void;
}

export function UsersTable(props: UsersTableProps) {
  const { users, loading, canWrite, canAssign, onResetPassword, onAssignRole } = props;
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { message } = App.useApp();
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateUsers();
  const unlock = useMutation({
    mutationFn: usersApi.unlock,
    onSuccess: () => {
      message.success(t('users.unlocked'));
      void invalidate();
    },
    onError: (e) => showError(e),
  });
  const resetTwoFactor = useMutation({
    mutationFn: usersApi.resetTwoFactor,
    onSuccess: () => {
      message.success(t('users.twoFactorReset'));
      void invalidate();
    },
    onError: (e) => showError(e),
  });
  // Unlocking is the security administrator's (role.assign), as the server decides.
  const canUnlock = canAssign;

  const columns: TableColumnsType<UserResponse> = [
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.roles'),
      key: 'roles',
      render: (_, u) => <UserRolesCell user={u} canRevoke={canAssign} />,
    },
    { title: t('users.status'), key: 'status', render: (_, u) => <UserStatus user={u} /> },
    { title: t('users.lastLoginAt'), key: 'lastLoginAt', render: (_, u) => fmt.dateTime(u.lastLoginAt) },
  ];
  if (canWrite || canAssign) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space size={0} wrap>
          {canWrite && (
            <Button type="link" size="small" onClick={() => onResetPassword(u)}>
              {t('users.resetPassword')}
            </Button>
          )}
          {canUnlock && u.lockedUntil !== null && (
            <Button
              type="link"
              size="small"
              loading={unlock.isPending && unlock.variables === u.id}
              onClick={() => unlock.mutate(u.id)}
            >
              {t('users.unlock')}
            </Button>
          )}
          {canAssign && u.twoFactor && (
            <Popconfirm
              title={t('users.resetTwoFactorConfirm')}
              onConfirm={() => resetTwoFactor.mutate(u.id)}
            >
              <Button
                type="link"
                size="small"
                loading={resetTwoFactor.isPending && resetTwoFactor.variables === u.id}
              >
                {t('users.resetTwoFactor')}
              </Button>
            </Popconfirm>
          )}
          {canAssign && (
            <Button type="link" size="small" onClick={() => onAssignRole(u)}>
              {t('users.assignRole')}
            </Button>
          )}
        </Space>
      ),
    });
  }
  return (
    <Table<UserResponse>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 'max-content' }}
    />
  );
}
