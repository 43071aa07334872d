import { PlusOutlined } from '@ant-design/icons';
import type { VolunteerHoursResponse } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { HoursReportList } from '../components/HoursReportList';
import { ReportHoursDrawer } from '../components/ReportHoursDrawer';
import { YearHours } from '../components/YearHours';
import { volunteerHoursApi, volunteerHoursKeys } from '../volunteer-hours.api';

/** 我的志愿服务 (phone first): this year's hours, a button to report more, my reports and their state. */
export function MyVolunteerHoursPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [reporting, setReporting] = useState(false);
  const summary = useQuery({ queryKey: volunteerHoursKeys.summary, queryFn: volunteerHoursApi.summary });
  const mine = useQuery({ queryKey: volunteerHoursKeys.mine, queryFn: volunteerHoursApi.mine });
  const refresh = () => void client.invalidateQueries({ queryKey: volunteerHoursKeys.all });
  const withdraw = useMutation({
    mutationFn: (r: VolunteerHoursResponse) => volunteerHoursApi.withdraw(r.id, r.version),
    onSuccess: () => {
      message.success(t('volunteerHours.mine.withdrawn'));
      refresh();
    },
    onError: (error) => onError(error, { onConflict: refresh }),
  });
  return (
    <Flex vertical gap={12} className="nx-page" data-testid="my-volunteer-hours">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('volunteerHours.mine.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setReporting(true)}>
          {t('volunteerHours.mine.report')}
        </Button>
      </Flex>
      <Card size="small">
        {summary.isError ? (
          <LoadError error={summary.error} onRetry={() => void summary.refetch()} />
        ) : summary.data ? (
          <YearHours data={summary.data} />
        ) : (
          <Skeleton active paragraph={{ rows: 1 }} title={false} />
        )}
      </Card>
      <Card size="small" title={t('volunteerHours.mine.reports')}>
        {mine.isError ? (
          <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
        ) : (
          <HoursReportList
            items={mine.data?.items ?? []}
            loading={mine.isPending}
            empty={
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteerHours.mine.empty')} />
            }
            actions={(r) =>
              r.policies.withdraw ? (
                <Popconfirm
                  title={t('volunteerHours.mine.withdrawConfirm')}
                  okText={t('volunteerHours.mine.withdraw')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => withdraw.mutate(r)}
                >
                  <Button size="small" loading={withdraw.isPending && withdraw.variables?.id === r.id}>
                    {t('volunteerHours.mine.withdraw')}
                  </Button>
                </Popconfirm>
              ) : null
            }
          />
        )}
      </Card>
      <ReportHoursDrawer open={reporting} onClose={() => setReporting(false)} />
    </Flex>
  );
}
