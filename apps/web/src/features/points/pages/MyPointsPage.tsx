import type { PointsMineResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Progress, Select, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { pointsApi, pointsKeys } from '../points.api';

const thisYear = new Date().getFullYear();

/** 我的年度积分与履历 (phone first): the year's ledger figures and what each gave, the parts, the rank. */
export function MyPointsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear);
  const mine = useQuery({ queryKey: pointsKeys.mine(year), queryFn: () => pointsApi.mine(year) });
  const d = mine.data;
  return (
    <Flex vertical gap={12} className="nx-page" data-testid="my-points">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('points.mine.title')}
        </Typography.Title>
        <Select<number>
          aria-label={t('points.year')}
          value={year}
          onChange={setYear}
          options={[0, 1, 2].map((n) => ({ value: thisYear - n, label: `${thisYear - n}` }))}
        />
      </Flex>
      {mine.isError ? (
        <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
      ) : !d ? (
        <Skeleton active />
      ) : (
        <MineDetail d={d} />
      )}
    </Flex>
  );
}

function MineDetail({ d }: { d: PointsMineResponse }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small">
        <Flex vertical gap={8}>
          <Flex justify="space-between" align="baseline">
            <Typography.Text type="secondary">{t('points.mine.total', { year: d.year })}</Typography.Text>
            <Typography.Text strong style={{ fontSize: 24 }} data-testid="my-points-total">
              {d.total}
            </Typography.Text>
          </Flex>
          <Progress percent={Math.round((Number(d.total) / d.yearTotal) * 100)} showInfo={false} />
          <Typography.Text type="secondary">{t('points.mine.of', { total: d.yearTotal })}</Typography.Text>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'base', label: t('points.mine.base'), children: d.base },
              { key: 'tasks', label: t('points.mine.tasks', { cap: d.rules.tasksCap }), children: d.tasks },
              { key: 'bonus', label: t('points.mine.bonus', { cap: d.rules.bonusCap }), children: d.bonus },
            ]}
          />
          <Typography.Text type="secondary">
            {d.run
              ? t('points.mine.rank', { total: d.run.total, rank: d.run.rank, of: d.run.of })
              : t('points.mine.notRun')}
          </Typography.Text>
        </Flex>
      </Card>
      <Card size="small">
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={d.figures}
          columns={[
            { title: t('points.mine.figure'), dataIndex: 'label' },
            {
              title: t('points.mine.quantity'),
              align: 'right',
              render: (_, f) => `${f.quantity.replace(/\.00$/, '')} ${f.unit}`,
            },
            { title: t('points.mine.points'), align: 'right', dataIndex: 'points' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('points.mine.rules', { version: d.ruleVersion })}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
