import {
  MEMBER_REPORT_KIND_LABELS,
  MEMBER_REPORT_KINDS,
  MEMBER_REPORT_STATE_LABELS,
  MEMBER_REPORT_STATES,
  type MemberReportKind,
  type MemberReportResponse,
  type MemberReportState,
} from '@ningxin/shared';
import { Flex, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PagedRecords } from '../../../components/PagedRecords';
import { useFormatters } from '../../../lib/useFormatters';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { REPORT_COLORS } from '../reflectionColors';
import { type ReportFilters, reportKeys, reportsApi } from '../reflections.api';

/** 思想汇报与情况报告 (desk): the reports of the members the reader may see, by year, kind and state. */
export function ReportsPage() {
  const { t } = useTranslation();
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
      <PagedRecords<MemberReportResponse>
        list={list}
        columns={columns}
        empty={t('reflections.reports.empty')}
        card={(r) => ({
          label: r.title,
          title: <Link to={`/reports/${r.id}`}>{r.title}</Link>,
          tag: <Tag color={REPORT_COLORS[r.state]}>{r.stateLabel}</Tag>,
          lines: [`${r.member.name} · ${r.org.name} · ${r.kindLabel}`],
          actions: null,
        })}
      />
    </Flex>
  );
}
