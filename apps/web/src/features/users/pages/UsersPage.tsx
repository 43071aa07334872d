import { PlusOutlined } from '@ant-design/icons';
import type { UserResponse } from '@ningxin/shared';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { hasPermission } from '../../auth/auth.api';
import { useCurrentUser } from '../../auth/useMe';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { RoleAssignModal } from '../components/RoleAssignModal';
import { UserCreateDrawer } from '../components/UserCreateDrawer';
import { UsersTable } from '../components/UsersTable';
import { useUsers } from '../useUsers';

/** 账户管理: accounts for the system administrator, role assignments for the security administrator. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUsers();
  const canWrite = hasPermission(me, 'user.write');
  const canAssign = hasPermission(me, 'role.assign');
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserResponse | null>(null);
  const [assigning, setAssigning] = useState<UserResponse | null>(null);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        {users.isError ? (
          <LoadError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <UsersTable
            users={users.data?.items ?? []}
            loading={users.isPending}
            canWrite={canWrite}
            canAssign={canAssign}
            onResetPassword={setResetting}
            onAssignRole={setAssigning}
          />
        )}
      </Card>
      {canWrite && <UserCreateDrawer open={creating} onClose={() => setCreating(false)} />}
      {canWrite && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      {canAssign && <RoleAssignModal user={assigning} onClose={() => setAssigning(null)} />}
    </Flex>
  );
}
