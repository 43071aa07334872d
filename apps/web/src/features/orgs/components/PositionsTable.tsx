import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { OrgResponse, PositionResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLabels } from '../../../app/i18n/useLabels';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useCurrentUser } from '../../auth/useMe';
import { orgsApi } from '../orgs.api';
import { useInvalidateOrgs } from '../useInvalidateOrgs';
import { PositionFormModal } from './PositionFormModal';

/** The org's positions (班子成员); editable when the org's update policy allows. */
export function PositionsTable({ org }: { org: OrgResponse }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateOrgs();
  const [editing, setEditing] = useState<PositionResponse | 'new' | null>(null);
  const canEdit = org.policies.update && org.status === 'active';
  // Positions hold a name, not a member id yet: the link searches the member base for it.
  const canSearchMembers = useCurrentUser().permissions.includes('member.read');

  const remove = useMutation({
    mutationFn: (p: PositionResponse) => orgsApi.deletePosition(org.id, p.id),
    onSuccess: () => {
      message.success(t('orgs.positionDeleted'));
      void invalidate();
    },
    onError: (e) => showError(e, { onConflict: () => void invalidate() }),
  });

  const columns: TableColumnsType<PositionResponse> = [
    {
      title: t('orgs.positionTitle'),
      key: 'title',
      render: (_, p) => labels.positionTitle(p.title, p.titleLabel),
    },
    {
      title: t('orgs.holderName'),
      key: 'holderName',
      render: (_, p) =>
        canSearchMembers ? (
          <Link to={`/members?${new URLSearchParams({ q: p.holderName })}`}>{p.holderName}</Link>
        ) : (
          p.holderName
        ),
    },
    {
      title: t('orgs.term'),
      key: 'term',
      render: (_, p) => `${p.termStart} ~ ${p.termEnd ?? t('orgs.toPresent')}`,
    },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(p)}>
            {t('common.modify')}
          </Button>
          <Popconfirm
            title={t('orgs.deletePositionConfirm')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(p).catch(() => undefined)}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined aria-hidden />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      size="small"
      title={t('orgs.positions')}
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('orgs.addPosition')}
          </Button>
        )
      }
    >
      <Table<PositionResponse>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={org.positions}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('orgs.noPositions') }}
      />
      {canEdit && (
        <PositionFormModal
          org={org}
          position={editing === 'new' ? null : editing}
          open={editing !== null}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
