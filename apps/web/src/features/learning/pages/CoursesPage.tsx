import { PlusOutlined } from '@ant-design/icons';
import {
  COURSE_KIND_LABELS,
  COURSE_KINDS,
  COURSE_STATE_LABELS,
  COURSE_STATES,
  type CourseKind,
  type CourseResponse,
  type CourseState,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Drawer,
  Flex,
  Grid,
  Input,
  Popconfirm,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedRecords } from '../../../components/PagedRecords';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { RecordFiles } from '../../files/components/RecordFiles';
import { CourseDrawer } from '../components/CourseDrawer';
import { COURSE_STATE_COLORS } from '../courseColors';
import { type CourseFilters, courseKeys, coursesApi } from '../learning.api';

/** 课程管理 (desk): the courses the user publishes, filtered by kind, state and series; create, edit, publish. */
export function CoursesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [filters, setFilters] = useState<CourseFilters>({});
  const [editing, setEditing] = useState<CourseResponse | null | undefined>(undefined);
  const [filesOf, setFilesOf] = useState<CourseResponse | null>(null);
  const list = useKeysetPages(courseKeys.list(filters), (cursor, signal) =>
    coursesApi.list(filters, cursor, signal),
  );
  const series = useQuery({ queryKey: courseKeys.series, queryFn: coursesApi.series });
  const setFilter = (patch: Partial<CourseFilters>) => setFilters({ ...filters, ...patch });
  const refresh = () => void client.invalidateQueries({ queryKey: courseKeys.all });
  const change = useMutation({
    mutationFn: (v: { course: CourseResponse; to: 'published' | 'withdrawn' }) =>
      coursesApi.changeState(v.course.id, { to: v.to, version: v.course.version }),
    onSuccess: (c) => {
      message.success(
        c.state === 'published' ? t('learning.courses.published') : t('learning.courses.withdrawn'),
      );
      refresh();
    },
    onError: (error) => onError(error, { onConflict: refresh }),
  });

  const actions = (r: CourseResponse) => (
    <Space size={4} wrap>
      {r.policies.edit && (
        <Button size="small" onClick={() => setEditing(r)}>
          {t('common.edit')}
        </Button>
      )}
      {r.policies.edit && (
        <Button size="small" onClick={() => setFilesOf(r)}>
          {t('learning.courses.files')}
        </Button>
      )}
      {r.policies.publish && (
        <Button
          size="small"
          type="primary"
          loading={change.isPending && change.variables?.course.id === r.id}
          onClick={() => change.mutate({ course: r, to: 'published' })}
        >
          {t('learning.courses.publish')}
        </Button>
      )}
      {r.policies.withdraw && (
        <Popconfirm
          title={t('learning.courses.withdrawConfirm')}
          onConfirm={() => change.mutate({ course: r, to: 'withdrawn' })}
        >
          <Button size="small" danger>
            {t('learning.courses.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  const columns: TableColumnsType<CourseResponse> = [
    {
      title: t('learning.courses.col.title'),
      render: (_, r) => (
        <Space size={4} wrap>
          <span>{r.title}</span>
          {r.required && <Tag color="red">{t('learning.courses.required')}</Tag>}
        </Space>
      ),
    },
    { title: t('learning.courses.col.kind'), width: 80, render: (_, r) => r.kindLabel },
    { title: t('learning.courses.col.series'), responsive: ['lg'], render: (_, r) => r.series?.title ?? '—' },
    { title: t('learning.courses.col.org'), responsive: ['xl'], render: (_, r) => r.org.name },
    { title: t('learning.courses.col.hours'), width: 70, render: (_, r) => r.creditHours },
    {
      title: t('learning.courses.col.progress'),
      width: 110,
      render: (_, r) => `${r.counts.started} / ${r.counts.completed}`,
    },
    {
      title: t('learning.courses.col.state'),
      width: 90,
      render: (_, r) => <Tag color={COURSE_STATE_COLORS[r.state]}>{r.stateLabel}</Tag>,
    },
    { title: t('learning.courses.col.actions'), width: 220, render: (_, r) => actions(r) },
  ];

  return (
    <Flex vertical gap={16} className="nx-page" data-testid="courses">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('learning.courses.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
          {t('learning.courses.create')}
        </Button>
      </Flex>
      <Flex gap={8} wrap>
        <Select<CourseKind | ''>
          aria-label={t('learning.courses.col.kind')}
          style={{ minWidth: 110 }}
          value={filters.kind ?? ''}
          onChange={(v) => setFilter({ kind: v || undefined })}
          options={[
            { value: '', label: t('learning.courses.allKinds') },
            ...COURSE_KINDS.map((k) => ({ value: k, label: COURSE_KIND_LABELS[k] })),
          ]}
        />
        <Select<CourseState | ''>
          aria-label={t('learning.courses.col.state')}
          style={{ minWidth: 110 }}
          value={filters.state ?? ''}
          onChange={(v) => setFilter({ state: v || undefined })}
          options={[
            { value: '', label: t('learning.courses.allStates') },
            ...COURSE_STATES.map((s) => ({ value: s, label: COURSE_STATE_LABELS[s] })),
          ]}
        />
        <Select<number>
          aria-label={t('learning.courses.col.series')}
          style={{ minWidth: 180 }}
          value={filters.seriesId ?? 0}
          onChange={(v) => setFilter({ seriesId: v || undefined })}
          options={[
            { value: 0, label: t('learning.courses.allSeries') },
            ...(series.data?.items ?? []).map((s) => ({ value: s.id, label: s.title })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('learning.courses.search')}
          aria-label={t('learning.courses.search')}
          style={{ maxWidth: 240 }}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
        />
      </Flex>
      <PagedRecords<CourseResponse>
        list={list}
        columns={columns}
        empty={t('learning.courses.empty')}
        card={(r) => ({
          label: r.title,
          title: r.title,
          tag: <Tag color={COURSE_STATE_COLORS[r.state]}>{r.stateLabel}</Tag>,
          lines: [
            `${r.kindLabel} · ${t('learning.learn.hours', { n: r.creditHours })} · ${r.counts.started} / ${r.counts.completed}`,
          ],
          actions: actions(r),
        })}
      />
      <CourseDrawer
        open={editing !== undefined}
        editing={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
      <Drawer
        title={filesOf ? t('learning.courses.filesTitle', { title: filesOf.title }) : ''}
        open={!!filesOf}
        onClose={() => setFilesOf(null)}
        size={screens.sm ? 560 : '100%'}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('learning.courses.filesHelp')}</Typography.Paragraph>
        {filesOf && (
          <RecordFiles
            owner={{ ownerType: 'course', ownerId: filesOf.id }}
            purposes={filesOf.kind === 'video' ? ['video', 'photo'] : ['attachment', 'photo']}
          />
        )}
      </Drawer>
    </Flex>
  );
}
