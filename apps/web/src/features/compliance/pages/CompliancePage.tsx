import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type ComplianceBranch,
  type ComplianceTypeItem,
  type ExemptionResponse,
  localIsoDate,
  MEETING_FREQUENCY_LABELS,
  type MeetingFrequency,
  REQUIRED_MEETING_LABELS,
  REQUIRED_MEETINGS,
  type RequiredMeeting,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useCurrentUser } from '../../auth/useMe';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { type BoardFilters, complianceApi, complianceKeys } from '../compliance.api';

type Status = ComplianceTypeItem['status'];
const STATUS_COLORS: Record<Status, string> = {
  done: 'success',
  behind: 'error',
  in_progress: 'default',
  exempt: 'default',
};
const CELL_BACKGROUND: Record<Status, string> = {
  done: '#f6ffed',
  behind: '#fff1f0',
  in_progress: 'transparent',
  exempt: '#f5f5f5',
};

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** A type's held/required as a coloured tag. */
function TypeTag({ item }: { item: ComplianceTypeItem }) {
  const { t } = useTranslation();
  const label = t(`compliance.status.${item.status}`);
  return (
    <Tag
      color={STATUS_COLORS[item.status]}
      data-status={item.status}
      title={label}
      style={{ marginInlineEnd: 0 }}
    >
      {item.status === 'exempt' ? label : `${item.held}/${item.required}`}
    </Tag>
  );
}

