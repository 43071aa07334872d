import { SETTINGS, type SettingDefinition, type SettingResponse } from '@ningxin/shared';
import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { valueFieldRule } from '../settingForm';

type ObjectOfTexts = Extract<SettingResponse, { key: 'members.paperNumberPrefixes' }>;

/** A setting whose value is a few named short texts (the papers' number prefixes). */
export function TextFieldsEditor({ setting }: { setting: ObjectOfTexts }) {
  const { t } = useTranslation();
  const definition: SettingDefinition = SETTINGS[setting.key];
  const defaults = setting.defaultValue as Record<string, string>;
  const current = setting.value as Record<string, string>;
  return (
    <Row gutter={16}>
      {(definition.fields ?? []).map((field) => (
        <Col key={field.name} xs={24} sm={12} lg={8}>
          <Form.Item
            name={['value', field.name]}
            label={field.label}
            rules={[
              { required: true, message: t('common.required') },
              valueFieldRule(definition.schema, ['value', field.name]),
            ]}
            extra={
              current[field.name] !== defaults[field.name]
                ? t('settings.defaultHint', { value: defaults[field.name] })
                : undefined
            }
          >
            <Input maxLength={8} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
