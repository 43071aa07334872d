import { Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { useCurrentUser } from '../../auth/useMe';

export function ProfileCard() {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useCurrentUser();
  return (
    <Card size="small" title={t('account.profile')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'displayName', label: t('account.displayName'), children: me.user.displayName },
          { key: 'username', label: t('account.username'), children: me.user.username },
          {
            key: 'roles',
            label: t('account.roles'),
            children:
              me.roles.length === 0 ? (
                t('account.noRoles')
              ) : (
                <Space wrap size={[4, 4]}>
                  {me.roles.map((r) => (
                    <Tag key={r.id} color="red" variant="filled">
                      {labels.role(r.role, r.roleLabel)} · {r.scopeLabel}
                    </Tag>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