/** The month-by-month grid of one branch: a row per required type, a column per month. */
function MonthGrid({ branch, year }: { branch: ComplianceBranch; year: number }) {
  const { t } = useTranslation();
  const statusOfMonth = (item: ComplianceTypeItem, month: number): Status => {
    const span = 12 / item.periods.length;
    return item.periods[Math.floor((month - 1) / span)]?.status ?? 'in_progress';
  };
  const columns: TableColumnsType<ComplianceTypeItem> = [
    {
      title: t('compliance.grid.type'),
      fixed: 'left',
      width: 120,
      render: (_, item) => (
        <Flex vertical gap={0}>
          <span>{REQUIRED_MEETING_LABELS[item.type]}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {MEETING_FREQUENCY_LABELS[item.frequency as MeetingFrequency]}
          </Typography.Text>
        </Flex>
      ),
    },
    ...Array.from({ length: 12 }, (_, i) => ({
      title: `${i + 1}月`,
      width: 48,
      align: 'center' as const,
      onCell: (item: ComplianceTypeItem) => ({
        style: { background: CELL_BACKGROUND[statusOfMonth(item, i + 1)] },
        'data-status': statusOfMonth(item, i + 1),
      }),
      render: (_: unknown, item: ComplianceTypeItem) => item.heldByMonth[i] || '',
    })),
    {
      title: t('compliance.grid.total'),
      width: 88,
      fixed: 'right',
      render: (_, item) => <TypeTag item={item} />,
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Table<ComplianceTypeItem>
        rowKey="type"
        size="small"
        columns={columns}
        dataSource={branch.types}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="month-grid"
        aria-label={t('compliance.grid.title', { name: branch.name, year })}
      />
      <Typography.Text type="secondary">{t('compliance.legend')}</Typography.Text>
    </Flex>
  );
}

function BoardTab({
  filters,
  onOpen,
}: {
  filters: BoardFilters;
  onOpen: (branch: ComplianceBranch) => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [onlyBehind, setOnlyBehind] = useState(false);
  const board = useQuery({
    queryKey: complianceKeys.board(filters),
    queryFn: () => complianceApi.board(filters),
  });
  if (board.isError) return <LoadError error={board.error} onRetry={() => void board.refetch()} />;
  const data = board.data;
  const branches = (data?.branches ?? []).filter((b) => !onlyBehind || b.behind.length > 0);
  const typeColumns: TableColumnsType<ComplianceBranch> = REQUIRED_MEETINGS.map((type) => ({
    title: (
      <Flex vertical gap={0}>
        <span>{REQUIRED_MEETING_LABELS[type]}</span>
        {data ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {MEETING_FREQUENCY_LABELS[data.frequencies[type] as MeetingFrequency]}
          </Typography.Text>
        ) : null}
      </Flex>
    ),
    key: type,
    align: 'center',
    width: 92,
    render: (_, b) => <TypeTag item={b.types.find((x) => x.type === type)!} />,
  }));
  const columns: TableColumnsType<ComplianceBranch> = [
    {
      title: t('compliance.branch'),
      fixed: 'left',
      width: 230,
      render: (_, b) => (
        <Flex vertical gap={0} align="flex-start">
          <Typography.Link onClick={() => onOpen(b)}>{b.name}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.committeeName}
          </Typography.Text>
        </Flex>
      ),
    },
    ...typeColumns,
    {
      title: t('compliance.rate'),
      width: 90,
      align: 'right',
      sorter: (x, y) => (x.completionRate ?? 1) - (y.completionRate ?? 1),
      render: (_, b) => (
        <Typography.Text type={b.behind.length ? 'danger' : undefined}>
          {percent(b.completionRate)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      {data ? (
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text data-testid="compliance-summary">
            {t('compliance.summary', {
              branches: data.total.branches,
              behind: data.total.behindBranches,
              rate: percent(data.total.completionRate),
            })}
          </Typography.Text>
          <Space>
            <Switch
              size="small"
              checked={onlyBehind}
              onChange={setOnlyBehind}
              aria-label={t('compliance.onlyBehind')}
            />
            <span>{t('compliance.onlyBehind')}</span>
          </Space>
        </Flex>
      ) : null}
      {!screens.md ? (
        <List
          loading={board.isPending}
          dataSource={branches}
          locale={{ emptyText: t('compliance.empty') }}
          renderItem={(b) => (
            <List.Item
              key={b.orgId}
              onClick={() => onOpen(b)}
              style={{ cursor: 'pointer', display: 'block' }}
            >
              <Flex justify="space-between" align="baseline" gap={8}>
                <Typography.Text strong>{b.name}</Typography.Text>
                <Typography.Text type={b.behind.length ? 'danger' : 'secondary'}>
                  {percent(b.completionRate)}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {b.committeeName}
              </Typography.Text>
              <Flex wrap gap={4} style={{ marginTop: 4 }}>
                {b.types.map((item) => (
                  <span key={item.type} style={{ whiteSpace: 'nowrap' }}>
                    <Typography.Text style={{ fontSize: 12 }}>
                      {REQUIRED_MEETING_LABELS[item.type]}{' '}
                    </Typography.Text>
                    <TypeTag item={item} />
                  </span>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<ComplianceBranch>
          rowKey="orgId"
          size="small"
          columns={columns}
          dataSource={branches}
          loading={board.isPending}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('compliance.empty') }}
          data-testid="compliance-board"
        />
      )}
      {data && data.committees.length > 1 ? (
        <Table
          rowKey={(c) => c.orgId ?? 0}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data.committees}
          columns={[
            { title: t('compliance.committee'), dataIndex: 'name' },
            { title: t('compliance.branch'), dataIndex: 'branches', align: 'right' },
            {
              title: t('compliance.status.behind'),
              dataIndex: 'behindBranches',
              align: 'right',
              render: (n: number) => <Typography.Text type={n ? 'danger' : undefined}>{n}</Typography.Text>,
            },
            { title: t('compliance.rate'), align: 'right', render: (_, c) => percent(c.completionRate) },
          ]}
        />
      ) : null}
    </Flex>
  );
}

function BehindTab({ filters, onOpen }: { filters: BoardFilters; onOpen: (orgId: number) => void }) {
  const { t } = useTranslation();
  const behind = useQuery({
    queryKey: complianceKeys.behind(filters),
    queryFn: () => complianceApi.behind(filters),
  });
  if (behind.isError) return <LoadError error={behind.error} onRetry={() => void behind.refetch()} />;
  return (
    <List
      loading={behind.isPending}
      dataSource={behind.data?.items ?? []}
      locale={{ emptyText: t('compliance.behind.empty') }}
      data-testid="behind-list"
      renderItem={(b) => (
        <List.Item
          key={b.orgId}
          extra={<Typography.Text type="danger">{percent(b.completionRate)}</Typography.Text>}
        >
          <Flex vertical gap={4}>
            <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(b.orgId)}>
              {b.name}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {b.committeeName}
            </Typography.Text>
            <Flex wrap gap={4}>
              {b.behind.map((type) => (
                <Tag key={type} color="error">
                  {REQUIRED_MEETING_LABELS[type]}
                </Tag>
              ))}
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}

function AbsenteesTab({ orgId }: { orgId: number | undefined }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [n, setN] = useState(3);
  const list = useQuery({
    queryKey: complianceKeys.absentees(orgId, n),
    queryFn: () => complianceApi.absentees(orgId, n),
  });
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <span>{t('compliance.absentees.n')}</span>
        <InputNumber
          min={2}
          max={24}
          value={n}
          onChange={(v) => setN(v ?? 3)}
          aria-label={t('compliance.absentees.n')}
        />
        <Typography.Text type="secondary">{t('compliance.absentees.hint')}</Typography.Text>
      </Space>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey="memberId"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('compliance.absentees.empty', { n }) }}
          data-testid="absentees"
          columns={[
            { title: t('compliance.absentees.name'), dataIndex: 'name', fixed: 'left' },
            { title: t('compliance.absentees.org'), dataIndex: 'orgName', responsive: ['md'] },
            {
              title: t('compliance.absentees.missed'),
              dataIndex: 'missed',
              align: 'right',
              render: (v: number) => <Typography.Text type="danger">{v}</Typography.Text>,
            },
            {
              title: t('compliance.absentees.lastAttended'),
              dataIndex: 'lastAttendedOn',
              render: (v: string | null) => v ?? t('compliance.absentees.never'),
            },
            ...(screens.md
              ? [{ title: t('compliance.absentees.lastMissed'), dataIndex: 'lastMissedOn' }]
              : []),
          ]}
        />
      )}
      {list.data?.truncated ? (
        <Typography.Text type="secondary">
          {t('compliance.absentees.truncated', { count: list.data.items.length })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

function ExemptionsTab({ orgId }: { orgId: number | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const me = useCurrentUser();
  const canWrite = me.permissions.includes('meeting.write');
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: complianceKeys.exemptions(orgId),
    queryFn: () => complianceApi.exemptions(orgId),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: complianceKeys.all });
  const create = useMutation({
    mutationFn: (v: Record<string, string | number | undefined>) =>
      complianceApi.createExemption({
        orgId: v.orgId as number,
        type: v.type as RequiredMeeting,
        fromOn: v.fromOn as string,
        untilOn: (v.untilOn as string) || null,
        reason: (v.reason as string) ?? '',
      }),
    onSuccess: () => {
      message.success(t('compliance.exemptions.created'));
      setAdding(false);
      form.resetFields();
      refresh();
    },
    onError: (error) => onError(error, { form }),
  });
  const remove = useMutation({
    mutationFn: (id: number) => complianceApi.deleteExemption(id),
    onSuccess: () => {
      message.success(t('compliance.exemptions.removed'));
      refresh();
    },
    onError: (error) => onError(error),
  });
  const columns: TableColumnsType<ExemptionResponse> = [
    { title: t('compliance.exemptions.org'), dataIndex: 'orgName' },
    { title: t('compliance.exemptions.type'), render: (_, e) => REQUIRED_MEETING_LABELS[e.type] },
    {
      title: `${t('compliance.exemptions.from')} ~ ${t('compliance.exemptions.until')}`,
      render: (_, e) => `${e.fromOn} ~ ${e.untilOn ?? t('compliance.exemptions.untilOpen')}`,
    },
    { title: t('compliance.exemptions.reason'), dataIndex: 'reason', responsive: ['md'] },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            width: 90,
            render: (_: unknown, e: ExemptionResponse) => (
              <Popconfirm
                title={t('compliance.exemptions.removeConfirm')}
                onConfirm={() => remove.mutate(e.id)}
              >
                <Button type="link" size="small" danger icon={<DeleteOutlined aria-hidden />}>
                  {t('compliance.exemptions.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('compliance.exemptions.rule')}</Typography.Text>
        {canWrite ? (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('compliance.exemptions.add')}
          </Button>
        ) : null}
      </Flex>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ExemptionResponse>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('compliance.exemptions.empty') }}
        />
      )}
      <Modal
        title={t('compliance.exemptions.add')}
        open={adding}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} initialValues={{ orgId }}>
          <Form.Item name="orgId" label={t('compliance.exemptions.org')}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="type" label={t('compliance.exemptions.type')}>
            <Select
              options={REQUIRED_MEETINGS.map((m) => ({ value: m, label: REQUIRED_MEETING_LABELS[m] }))}
            />
          </Form.Item>
          <Flex gap={8}>
            <Form.Item name="fromOn" label={t('compliance.exemptions.from')} style={{ flex: 1 }}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="untilOn" label={t('compliance.exemptions.until')} style={{ flex: 1 }}>
              <Input type="date" />
            </Form.Item>
          </Flex>
          <Form.Item name="reason" label={t('compliance.exemptions.reason')}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

/** 组织生活落实情况: the board per branch for a year, the behind list, absentees and exemptions. */
export function CompliancePage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(localIsoDate(new Date()).slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const orgParam = Number(params.get('orgId'));
  const orgId = Number.isInteger(orgParam) && orgParam > 0 ? orgParam : undefined;
  const filters: BoardFilters = { year, orgId };
  const [openId, setOpenId] = useState<number | null>(null);
  const board = useQuery({
    queryKey: complianceKeys.board(filters),
    queryFn: () => complianceApi.board(filters),
  });
  const open = board.data?.branches.find((b) => b.orgId === openId) ?? null;
  const setFilter = (patch: { year?: number; orgId?: number | undefined }) => {
    const next = { year, orgId, ...patch };
    setParams(
      {
        year: String(next.year),
        ...(next.orgId ? { orgId: String(next.orgId) } : {}),
      },
      { replace: true },
    );
  };
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('compliance.title')}
        </Typography.Title>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          href={complianceApi.exportUrl(filters)}
          data-testid="export"
        >
          {t('compliance.export')}
        </Button>
      </Flex>
      <Flex gap={8} wrap>
        <Select<number>
          aria-label={t('compliance.year')}
          style={{ width: 110 }}
          value={year}
          onChange={(v) => setFilter({ year: v })}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y} 年` }))}
        />
        <OrgTreeSelect
          aria-label={t('compliance.org')}
          placeholder={t('compliance.org')}
          style={{ minWidth: screens.md ? 260 : '100%' }}
          allowClear
          value={orgId}
          onChange={(v) => setFilter({ orgId: v ?? undefined })}
        />
      </Flex>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'board',
              label: t('compliance.tabs.board'),
              children: <BoardTab filters={filters} onOpen={(b) => setOpenId(b.orgId)} />,
            },
            {
              key: 'behind',
              label: t('compliance.tabs.behind'),
              children: <BehindTab filters={filters} onOpen={setOpenId} />,
            },
            {
              key: 'absentees',
              label: t('compliance.tabs.absentees'),
              children: <AbsenteesTab orgId={orgId} />,
            },
            {
              key: 'exemptions',
              label: t('compliance.tabs.exemptions'),
              children: <ExemptionsTab orgId={orgId} />,
            },
          ]}
        />
      </Card>
      <Drawer
        open={open !== null}
        onClose={() => setOpenId(null)}
        size={screens.md ? 820 : '100%'}
        title={open ? t('compliance.grid.title', { name: open.name, year }) : ''}
      >
        {open ? (
          <Flex vertical gap={12}>
            {open.behind.length ? (
              <Alert
                type="error"
                showIcon
                message={`${t('compliance.behindTypes')}：${open.behind.map((x) => REQUIRED_MEETING_LABELS[x]).join('、')}`}
              />
            ) : null}
            <Typography.Text>
              {open.committeeName} · {t('compliance.fullMembers')} {open.fullMembers} · {t('compliance.rate')}{' '}
              {percent(open.completionRate)}
            </Typography.Text>
            <MonthGrid branch={open} year={year} />
          </Flex>
        ) : (
          <Empty />
        )}
      </Drawer>
    </Flex>
  );
}
