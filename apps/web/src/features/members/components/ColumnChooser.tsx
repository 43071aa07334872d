import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ChoosableColumn {
  key: string;
  title: string;
}

interface ColumnChooserProps {
  columns: ChoosableColumn[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
  onReset: () => void;
}

/** A popover of checkboxes: which columns the table shows. */
export function ColumnChooser({ columns, hidden, onChange, onReset }: ColumnChooserProps) {
  const { t } = useTranslation();
  const visible = columns.map((c) => c.key).filter((k) => !hidden.includes(k));
  const content = (
    <Flex vertical gap={8} style={{ minWidth: 160 }}>
      <Checkbox.Group
        value={visible}
        onChange={(keys) => onChange(columns.map((c) => c.key).filter((k) => !keys.includes(k)))}
      >
        <Flex vertical gap={4}>
          {columns.map((c) => (
            <Checkbox key={c.key} value={c.key}>
              {c.title}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Button size="small" onClick={onReset}>
        {t('members.columnsReset')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('members.columns')} content={content}>
      <Button icon={<SettingOutlined aria-hidden />}>{t('members.columns')}</Button>
    </Popover>
  );
}
