import { SETTINGS, type SettingResponse } from '@ningxin/shared';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { schemaRule } from '../../../lib/schemaRule';
import { ScaledNumberInput } from './ScaledNumberInput';

interface NumberEditorProps {
  setting: Extract<SettingResponse, { value: number }>;
  /** Stored units in one shown unit (bytes in a megabyte). */
  scale?: number;
}

/** A one-number setting with its unit. */
export function NumberEditor({ setting, scale = 1 }: NumberEditorProps) {
  const { t } = useTranslation();
  const unit = setting.unit ?? '';
  return (
    <Form.Item
      name="value"
      style={{ maxWidth: 280 }}
      rules={[{ required: true, message: t('common.required') }, schemaRule(SETTINGS[setting.key].schema)]}
      extra={
        setting.changed
          ? t('settings.defaultHint', { value: `${setting.defaultValue / scale} ${unit}` })
          : undefined
      }
    >
      <ScaledNumberInput scale={scale} suffix={unit} aria-label={setting.label} />
    </Form.Item>
  );
}
