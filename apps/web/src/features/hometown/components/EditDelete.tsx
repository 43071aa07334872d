import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** 修改 and 删除 (after a confirmation) for one ledger record, in a table row or on a card. */
export function EditDelete({ onEdit, onDelete }: { onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button size="small" onClick={onEdit}>
        {t('hometown.edit')}
      </Button>
      <Popconfirm title={t('hometown.deleteConfirm')} onConfirm={onDelete}>
        <Button size="small" danger>
          {t('hometown.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
