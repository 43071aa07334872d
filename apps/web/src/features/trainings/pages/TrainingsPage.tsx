import { PlusOutlined } from '@ant-design/icons';
import {
  TRAINING_KIND_LABELS,
  TRAINING_KINDS,
  TRAINING_STATE_LABELS,
  TRAINING_STATES,
  type TrainingKind,
  type TrainingResponse,
  type TrainingState,
} from '@ningxin/shared';
import { Button, Flex, Input, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PagedRecords } from '../../../components/PagedRecords';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { TrainingDrawer } from '../components/TrainingDrawer';
import { STATE_COLORS } from '../trainingColors';
import { type TrainingFilters, trainingKeys, trainingsApi } from '../trainings.api';

/** 培训班与学习考察: the classes the user manages, filtered by kind, state and year; create. */
export function TrainingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<TrainingFilters>({});
  const [creating, setCreating] = useState(false);
  const list = useKeysetPages(trainingKeys.list(filters), (cursor, signal) =>
    trainingsApi.list(filters, cursor, signal),
  );
  const setFilter = (patch: Partial<TrainingFilters>) => setFilters({ ...filters, ...patch });
  const thisYear = new Date().getFullYear();
  const places = (r: TrainingResponse) => `${r.counts.enrolled}/${r.quota}（${r.counts.waitlisted}）`;

  const columns: TableColumnsType<TrainingResponse> = [
    {
      title: t('trainings.col.title'),
      render: (_, r) => <Link to={`/trainings/${r.id}`}>{r.title}</Link>,
    },
    { title: t('trainings.col.kind'), width: 110, render: (_, r) => r.kindLabel },
    { title: t('trainings.col.org'), responsive: ['lg'], render: (_, r) => r.org.name },
    { title: t('trainings.col.dates'), width: 200, render: (_, r) => `${r.startsOn} ~ ${r.endsOn}` },
    { title: t('trainings.col.places'), width: 150, render: (_, r) => places(r) },
    {
      title: t('trainings.col.state'),
      width: 100,
      render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{r.stateLabel}</Tag>,
    },
  ];

  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('trainings.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('trainings.create')}
        </Button>
      </Flex>
      <Flex gap={8} wrap>
        <Select<TrainingKind | ''>
          aria-label={t('trainings.col.kind')}
          style={{ minWidth: 130 }}
          value={filters.kind ?? ''}
          onChange={(v) => setFilter({ kind: v || undefined })}
          options={[
            { value: '', label: t('trainings.allKinds') },
            ...TRAINING_KINDS.map((k) => ({ value: k, label: TRAINING_KIND_LABELS[k] })),
          ]}
        />
        <Select<TrainingState | ''>
          aria-label={t('trainings.col.state')}
          style={{ minWidth: 120 }}
          value={filters.state ?? ''}
          onChange={(v) => setFilter({ state: v || undefined })}
          options={[
            { value: '', label: t('trainings.allStates') },
            ...TRAINING_STATES.map((s) => ({ value: s, label: TRAINING_STATE_LABELS[s] })),
          ]}
        />
        <Select<number | 0>
          aria-label={t('trainings.allYears')}
          style={{ minWidth: 110 }}
          value={filters.year ?? 0}
          onChange={(v) => setFilter({ year: v || undefined })}
          options={[
            { value: 0, label: t('trainings.allYears') },
            ...[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
              value: y,
              label: t('trainings.yearOf', { year: y }),
            })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('trainings.search')}
          aria-label={t('trainings.search')}
          style={{ maxWidth: 240 }}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
        />
      </Flex>
      <PagedRecords<TrainingResponse>
        list={list}
        columns={columns}
        empty={t('trainings.empty')}
        card={(r) => ({
          label: r.title,
          title: <Link to={`/trainings/${r.id}`}>{r.title}</Link>,
          tag: <Tag color={STATE_COLORS[r.state]}>{r.stateLabel}</Tag>,
          lines: [`${r.kindLabel} · ${r.startsOn} ~ ${r.endsOn} · ${places(r)}`],
          actions: null,
        })}
      />
      <TrainingDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) => navigate(`/trainings/${saved.id}`)}
      />
    </Flex>
  );
}
