import { PrinterOutlined } from '@ant-design/icons';
import type { CareBirthday } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { useCurrentUser } from '../../auth/useMe';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { type BirthdayFilters, careApi, careKeys } from '../care.api';
import { VisitDrawer, type VisitPreset } from '../components/VisitDrawer';

/** 政治生日: the members whose Party anniversary falls in the coming days; a card to print, a visit to record. */
export function CareBirthdaysPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes('care.write');
  const canOpenMember = user.permissions.includes('member.read');
  const [filters, setFilters] = useState<BirthdayFilters>({ days: 7 });
  const [visiting, setVisiting] = useState<VisitPreset | null>(null);
  const list = useQuery({ queryKey: careKeys.birthdays(filters), queryFn: () => careApi.birthdays(filters) });
  const setFilter = (patch: Partial<BirthdayFilters>) => setFilters({ ...filters, ...patch });

  const columns: TableColumnsType<CareBirthday> = [
    { title: t('care.birthdays.col.on'), width: 110, dataIndex: 'on' },
    {
      title: t('care.birthdays.col.member'),
      render: (_, r) =>
        canOpenMember ? <Link to={`/members/${r.member.id}`}>{r.member.name}</Link> : r.member.name,
    },
    { title: t('care.birthdays.col.org'), responsive: ['md'], render: (_, r) => r.org.name },
    { title: t('care.birthdays.col.joinedAt'), width: 110, dataIndex: 'joinedAt' },
    {
      title: t('care.birthdays.col.years'),
      width: 90,
      render: (_, r) => t('care.birthdays.years', { years: r.years }),
    },
    ...(canWrite
      ? [
          {
            title: '',
            width: 200,
            render: (_: unknown, r: CareBirthday) => (
              <Space>
                <Button
                  size="small"
                  icon={<PrinterOutlined aria-hidden />}
                  href={careApi.cardUrl(r.member.id)}
                  target="_blank"
                >
                  {t('care.birthdays.card')}
                </Button>
                <Button
                  size="small"
                  onClick={() =>
                    setVisiting({ memberId: r.member.id, memberName: r.member.name, reason: 'anniversary' })
                  }
                >
                  {t('care.birthdays.visit')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('care.birthdays.title')}
      </Typography.Title>
      <Flex gap={8} wrap>
        <Input
          type="date"
          aria-label={t('care.birthdays.from')}
          style={{ width: 160 }}
          value={filters.from ?? list.data?.from ?? ''}
          onChange={(e) => setFilter({ from: e.target.value || undefined })}
        />
        <Select<number>
          aria-label={t('care.birthdays.days')}
          style={{ minWidth: 100 }}
          value={filters.days}
          onChange={(days) => setFilter({ days })}
          options={[7, 14, 31].map((d) => ({ value: d, label: t('care.birthdays.daysOf', { days: d }) }))}
        />
        <OrgTreeSelect
          aria-label={t('care.org')}
          placeholder={t('care.org')}
          style={{ minWidth: 220 }}
          value={filters.orgId}
          onChange={(v) => setFilter({ orgId: v ?? undefined })}
        />
      </Flex>
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Flex vertical gap={12}>
            {list.data ? (
              <Typography.Text>
                {t('care.birthdays.window', {
                  from: list.data.from,
                  to: list.data.to,
                  count: list.data.items.length,
                })}
              </Typography.Text>
            ) : null}
            <Table<CareBirthday>
              rowKey={(r) => r.member.id}
              columns={columns}
              dataSource={list.data?.items ?? []}
              loading={list.isPending}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              size="middle"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('care.birthdays.empty') }}
            />
          </Flex>
        )}
      </Card>
      <VisitDrawer open={visiting !== null} preset={visiting} onClose={() => setVisiting(null)} />
    </Flex>
  );
}
