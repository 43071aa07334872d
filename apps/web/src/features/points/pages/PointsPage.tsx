import { DownloadOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { PointsRankingItem, PointsRunResponse } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useCurrentUser } from '../../auth/useMe';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { pointsApi, pointsKeys, type RankingFilters } from '../points.api';

const thisYear = new Date().getFullYear();
const YEARS = [0, 1, 2, 3].map((n) => thisYear - n);

/** 党员积分 (desk): the rules in force, the ranking by member and by committee, the runs with 重新核算. */
export function PointsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<RankingFilters>({ year: thisYear });
  const rules = useQuery({ queryKey: pointsKeys.rules, queryFn: pointsApi.rules });
  const canChangeRules = useCurrentUser().permissions.includes('settings.write');
  return (
    <Flex vertical gap={16} className="nx-page" data-testid="points-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('points.title')}
        </Typography.Title>
        <Space wrap>
          <Select<number>
            aria-label={t('points.year')}
            value={filters.year}
            onChange={(year) => setFilters({ ...filters, year })}
            options={YEARS.map((y) => ({ value: y, label: `${y}` }))}
          />
          <OrgTreeSelect
            aria-label={t('points.org')}
            placeholder={t('points.org')}
            style={{ minWidth: 220 }}
            value={filters.orgId}
            onChange={(orgId) => setFilters({ ...filters, orgId: orgId ?? undefined })}
          />
          <Button icon={<DownloadOutlined aria-hidden />} href={pointsApi.exportUrl(filters)}>
            {t('points.export')}
          </Button>
        </Space>
      </Flex>
      {rules.data ? (
        <Card size="small" title={t('points.rules.title', { version: rules.data.version })}>
          <Flex vertical gap={4}>
            <Typography.Text>
              {t('points.rules.yearTotal', { total: rules.data.yearTotal })} ·{' '}
              {t('points.rules.base', { n: rules.data.rules.base })}
            </Typography.Text>
            <Typography.Text>
              {t('points.rules.tasks', {
                cap: rules.data.rules.tasksCap,
                meeting: rules.data.rules.perMeeting,
                study: rules.data.rules.perStudyHour,
                volunteer: rules.data.rules.perVolunteerHour,
              })}
            </Typography.Text>
            <Typography.Text>
              {t('points.rules.bonus', {
                cap: rules.data.rules.bonusCap,
                contribution: rules.data.rules.perContribution,
                honour: rules.data.rules.perHonour,
              })}
            </Typography.Text>
            {canChangeRules ? <Link to="/settings">{t('points.rules.change')}</Link> : null}
          </Flex>
        </Card>
      ) : null}
      <Tabs
        items={[
          { key: 'members', label: t('points.tabs.members'), children: <MemberRanking filters={filters} /> },
          { key: 'orgs', label: t('points.tabs.orgs'), children: <OrgRanking year={filters.year} /> },
          {
            key: 'runs',
            label: t('points.tabs.runs'),
            children: <Runs year={filters.year} canRun={rules.data?.canRun ?? false} />,
          },
        ]}
      />
    </Flex>
  );
}

function RunNote({ run, year }: { run: PointsRunResponse | null | undefined; year: number }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  if (run === undefined) return null;
  return run ? (
    <Typography.Text type="secondary">
      {t('points.runOf', { year, id: run.id, version: run.ruleVersion, at: dateTime(run.computedAt) })}
    </Typography.Text>
  ) : (
    <Alert type="info" showIcon message={t('points.noRun', { year })} />
  );
}

function MemberRanking({ filters }: { filters: RankingFilters }) {
  const { t } = useTranslation();
  const list = useKeysetPages(pointsKeys.ranking(filters), (cursor, signal) =>
    pointsApi.ranking(filters, cursor, signal),
  );
  const columns: TableColumnsType<PointsRankingItem> = [
    { title: t('points.col.rank'), dataIndex: 'rank', width: 70 },
    {
      title: t('points.col.name'),
      render: (_, r) => <Link to={`/members/${r.member.id}`}>{r.member.name}</Link>,
    },
    { title: t('points.col.org'), responsive: ['md'], render: (_, r) => r.org.name },
    { title: t('points.col.base'), dataIndex: 'base', align: 'right' },
    { title: t('points.col.tasks'), dataIndex: 'tasks', align: 'right' },
    { title: t('points.col.bonus'), dataIndex: 'bonus', align: 'right' },
    {
      title: t('points.col.total'),
      align: 'right',
      render: (_, r) => <Typography.Text strong>{r.total}</Typography.Text>,
    },
  ];
  return (
    <Card size="small">
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          <RunNote run={list.data?.run} year={filters.year} />
          <Table<PointsRankingItem>
            rowKey={(r) => r.member.id}
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending}
            pagination={false}
            size="middle"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('points.empty') }}
          />
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
  );
}

