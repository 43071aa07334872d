import { SETTINGS, type SettingDefinition, type SettingResponse } from '@ningxin/shared';
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { valueFieldRule } from '../settingForm';
import { ScaledNumberInput } from './ScaledNumberInput';

type ObjectOfNumbers = Extract<
  SettingResponse,
  { key: 'learning.studyHours' | 'points.rules' | 'life.signInWindow' }
>;

/** A setting whose value is a few named numbers, each with its label and unit. */
export function NumberFieldsEditor({ setting }: { setting: ObjectOfNumbers }) {
  const { t } = useTranslation();
  const definition: SettingDefinition = SETTINGS[setting.key];
  const defaults = setting.defaultValue as Record<string, number>;
  const current = setting.value as Record<string, number>;
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
                ? t('settings.defaultHint', { value: `${defaults[field.name]} ${field.unit}` })
                : undefined
            }
          >
            <ScaledNumberInput suffix={field.unit} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
