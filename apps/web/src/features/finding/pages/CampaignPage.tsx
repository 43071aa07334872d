import {
  DownloadOutlined,
  EditOutlined,
  LineChartOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  LEAD_SOURCE_LABELS,
  LEAD_STATE_LABELS,
  LEAD_STATES,
  type LeadListItem,
  type LeadState,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { CampaignFormDrawer } from '../components/CampaignFormDrawer';
import { LeadFormDrawer } from '../components/LeadFormDrawer';
import { LeadImportModal } from '../components/LeadImportModal';
import { LeadStateTag } from '../components/LeadStateTag';
import { findingApi, findingKeys, type LeadFilters } from '../finding.api';

/** A campaign: its facts, its leads with filters, assigning finders, import and export. */
export function CampaignPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [filters, setFilters] = useState<LeadFilters>({});
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [assigning, setAssigning] = useState<LeadListItem | null>(null);
  const campaign = useQuery({ queryKey: findingKeys.campaign(id), queryFn: () => findingApi.campaign(id) });
  const pages = useKeysetPages(findingKeys.leads(id, filters), (cursor) =>
    findingApi.leads(id, filters, cursor),
  );
  if (campaign.isError) return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!campaign.data) return <PageSpinner />;
  const c = campaign.data;
  const set = (patch: LeadFilters) => setFilters((f) => ({ ...f, ...patch }));
  return (
    <Flex vertical gap={16}>
      <Card
        title={c.name}
        extra={
          <Space wrap>
            <Link to={`/finding/campaigns/${id}/progress`}>
              <Button icon={<LineChartOutlined />}>{t('finding.progress')}</Button>
            </Link>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('finding.editCampaign')}
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('finding.org')}>{c.org.name}</Descriptions.Item>
          <Descriptions.Item label={t('finding.period')}>
            {c.startsOn} ~ {c.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('finding.found')}>
            {c.counts.found} / {c.targetCount}
          </Descriptions.Item>
          <Descriptions.Item label={t('finding.districts')}>
            {c.districtNames.join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('finding.areaNote')}>{c.areaNote ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('finding.finders')}>
            {c.finders.map((f) => f.name).join('、') || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t('finding.leads')}
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('finding.addLead')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('finding.import')}
            </Button>
            <Button icon={<DownloadOutlined />} href={findingApi.exportUrl(id, filters)}>
              {t('finding.export')}
            </Button>
          </Space>
        }
      >
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('finding.state')}
            style={{ width: 140 }}
            allowClear
            placeholder={t('finding.allStates')}
            value={filters.state}
            onChange={(state?: LeadState) => set({ state })}
            options={LEAD_STATES.map((s) => ({ value: s, label: LEAD_STATE_LABELS[s] }))}
          />
          <Select
            aria-label={t('finding.finder')}
            style={{ width: 160 }}
            allowClear
            placeholder={t('finding.allFinders')}
            value={filters.finder}
            onChange={(finder?: number | 'none') => set({ finder })}
            options={[
              { value: 'none', label: t('finding.noFinder') },
              ...c.finders.map((f) => ({ value: f.id, label: f.name })),
            ]}
          />
          <Select
            aria-label={t('finding.hostDistrict')}
            style={{ width: 140 }}
            allowClear
            placeholder={t('finding.allDistricts')}
            value={filters.district}
            onChange={(district?: string) => set({ district })}
            options={c.districts.map((d, i) => ({ value: d, label: c.districtNames[i] ?? d }))}
          />
        </Flex>
        {pages.isError ? (
          <LoadError error={pages.error} onRetry={() => void pages.refetch()} />
        ) : (
          <Table<LeadListItem>
            rowKey="id"
            size="middle"
            loading={pages.isLoading}
            dataSource={pages.data?.items ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            columns={[
              {
                key: 'name',
                title: t('finding.leadName'),
                render: (_, l) => <Link to={`/finding/leads/${l.id}`}>{l.name}</Link>,
              },
              { key: 'phone', title: t('finding.phone'), render: (_, l) => l.phoneMasked ?? '—' },
              { key: 'home', title: t('finding.homeCounty'), render: (_, l) => l.homeCountyName ?? '—' },
              { key: 'host', title: t('finding.hostDistrict'), render: (_, l) => l.hostDistrictName ?? '—' },
              {
                key: 'work',
                title: t('finding.workplace'),
                ellipsis: true,
                render: (_, l) => l.workplace ?? '—',
              },
              { key: 'source', title: t('finding.source'), render: (_, l) => LEAD_SOURCE_LABELS[l.source] },
              { key: 'state', title: t('finding.state'), render: (_, l) => <LeadStateTag state={l.state} /> },
              { key: 'finder', title: t('finding.finder'), render: (_, l) => l.finder?.name ?? '—' },
              {
                key: 'last',
                title: t('finding.lastVisit'),
                render: (_, l) => l.foundOn ?? l.lastVisitOn ?? '—',
              },
              {
                key: 'assign',
                title: '',
                render: (_, l) =>
                  ['new', 'contacted', 'visited'].includes(l.state) && (
                    <Button size="small" onClick={() => setAssigning(l)}>
                      {t('finding.assign')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
        <div style={{ marginTop: 12 }}>
          <KeysetPager
            totalText={undefined}
            page={pages.page}
            hasPrev={pages.hasPrev}
            hasNext={pages.hasNext}
            loading={pages.isFetching}
            onPrev={pages.prev}
            onNext={pages.next}
          />
        </div>
      </Card>
      <CampaignFormDrawer campaign={c} open={editing} onClose={() => setEditing(false)} />
      <LeadFormDrawer campaignId={id} finders={c.finders} open={adding} onClose={() => setAdding(false)} />
      <LeadImportModal campaignId={id} open={importing} onClose={() => setImporting(false)} />
      {assigning && <AssignModal lead={assigning} finders={c.finders} onClose={() => setAssigning(null)} />}
    </Flex>
  );
}

function AssignModal({
  lead,
  finders,
  onClose,
}: {
  lead: LeadListItem;
  finders: { id: number; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiErrorHandler();
  const client = useQueryClient();
  const [finderId, setFinderId] = useState<number | null>(lead.finder?.id ?? null);
  const save = useMutation({
    mutationFn: async () => {
      const current = await findingApi.lead(lead.id);
      return findingApi.updateLead(lead.id, { finderId, version: current.version });
    },
    onSuccess: () => {
      message.success(t('finding.saved'));
      void client.invalidateQueries({ queryKey: findingKeys.all });
      onClose();
    },
    onError: (e) => showError(e),
  });
  return (
    <Modal
      open
      title={`${t('finding.assignTitle')} · ${lead.name}`}
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
    >
      <Select
        aria-label={t('finding.finder')}
        style={{ width: '100%' }}
        allowClear
        value={finderId ?? undefined}
        onChange={(v?: number) => setFinderId(v ?? null)}
        options={finders.map((f) => ({ value: f.id, label: f.name }))}
      />
    </Modal>
  );
}
