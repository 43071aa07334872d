import { DUES_CATEGORY_LABELS, SETTINGS, type SettingResponse, yuanText } from '@ningxin/shared';
import { Col, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { valueFieldRule } from '../settingForm';
import { DuesBracketsTable } from './DuesBracketsTable';
import { ScaledNumberInput } from './ScaledNumberInput';

type Setting = Extract<SettingResponse, { key: 'dues.rules' }>;

/** The dues rules: the two scales by income, and the fixed amounts. */
export function DuesEditor({ setting }: { setting: Setting }) {
  const { t } = useTranslation();
  const schema = SETTINGS['dues.rules'].schema;
  const fixed = [
    { name: 'farmerFen', label: DUES_CATEGORY_LABELS.farmer },
    { name: 'assistedFen', label: DUES_CATEGORY_LABELS.assisted },
  ] as const;
  return (
    <>
      <DuesBracketsTable scale="salaried" title={DUES_CATEGORY_LABELS.salaried} />
      <DuesBracketsTable scale="retired" title={DUES_CATEGORY_LABELS.retired} />
      <Row gutter={16}>
        {fixed.map(({ name, label }) => (
          <Col key={name} xs={24} sm={12}>
            <Form.Item
              name={['value', name]}
              label={label}
              rules={[
                { required: true, message: t('common.required') },
                valueFieldRule(schema, ['value', name]),
              ]}
              extra={
                setting.value[name] !== setting.defaultValue[name]
                  ? t('settings.defaultHint', { value: `${yuanText(setting.defaultValue[name])} 元` })
                  : undefined
              }
            >
              <ScaledNumberInput scale={100} suffix={t('settings.yuanPerMonth')} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}
