import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { lazyAnt } from '../../../app/lazyAnt';
import { Deferred } from '../../../components/Deferred';
import { PageSpinner } from '../../../components/PageSpinner';
import { PortalCard } from '../../../components/PortalCard';
import { PortalList } from '../../../components/PortalList';
import { EditIcon } from '../../../components/pageIcons';
import { Alert } from '../../../components/plain/Alert';
import { Empty } from '../../../components/plain/Empty';
import { Flex } from '../../../components/plain/Flex';
import { Tag } from '../../../components/plain/Tag';
import { Text } from '../../../components/plain/Text';
import { useFormatters } from '../../../lib/useFormatters';
import { REPORT_COLORS } from '../reflectionColors';
import { reportKeys, reportsApi } from '../reflections.api';
import '../../../components/pageButton.css';

// antd comes only with the form, when the member opens it, or with an error's Result.
const ReportFormDrawer = lazyAnt(() => import('../components/ReportFormDrawer'), 'ReportFormDrawer', {
  app: true,
});
const LoadError = lazyAnt(() => import('../../../components/LoadError'), 'LoadError');

/**
 * 我的思想汇报 (phone first): whether this year's report is owed, my reports and the secretary's
 * comment. Plain elements in antd's look: the page loads no antd until the member writes.
 */
export function MyReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { date } = useFormatters();
  const [writing, setWriting] = useState<boolean | null>(null);
  const mine = useQuery({ queryKey: reportKeys.mine, queryFn: reportsApi.mine });
  if (mine.isPending) return <PageSpinner />;
  if (mine.isError)
    return (
      <Suspense fallback={null}>
        <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
      </Suspense>
    );
  const { year, owed, items } = mine.data;
  return (
    <Flex vertical gap={12} data-testid="my-reports">
      <Flex justify="space-between" align="center" gap={8}>
        <h2 className="nx-plain-title">{t('reflections.reports.mine')}</h2>
        <button type="button" className="nx-page-btn nx-page-btn-primary" onClick={() => setWriting(true)}>
          <EditIcon />
          {t('reflections.reports.write')}
        </button>
      </Flex>
      <Alert type={owed ? 'warning' : 'success'}>
        {owed ? t('reflections.reports.owed', { year }) : t('reflections.reports.done', { year })}
      </Alert>
      <PortalCard testId="my-reports-list">
        {items.length === 0 ? (
          <Empty description={t('reflections.reports.empty')} />
        ) : (
          <PortalList
            items={items}
            rowKey={(r) => r.id}
            label={(r) => r.title}
            render={(r) => (
              <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                <Flex justify="space-between" gap={8} align="start">
                  <Link to={`/reports/${r.id}`}>{r.title}</Link>
                  <Tag color={REPORT_COLORS[r.state]} style={{ marginInlineEnd: 0, flexShrink: 0 }}>
                    {r.stateLabel}
                  </Tag>
                </Flex>
                <Text type="secondary" style={{ whiteSpace: 'pre-line' }}>
                  {`${t('reflections.reports.yearOf', { year: r.year })} · ${r.kindLabel} · ${date(r.submittedAt)}`}
                  {r.ackComment ? `\n${t('reflections.reports.ackComment')}：${r.ackComment}` : ''}
                </Text>
              </Flex>
            )}
          />
        )}
      </PortalCard>
      <Deferred asked={writing !== null}>
        <ReportFormDrawer
          open={writing === true}
          onClose={() => setWriting(false)}
          onSaved={(r) => navigate(`/reports/${r.id}`)}
        />
      </Deferred>
    </Flex>
  );
}
