import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** 编辑 / 删除 on a row the user may change. */
export function RowActions({ onEdit, onDelete }: { onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button size="small" onClick={onEdit}>
        {t('care.edit')}
      </Button>
      <Popconfirm title={t('care.deleteConfirm')} onConfirm={onDelete}>
        <Button size="small" danger>
          {t('care.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
