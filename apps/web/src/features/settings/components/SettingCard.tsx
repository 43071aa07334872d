import { SETTINGS, type SettingResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { formParser, normalizedValue, type SettingFormValues } from '../settingForm';
import { settingsApi } from '../settings.api';
import { useInvalidateSettings, useSettingSaved } from '../useSettings';
import { SettingEditor } from './SettingEditor';

/**
 * One setting: what it is, its value in a form of its own, who changed it last, and putting it
 * back to the default. An edit is based on the version the form was loaded from; when someone
 * else changed the setting in between, the user is told and the form reloads.
 */
export function SettingCard({ setting }: { setting: SettingResponse }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { message } = App.useApp();
  const showError = useApiErrorHandler();
  const saved = useSettingSaved();
  const invalidate = useInvalidateSettings();
  const [form] = Form.useForm<SettingFormValues>();
  const [dirty, setDirty] = useState(false);
  /** The version and value the form was loaded from. */
  const [base, setBase] = useState({ version: setting.version, value: setting.value });

  // A newer version from the server replaces the form unless the user is editing it (a save of
  // the edit is then stale and is refused with 409, which reloads).
  useEffect(() => {
    if (dirty || setting.version === base.version) return;
    setBase({ version: setting.version, value: setting.value });
    form.setFieldsValue({ value: structuredClone(setting.value) });
  }, [dirty, setting.version, setting.value, base.version, form]);

  const parser = formParser(SETTINGS[setting.key].schema);
  const reload = () => {
    setDirty(false);
    void invalidate();
  };

  const save = useMutation({
    mutationFn: (value: unknown) => settingsApi.update(setting.key, value, base.version),
    onSuccess: (next) => {
      message.success(t('settings.saved'));
      setDirty(false);
      void saved(next);
    },
    onError: (e) => showError(e, { form, onConflict: reload }),
  });
  const reset = useMutation({
    mutationFn: () => settingsApi.reset(setting.key),
    onSuccess: (next) => {
      message.success(t('settings.resetDone'));
      setDirty(false);
      void saved(next);
    },
    onError: (e) => showError(e),
  });

  const submit = () => {
    const values = form.getFieldsValue(true) as SettingFormValues;
    if (checkWithSchema(form, parser, values)) save.mutate(values.value);
  };

  const changedBy = setting.updatedAt
    ? setting.updatedBy
      ? t('settings.lastChangedBy', { name: setting.updatedBy, time: fmt.dateTime(setting.updatedAt) })
      : t('settings.lastChanged', { time: fmt.dateTime(setting.updatedAt) })
    : t('settings.neverChanged');

  return (
    <Card
      size="small"
      title={setting.label}
      extra={
        setting.changed ? <Tag color="gold">{t('settings.changed')}</Tag> : <Tag>{t('settings.default')}</Tag>
      }
    >
      <Typography.Paragraph type="secondary">{setting.description}</Typography.Paragraph>
      <Form<SettingFormValues>
        form={form}
        layout="vertical"
        initialValues={{ value: structuredClone(base.value) }}
        disabled={!setting.policies.update}
        onFinish={submit}
        onValuesChange={(_, all) => {
          setDirty(true);
          const next = normalizedValue(setting.key, all.value);
          if (next !== null) form.setFieldValue('value', next);
        }}
      >
        <SettingEditor setting={setting} />
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary">
            {changedBy}
            {setting.version > 0 && ` · ${t('settings.version', { version: setting.version })}`}
          </Typography.Text>
          {setting.policies.update && (
            <Space wrap>
              {setting.policies.reset && (
                <Popconfirm
                  title={t('settings.resetConfirm', { label: setting.label })}
                  description={t('settings.resetHint')}
                  okText={t('settings.reset')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => reset.mutateAsync().catch(() => undefined)}
                >
                  <Button loading={reset.isPending}>{t('settings.reset')}</Button>
                </Popconfirm>
              )}
              {dirty && (
                <Button
                  onClick={() => {
                    form.resetFields();
                    setDirty(false);
                  }}
                >
                  {t('settings.undo')}
                </Button>
              )}
              <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!dirty}>
                {t('common.save')}
              </Button>
            </Space>
          )}
        </Flex>
      </Form>
    </Card>
  );
}
