import { useQuery } from '@tanstack/react-query';
import { Button, Popover, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activityApi } from '../../activity/activity.api';
import { ActivityTotals } from '../../activity/components/ActivityTotals';

/** 本年度: a member's totals of this year from the 履历, loaded when opened. */
export function YearActivity({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const year = new Date().getFullYear();
  const query = useQuery({
    queryKey: ['members', 'activity', memberId, year, 'totals'],
    queryFn: ({ signal }) => activityApi.timeline(memberId, year, undefined, signal),
    enabled: open,
  });
  const summary = query.data?.summary;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={`${year} ${t('contacts.co.activity')}`}
      content={
        <div style={{ maxWidth: 320 }}>
          {query.isPending ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : summary && summary.totals.length > 0 ? (
            <ActivityTotals summary={summary} />
          ) : (
            <Typography.Text type="secondary">{t('activity.totalsEmpty', { year })}</Typography.Text>
          )}
        </div>
      }
    >
      <Button size="small">{t('contacts.co.activity')}</Button>
    </Popover>
  );
}
