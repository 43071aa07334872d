import type { PointsMineResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyAnt } from '../../../app/lazyAnt';
import { PageSpinner } from '../../../components/PageSpinner';
import { PortalCard } from '../../../components/PortalCard';
import { Descriptions } from '../../../components/plain/Descriptions';
import { Flex } from '../../../components/plain/Flex';
import { Page } from '../../../components/plain/Page';
import { Progress } from '../../../components/plain/Progress';
import { Text } from '../../../components/plain/Text';
import { YearSelect } from '../../../components/plain/YearSelect';
import { pointsApi, pointsKeys } from '../points.api';
import './myPoints.css';

// Rarely shown: antd's Result loads only when the points failed to load.
const LoadError = lazyAnt(() => import('../../../components/LoadError'), 'LoadError');

const thisYear = new Date().getFullYear();

/**
 * 我的年度积分与履历 (phone first): the year's ledger figures and what each gave, the parts, the
 * rank. Plain elements in antd's look (small Cards, Descriptions, a small Table): no antd.
 */
export function MyPointsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(thisYear);
  const mine = useQuery({ queryKey: pointsKeys.mine(year), queryFn: () => pointsApi.mine(year) });
  const d = mine.data;
  const yearChoice = (
    <YearSelect
      label={t('points.year')}
      years={[thisYear, thisYear - 1, thisYear - 2]}
      value={year}
      onChange={setYear}
    />
  );
  return (
    <Page title={t('points.mine.title')} extra={yearChoice} data-testid="my-points">
      {mine.isError ? (
        <Suspense fallback={null}>
          <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
        </Suspense>
      ) : !d ? (
        <PageSpinner />
      ) : (
        <MineDetail d={d} />
      )}
    </Page>
  );
}

function MineDetail({ d }: { d: PointsMineResponse }) {
  const { t } = useTranslation();
  return (
    <>
      <PortalCard>
        <Flex vertical gap={8}>
          <Flex justify="space-between" align="baseline">
            <Text type="secondary">{t('points.mine.total', { year: d.year })}</Text>
            <Text strong style={{ fontSize: 24 }} data-testid="my-points-total">
              {d.total}
            </Text>
          </Flex>
          <Progress percent={Math.round((Number(d.total) / d.yearTotal) * 100)} />
          <Text type="secondary">{t('points.mine.of', { total: d.yearTotal })}</Text>
          <Descriptions
            items={[
              { key: 'base', label: t('points.mine.base'), children: d.base },
              { key: 'tasks', label: t('points.mine.tasks', { cap: d.rules.tasksCap }), children: d.tasks },
              { key: 'bonus', label: t('points.mine.bonus', { cap: d.rules.bonusCap }), children: d.bonus },
            ]}
          />
          <Text type="secondary">
            {d.run
              ? t('points.mine.rank', { total: d.run.total, rank: d.run.rank, of: d.run.of })
              : t('points.mine.notRun')}
          </Text>
        </Flex>
      </PortalCard>
      <PortalCard>
        <table className="nx-my-points-table">
          <thead>
            <tr>
              <th scope="col">{t('points.mine.figure')}</th>
              <th scope="col" className="nx-my-points-num">
                {t('points.mine.quantity')}
              </th>
              <th scope="col" className="nx-my-points-num">
                {t('points.mine.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.figures.map((f) => (
              <tr key={f.key}>
                <td>{f.label}</td>
                <td className="nx-my-points-num">{`${f.quantity.replace(/\.00$/, '')} ${f.unit}`}</td>
                <td className="nx-my-points-num">{f.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="nx-my-points-rules">{t('points.mine.rules', { version: d.ruleVersion })}</p>
      </PortalCard>
    </>
  );
}
