import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ORG_CHILD_KINDS, type OrgResponse } from '@ningxin/shared';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgCloseModal } from './OrgCloseModal';
import { OrgCreateDrawer } from './OrgCreateDrawer';
import { OrgEditDrawer } from './OrgEditDrawer';
import { OrgMoveModal } from './OrgMoveModal';

type Dialog = 'create' | 'edit' | 'move' | 'close' | null;

interface OrgActionsProps {
  org: OrgResponse;
  onSelect: (id: number) => void;
}

/** The buttons the org's policies allow, and the forms behind them. */
export function OrgActions({ org, onSelect }: OrgActionsProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const { policies } = org;
  const canCreateChild = policies.createChild && ORG_CHILD_KINDS[org.kind].length > 0;
  if (!canCreateChild && !policies.update && !policies.move && !policies.close) return null;
  return (
    <>
      <Space wrap size={8}>
        {canCreateChild && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('create')}>
            {t('orgs.addChild')}
          </Button>
        )}
        {policies.update && (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('edit')}>
            {t('orgs.edit')}
          </Button>
        )}
        {policies.move && (
          <Button icon={<DragOutlined aria-hidden />} onClick={() => setDialog('move')}>
            {t('orgs.move')}
          </Button>
        )}
        {policies.close && (
          <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => setDialog('close')}>
            {t('orgs.close')}
          </Button>
        )}
      </Space>
      {canCreateChild && (
        <OrgCreateDrawer
          parent={org}
          open={dialog === 'create'}
          onClose={close}
          onCreated={(id) => {
            close();
            onSelect(id);
          }}
        />
      )}
      {policies.update && <OrgEditDrawer org={org} open={dialog === 'edit'} onClose={close} />}
      {policies.move && <OrgMoveModal org={org} open={dialog === 'move'} onClose={close} />}
      {policies.close && <OrgCloseModal org={org} open={dialog === 'close'} onClose={close} />}
    </>
  );
}