function OrgRanking({ year }: { year: number }) {
  const { t } = useTranslation();
  const orgs = useQuery({ queryKey: pointsKeys.orgs(year), queryFn: () => pointsApi.orgs(year) });
  return (
    <Card size="small">
      {orgs.isError ? (
        <LoadError error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          <RunNote run={orgs.data?.run} year={year} />
          <Table
            rowKey={(r) => r.org.id}
            dataSource={orgs.data?.items ?? []}
            loading={orgs.isPending}
            pagination={false}
            size="middle"
            locale={{ emptyText: t('points.empty') }}
            columns={[
              { title: t('points.col.rank'), dataIndex: 'rank', width: 70 },
              { title: t('points.col.org'), render: (_, r) => r.org.name },
              { title: t('points.col.members'), dataIndex: 'members', align: 'right' },
              { title: t('points.col.average'), dataIndex: 'average', align: 'right' },
            ]}
          />
        </Flex>
      )}
    </Card>
  );
}

function Runs({ year, canRun }: { year: number; canRun: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { dateTime } = useFormatters();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const runs = useQuery({ queryKey: pointsKeys.runs(year), queryFn: () => pointsApi.runs(year) });
  const run = useMutation({
    mutationFn: (ruleVersion?: number) =>
      pointsApi.run({ year, ...(ruleVersion === undefined ? {} : { ruleVersion }) }),
    onSuccess: (r) => {
      message.success(t('points.ran', { count: r.memberCount }));
      void client.invalidateQueries({ queryKey: pointsKeys.all });
    },
    onError: (error) => onError(error),
  });
  const verify = useMutation({
    mutationFn: (id: number) => pointsApi.verify(id),
    onSuccess: (v) =>
      v.matches
        ? modal.success({ title: t('points.verify'), content: t('points.verifyOk', { members: v.members }) })
        : modal.warning({
            title: t('points.verify'),
            content: t('points.verifyDiff', { count: v.mismatches }),
          }),
    onError: (error) => onError(error),
  });
  return (
    <Card
      size="small"
      extra={
        canRun ? (
          <Popconfirm title={t('points.runConfirm', { year })} onConfirm={() => run.mutate(undefined)}>
            <Button type="primary" icon={<ReloadOutlined aria-hidden />} loading={run.isPending}>
              {t('points.run')}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      {runs.isError ? (
        <LoadError error={runs.error} onRetry={() => void runs.refetch()} />
      ) : (
        <Table<PointsRunResponse>
          rowKey="id"
          dataSource={runs.data?.items ?? []}
          loading={runs.isPending}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('points.noRun', { year }) }}
          columns={[
            { title: t('points.year'), dataIndex: 'year', width: 70 },
            { title: t('points.col.ruleVersion'), dataIndex: 'ruleVersion', width: 90 },
            { title: t('points.col.computedAt'), render: (_, r) => dateTime(r.computedAt) },
            {
              title: t('points.col.computedBy'),
              render: (_, r) => r.computedBy?.name ?? t('points.nightly'),
            },
            { title: t('points.col.memberCount'), dataIndex: 'memberCount', align: 'right' },
            ...(canRun
              ? [
                  {
                    title: '',
                    render: (_: unknown, r: PointsRunResponse) => (
                      <Space>
                        <Button
                          size="small"
                          icon={<SafetyCertificateOutlined aria-hidden />}
                          loading={verify.isPending && verify.variables === r.id}
                          onClick={() => verify.mutate(r.id)}
                        >
                          {t('points.verify')}
                        </Button>
                        <Button size="small" onClick={() => run.mutate(r.ruleVersion)}>
                          {t('points.rerunVersion')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
