import {
  MEMBER_REPORT_KIND_LABELS,
  MEMBER_REPORT_KINDS,
  MEMBER_REPORT_STATE_LABELS,
  MEMBER_REPORT_STATES,
  type MemberReportKind,
  type MemberReportResponse,
  type MemberReportState,
} from '@ningxin/shared';
import { Card, Flex, Grid, List, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useFormatters } from '../../../lib/useFormatters';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { REPORT_COLORS } from '../reflectionColors';
import { type ReportFilters, reportKeys, reportsApi } from '../reflections.api';

/** 思想汇报与情况报告 (desk): the reports of the members the reader may see, by year, kind and state. */
export function ReportsPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { dateTime } = useFormatters();
  const thisYear = new Date().getFullYear();
  const [filters, setFilters] = useState<ReportFilters>({ year: thisYear });
  const list = useKeysetPages(reportKeys.list(filters), (cursor, signal) =>
    reportsApi.list(filters, cursor, signal),
  );
  const setFilter = (patch: Partial<ReportFilters>) => setFilters({ ...filters, ...patch });
  const columns: TableColumnsType<MemberReportResponse> = [
    {
      title: t('reflections.reports.col.title'),
      render: (_, r) => <Link to={`/reports/${r.id}`}>{r.title}</Link>,
    },
    { title: t('reflections.reports.col.member'), width: 100, render: (_, r) => r.member.name },
    { title: t('reflections.reports.col.org'), responsive: ['lg'], render: (_, r) => r.org.name },
    { title: t('reflections.reports.col.kind'), width: 100, render: (_, r) => r.kindLabel },
    {
      title: t('reflections.reports.col.submittedAt'),
      width: 170,
      render: (_, r) => dateTime(r.submittedAt),
    },
    {
      title: t('reflections.reports.col.state'),
      width: 90,
      render: (_, r) => <Tag color={REPORT_COLORS[r.state]}>{r.stateLabel}</Tag>,
    },
  ];
  return (
    <Flex vertical gap={16} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('reflections.reports.title')}
      </Typography.Title>
      <Flex gap={8} wrap>
        <Select<number | 0>
          aria-label={t('reflections.reports.col.year')}
          style={{ minWidth: 110 }}
          value={filters.year ?? 0}
          onChange={(v) => setFilter({ year: v || undefined })}
          options={[
            { value: 0, label: t('reflections.reports.allYears') },
            ...[thisYear, thisYear - 1, thisYear - 2].map((y) => ({
              value: y,
              label: t('reflections.reports.yearOf', { year: y }),
            })),
          ]}
        />
        <Select<MemberReportKind | ''>
          aria-label={t('reflections.reports.col.kind')}
          style={{ minWidth: 120 }}
          value={filters.kind ?? ''}
          onChange={(v) => setFilter({ kind: v || undefined })}
          options={[
            { value: '', label: t('reflections.reports.allKinds') },
            ...MEMBER_REPORT_KINDS.map((k) => ({ value: k, label: MEMBER_REPORT_KIND_LABELS[k] })),
          ]}
        />
        <Select<MemberReportState | ''>
          aria-label={t('reflections.reports.col.state')}
          style={{ minWidth: 110 }}
          value={filters.state ?? ''}
          onChange={(v) => setFilter({ state: v || undefined })}
          options={[
            { value: '', label: t('reflections.reports.allStates') },
            ...MEMBER_REPORT_STATES.map((s) => ({ value: s, label: MEMBER_REPORT_STATE_LABELS[s] })),
          ]}
        />
      </Flex>
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Flex vertical gap={12}>
            {!screens.md ? (
              <List
                loading={list.isPending}
                dataSource={list.data?.items ?? []}
                locale={{ emptyText: t('reflections.reports.empty') }}
                renderItem={(r) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Flex justify="space-between" gap={8}>
                          <Link to={`/reports/${r.id}`}>{r.title}</Link>
                          <Tag color={REPORT_COLORS[r.state]}>{r.stateLabel}</Tag>
                        </Flex>
                      }
                      description={`${r.member.name} · ${r.org.name} · ${r.kindLabel}`}
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Table<MemberReportResponse>
                rowKey="id"
                columns={columns}
                dataSource={list.data?.items ?? []}
                loading={list.isPending}
                pagination={false}
                size="middle"
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('reflections.reports.empty') }}
              />
            )}
            <KeysetPager
              totalText={undefined}
              page={list.page}
              hasPrev={list.hasPrev}
              hasNext={list.hasNext}
              loading={list.isFetching}
              onPrev={list.prev}
              onNext={list.next}
            />
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
