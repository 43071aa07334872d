import { SETTING_GROUP_LABELS, SETTING_GROUPS } from '@ningxin/shared';
import { Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { SettingCard } from '../components/SettingCard';
import { useSettings } from '../useSettings';

/** 参数设置: the committee's local rules, by group, for the committee office. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('settings.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('settings.intro')}
        </Typography.Paragraph>
      </div>
      {settings.isError ? (
        <Card>
          <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
        </Card>
      ) : settings.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        SETTING_GROUPS.map((group) => {
          const items = settings.data.items.filter((s) => s.group === group);
          if (items.length === 0) return null;
          return (
            <section key={group} aria-labelledby={`settings-group-${group}`}>
              <Typography.Title level={3} id={`settings-group-${group}`} style={{ fontSize: 18 }}>
                {SETTING_GROUP_LABELS[group]}
              </Typography.Title>
              <Flex vertical gap={16}>
                {items.map((s) => (
                  <SettingCard key={s.key} setting={s} />
                ))}
              </Flex>
            </section>
          );
        })
      )}
    </Flex>
  );
}
