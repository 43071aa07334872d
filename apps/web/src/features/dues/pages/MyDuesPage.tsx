import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { DuesSummary } from '../components/DuesSummary';
import { duesApi, duesKeys } from '../dues.api';

/** 我的党费 (phone first): 党费交至, months owed, the year's base and months paid. */
export function MyDuesPage() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: duesKeys.mine, queryFn: duesApi.mine });
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!mine.data) return <PageSpinner />;
  return (
    <Flex vertical gap={16} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('dues.mine.title')}
      </Typography.Title>
      <Card size="small">
        <DuesSummary data={mine.data} full />
      </Card>
    </Flex>
  );
}
