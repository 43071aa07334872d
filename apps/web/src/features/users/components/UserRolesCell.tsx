import { CloseOutlined } from '@ant-design/icons';
import type { UserResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { usersApi } from '../users.api';
import { useInvalidateUsers } from '../useUsers';

interface UserRolesCellProps {
  user: UserResponse;
  canRevoke: boolean;
}

/** A user's role assignments, each with its scope; revocable by a security administrator. */
export function UserRolesCell({ user, canRevoke }: UserRolesCellProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateUsers();
  const remove = useMutation({
    mutationFn: (assignmentId: number) => usersApi.removeRole(user.id, assignmentId),
    onSuccess: () => {
      message.success(t('users.roleRemoved'));
      void invalidate();
    },
    onError: (e) => showError(e),
  });
  if (user.roles.length === 0)
    return <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>;
  return (
    <Flex vertical gap={4} align="flex-start">
      {user.roles.map((r) => {
        const role = labels.role(r.role, r.roleLabel);
        return (
          <Tag key={r.id} color="red" variant="filled" style={{ marginInlineEnd: 0 }}>
            {role} · {r.scopeLabel}
            {canRevoke && (
              <Popconfirm
                title={t('users.removeRoleConfirm', { role, scope: r.scopeLabel })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutateAsync(r.id).catch(() => undefined)}
              >
                <Button
                  type="text"
                  size="small"
                  icon={<CloseOutlined aria-hidden />}
                  aria-label={`${t('users.removeRole')} ${role} · ${r.scopeLabel}`}
                  title={t('users.removeRole')}
                  style={{ height: 18, width: 18, minWidth: 18, marginInlineStart: 4 }}
                />
              </Popconfirm>
            )}
          </Tag>
        );
      })}
    </Flex>
  );
}
