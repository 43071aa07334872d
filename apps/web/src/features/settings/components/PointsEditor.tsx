import { type PointsRules, pointsYearTotal, type SettingResponse } from '@ningxin/shared';
import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NumberFieldsEditor } from './NumberFieldsEditor';

/** The points rules, with the year's full score they add up to and the version of the rules. */
export function PointsEditor({ setting }: { setting: Extract<SettingResponse, { key: 'points.rules' }> }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const rules = Form.useWatch(['value'], form) as Partial<PointsRules> | undefined;
  const parts = [rules?.base, rules?.tasksCap, rules?.bonusCap];
  const total = parts.every((n) => typeof n === 'number') ? pointsYearTotal(rules as PointsRules) : null;
  return (
    <>
      <NumberFieldsEditor setting={setting} />
      <Typography.Paragraph>
        {t('settings.pointsTotal', { total: total ?? '—' })}
        <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
          {t('settings.rulesVersion', { version: setting.version })}
        </Typography.Text>
      </Typography.Paragraph>
    </>
  );
}
