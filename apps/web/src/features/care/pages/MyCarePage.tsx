import { useQuery } from '@tanstack/react-query';
import { Card, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { yuan } from '../../hometown/money';
import { careApi, careKeys } from '../care.api';
import { NextBirthday } from '../components/MyCareSummary';

/** 我的关爱与荣誉 (phone first): my next 政治生日, the visits and help I received, my honours. */
export function MyCarePage() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: careKeys.mine, queryFn: careApi.mine });
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  const data = mine.data;
  return (
    <Flex vertical gap={12} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('care.mine.title')}
      </Typography.Title>
      <Card size="small" loading={mine.isPending}>
        {data ? <NextBirthday data={data} /> : null}
      </Card>
      <Card size="small" title={t('care.mine.honours')} loading={mine.isPending}>
        <List
          dataSource={data?.honours ?? []}
          locale={{ emptyText: t('care.mine.none') }}
          renderItem={(h) => (
            <List.Item>
              <List.Item.Meta
                title={h.title}
                description={`${h.levelLabel} · ${h.issuer} · ${h.awardedOn}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('care.mine.visits')} loading={mine.isPending}>
        <List
          dataSource={data?.visits ?? []}
          locale={{ emptyText: t('care.mine.none') }}
          renderItem={(v) => (
            <List.Item>
              <List.Item.Meta title={v.title} description={`${v.visitedOn} · ${v.visitors}`} />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('care.mine.help')} loading={mine.isPending}>
        <List
          dataSource={data?.help ?? []}
          locale={{ emptyText: t('care.mine.none') }}
          renderItem={(h) => (
            <List.Item>
              <List.Item.Meta
                title={`${h.kindLabel}${h.amountFen ? ` ${yuan(h.amountFen)} ${t('care.yuan')}` : ''}`}
                description={`${h.givenOn} · ${h.reason}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
