import { useQuery } from '@tanstack/react-query';
import { Drawer, Empty, Grid, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { studyApi, studyKeys } from '../study.api';
import { HoursBySource } from './HoursBySource';

/** A member's year: hours by source against the requirement, and every entry. */
export function MemberHoursDrawer({
  member,
  year,
  onClose,
}: {
  member: { id: number; name: string } | null;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const hours = useQuery({
    queryKey: studyKeys.member(member?.id ?? 0, year),
    queryFn: () => studyApi.member(member!.id, year),
    enabled: member !== null,
  });
  return (
    <Drawer
      open={member !== null}
      onClose={onClose}
      title={member ? t('study.detail', { name: member.name, year }) : ''}
      size={screens.md ? 520 : '100%'}
      destroyOnHidden
    >
      {hours.isPending ? (
        <PageSpinner />
      ) : hours.isError ? (
        <LoadError error={hours.error} onRetry={() => void hours.refetch()} />
      ) : (
        <>
          <HoursBySource data={hours.data} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('study.entries')}
          </Typography.Title>
          {hours.data.entries.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('study.noEntries')} />
          ) : (
            <List
              size="small"
              dataSource={hours.data.entries}
              renderItem={(e) => (
                <List.Item extra={t('study.hoursUnit', { hours: e.hours })}>
                  <List.Item.Meta title={e.title} description={`${e.occurredOn} · ${e.sourceLabel}`} />
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
