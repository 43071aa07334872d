import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type PlacementResponse,
  POSTING_STATE_LABELS,
  POSTING_STATES,
  type PostingResponse,
  type PostingState,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Select, Space, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedRecords } from '../../../components/PagedRecords';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useCurrentUser } from '../../auth/useMe';
import { EditDelete } from '../components/EditDelete';
import { HometownFilters } from '../components/HometownFilters';
import { PlacementDrawer, PostingDrawer } from '../components/LabourDrawers';
import { hometownApi, hometownKeys, type LabourFilters } from '../hometown.api';
import { yuan } from '../money';

/** 劳务输出: job postings by members' enterprises and placements of hometown workers (person-times). */
export function LabourPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const canWrite = useCurrentUser().permissions.includes('hometown.write');
  const [filters, setFilters] = useState<LabourFilters>({});
  const [posting, setPosting] = useState<PostingResponse | 'new' | null>(null);
  const [placement, setPlacement] = useState<PlacementResponse | 'new' | null>(null);
  const postings = useKeysetPages(hometownKeys.postings(filters), (cursor, signal) =>
    hometownApi.postings(filters, cursor, signal),
  );
  const placements = useKeysetPages(hometownKeys.placements(filters), (cursor, signal) =>
    hometownApi.placements(filters, cursor, signal),
  );
  const done = () => {
    message.success(t('hometown.deleted'));
    void client.invalidateQueries({ queryKey: hometownKeys.all });
  };
  const removePosting = useMutation({
    mutationFn: hometownApi.deletePosting,
    onSuccess: done,
    onError: (e) => onError(e),
  });
  const removePlacement = useMutation({
    mutationFn: hometownApi.deletePlacement,
    onSuccess: done,
    onError: (e) => onError(e),
  });
  const setFilter = (patch: Partial<LabourFilters>) => setFilters({ ...filters, ...patch });
  const actionsOf = <R extends { id: number; policies: { edit: boolean } }>(
    r: R,
    edit: (r: R) => void,
    remove: (id: number) => void,
  ) =>
    canWrite && r.policies.edit ? <EditDelete onEdit={() => edit(r)} onDelete={() => remove(r.id)} /> : null;
  const actionColumn = <R extends { id: number; policies: { edit: boolean } }>(
    edit: (r: R) => void,
    remove: (id: number) => void,
  ) =>
    canWrite ? [{ title: '', width: 120, render: (_: unknown, r: R) => actionsOf(r, edit, remove) }] : [];
  const pay = (r: PostingResponse) =>
    r.payMinFen == null && r.payMaxFen == null
      ? '—'
      : `${r.payMinFen == null ? '' : yuan(r.payMinFen)} ~ ${r.payMaxFen == null ? '' : yuan(r.payMaxFen)}`;

  const postingColumns: TableColumnsType<PostingResponse> = [
    { title: t('hometown.labour.col.postedOn'), dataIndex: 'postedOn', width: 110 },
    { title: t('hometown.labour.col.employer'), dataIndex: 'employer' },
    { title: t('hometown.labour.col.title'), dataIndex: 'title' },
    { title: t('hometown.labour.col.headcount'), dataIndex: 'headcount', align: 'right' },
    { title: t('hometown.labour.col.pay'), render: (_, r) => pay(r) },
    { title: t('hometown.labour.col.place'), dataIndex: 'place', responsive: ['lg'] },
    { title: t('hometown.labour.col.county'), render: (_, r) => r.county?.name ?? '—' },
    {
      title: t('hometown.labour.col.state'),
      render: (_, r) => <Tag color={r.state === 'open' ? 'green' : 'default'}>{r.stateLabel}</Tag>,
    },
    { title: t('hometown.labour.col.placed'), dataIndex: 'placedPersonTimes', align: 'right' },
    ...actionColumn<PostingResponse>(setPosting, (id) => removePosting.mutate(id)),
  ];
  const placementColumns: TableColumnsType<PlacementResponse> = [
    { title: t('hometown.labour.col.placedOn'), dataIndex: 'placedOn', width: 110 },
    { title: t('hometown.labour.col.employer'), dataIndex: 'employer' },
    { title: t('hometown.labour.col.county'), render: (_, r) => r.county.name },
    { title: t('hometown.labour.col.personTimes'), dataIndex: 'personTimes', align: 'right' },
    {
      title: t('hometown.labour.col.posting'),
      render: (_, r) => r.posting?.title ?? '—',
      responsive: ['lg'],
    },
    { title: t('hometown.org'), render: (_, r) => r.org.name, responsive: ['xl'] },
    ...actionColumn<PlacementResponse>(setPlacement, (id) => removePlacement.mutate(id)),
  ];
  const totals = placements.data?.totals;

  return (
    <Flex vertical gap={16} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('hometown.labour.title')}
      </Typography.Title>
      <Flex gap={8} wrap>
        <HometownFilters
          countyCode={filters.countyCode}
          year={filters.year}
          onChange={setFilter}
          onSearch={(q) => setFilter({ q })}
        >
          <Select<PostingState | ''>
            aria-label={t('hometown.labour.col.state')}
            style={{ minWidth: 110 }}
            value={filters.state ?? ''}
            onChange={(v) => setFilter({ state: v || undefined })}
            options={[
              { value: '', label: t('hometown.labour.allStates') },
              ...POSTING_STATES.map((s) => ({ value: s, label: POSTING_STATE_LABELS[s] })),
            ]}
          />
        </HometownFilters>
      </Flex>
      <Tabs
        items={[
          {
            key: 'placements',
            label: t('hometown.labour.placements'),
            children: (
              <PagedRecords<PlacementResponse>
                list={placements}
                columns={placementColumns}
                empty={t('hometown.labour.emptyPlacements')}
                extra={
                  <Space wrap>
                    <Button
                      icon={<DownloadOutlined aria-hidden />}
                      href={hometownApi.exportUrl('labour/placements', {
                        countyCode: filters.countyCode,
                        year: filters.year,
                        q: filters.q,
                      })}
                    >
                      {t('hometown.export')}
                    </Button>
                    {canWrite ? (
                      <Button
                        type="primary"
                        icon={<PlusOutlined aria-hidden />}
                        onClick={() => setPlacement('new')}
                      >
                        {t('hometown.labour.createPlacement')}
                      </Button>
                    ) : null}
                  </Space>
                }
                summary={
                  totals ? (
                    <Typography.Text data-testid="placements-totals">
                      {t('hometown.total')}：{t('hometown.records', { count: totals.count })} ·{' '}
                      {totals.personTimes.toLocaleString('zh-CN')} {t('hometown.labour.col.personTimes')}
                    </Typography.Text>
                  ) : null
                }
                card={(r) => ({
                  title: r.employer,
                  tag: <Tag>{r.county.name}</Tag>,
                  lines: [
                    `${r.placedOn} · ${r.personTimes.toLocaleString('zh-CN')} ${t('hometown.labour.col.personTimes')}`,
                    ...(r.posting ? [r.posting.title] : []),
                  ],
                  actions: actionsOf(r, setPlacement, (id) => removePlacement.mutate(id)),
                })}
              />
            ),
          },
          {
            key: 'postings',
            label: t('hometown.labour.postings'),
            children: (
              <PagedRecords<PostingResponse>
                list={postings}
                columns={postingColumns}
                empty={t('hometown.labour.emptyPostings')}
                extra={
                  <Space wrap>
                    <Button
                      icon={<DownloadOutlined aria-hidden />}
                      href={hometownApi.exportUrl('labour/postings', filters)}
                    >
                      {t('hometown.export')}
                    </Button>
                    {canWrite ? (
                      <Button
                        type="primary"
                        icon={<PlusOutlined aria-hidden />}
                        onClick={() => setPosting('new')}
                      >
                        {t('hometown.labour.createPosting')}
                      </Button>
                    ) : null}
                  </Space>
                }
                card={(r) => ({
                  title: r.title,
                  tag: <Tag color={r.state === 'open' ? 'green' : 'default'}>{r.stateLabel}</Tag>,
                  lines: [
                    `${r.employer} · ${r.postedOn}`,
                    `${t('hometown.labour.col.headcount')} ${r.headcount} · ${t('hometown.labour.col.pay')} ${pay(r)}`,
                    ...(r.place ? [r.place] : []),
                  ],
                  actions: actionsOf(r, setPosting, (id) => removePosting.mutate(id)),
                })}
              />
            ),
          },
        ]}
      />
      <PostingDrawer
        open={posting !== null}
        editing={posting === 'new' ? null : posting}
        onClose={() => setPosting(null)}
      />
      <PlacementDrawer
        open={placement !== null}
        editing={placement === 'new' ? null : placement}
        postings={postings.data?.items ?? []}
        onClose={() => setPlacement(null)}
      />
    </Flex>
  );
}
