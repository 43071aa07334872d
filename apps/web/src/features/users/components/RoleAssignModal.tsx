import {
  ROLE_SCOPES,
  ROLES,
  type Role,
  type ScopeInput,
  type ScopeKind,
  type UserResponse,
} from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { usersApi } from '../users.api';
import { useInvalidateUsers } from '../useUsers';
import { ScopeValueField } from './ScopeValueField';

interface Values {
  role: Role;
  kind: ScopeKind;
  orgId?: number;
  division?: string;
}

function toScope(v: Values): ScopeInput {
  switch (v.kind) {
    case 'org':
      return { kind: 'org', orgId: v.orgId ?? 0 };
    case 'home':
      return { kind: 'home', division: v.division ?? '' };
    case 'host':
      return { kind: 'host', division: v.division ?? '' };
    default:
      return { kind: v.kind };
  }
}

interface RoleAssignModalProps {
  user: UserResponse | null;
  onClose: () => void;
}

export function RoleAssignModal({ user, onClose }: RoleAssignModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const kind = Form.useWatch('kind', form);
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateUsers();
  const kinds = role ? ROLE_SCOPES[role] : [];

  const assign = useMutation({
    mutationFn: (v: Values) => usersApi.assignRole(user?.id ?? 0, { role: v.role, scope: toScope(v) }),
    onSuccess: () => {
      message.success(t('users.roleAssigned'));
      void invalidate();
      onClose();
    },
    onError: (e) => showError(e, { form }),
  });

  return (
    <Modal
      title={t('users.assignRoleTitle', { name: user?.displayName ?? '' })}
      open={user !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => assign.mutate(v)}
        onValuesChange={(changed: Partial<Values>) => {
          // A new role resets the scope to its first allowed kind.
          if (changed.role)
            form.setFieldsValue({
              kind: ROLE_SCOPES[changed.role][0],
              orgId: undefined,
              division: undefined,
            });
        }}
      >
        <Form.Item
          label={t('users.role')}
          name="role"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={ROLES.map((r) => ({ value: r, label: labels.role(r) }))} />
        </Form.Item>
        <Form.Item
          label={t('users.scopeKind')}
          name="kind"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            disabled={kinds.length <= 1}
            options={kinds.map((k) => ({ value: k, label: t(`scopeKind.${k}`) }))}
          />
        </Form.Item>
        <ScopeValueField kind={kind} />
      </Form>
    </Modal>
  );
}
