import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { RecordFiles } from '../../files/components/RecordFiles';
import { ProjectDrawer } from '../components/ProjectDrawer';
import { ProjectStages } from '../components/ProjectStages';
import { ProjectYears } from '../components/ProjectYears';
import { hometownApi, hometownKeys } from '../hometown.api';
import { wan } from '../money';
import { STAGE_COLORS } from './ProjectsPage';

/** One project: its facts, stage history with the next change, yearly figures. */
export function ProjectDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const project = useQuery({ queryKey: hometownKeys.project(id), queryFn: () => hometownApi.project(id) });
  const remove = useMutation({
    mutationFn: () => hometownApi.deleteProject(id),
    onSuccess: () => {
      message.success(t('hometown.deleted'));
      void client.invalidateQueries({ queryKey: hometownKeys.all });
      navigate('/hometown/projects');
    },
    onError: (error) => onError(error),
  });
  if (project.isPending) return <PageSpinner />;
  if (project.isError) return <LoadError error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const unit = ` ${t('hometown.wan')}`;
  return (
    <Flex vertical gap={16} className="nx-page">
      <Link to="/hometown/projects">
        <ArrowLeftOutlined aria-hidden /> {t('hometown.projects.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {p.name} <Tag color={STAGE_COLORS[p.stage]}>{p.stageLabel}</Tag>
        </Typography.Title>
        {p.policies.edit ? (
          <Space wrap>
            <Button onClick={() => setEditing(true)}>{t('hometown.edit')}</Button>
            <Popconfirm title={t('hometown.deleteConfirm')} onConfirm={() => remove.mutate()}>
              <Button danger loading={remove.isPending}>
                {t('hometown.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null}
      </Flex>
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'county', label: t('hometown.projects.col.county'), children: p.county.name },
            { key: 'park', label: t('hometown.projects.col.park'), children: p.park ?? '—' },
            { key: 'industry', label: t('hometown.projects.industry'), children: p.industry },
            {
              key: 'signedOn',
              label: t('hometown.projects.col.signedOn'),
              children: p.signedOn ?? t('hometown.unsigned'),
            },
            { key: 'signed', label: t('hometown.projects.col.signed'), children: wan(p.signedFen) + unit },
            { key: 'actual', label: t('hometown.projects.col.actual'), children: wan(p.actualFen) + unit },
            {
              key: 'enterprises',
              label: t('hometown.projects.enterprises'),
              children: p.enterprises.join('、') || '—',
            },
            {
              key: 'introducers',
              label: t('hometown.projects.col.introducers'),
              children: p.introducers.map((i) => i.name).join('、') || '—',
            },
            { key: 'org', label: t('hometown.org'), children: p.org.name },
            ...(p.note ? [{ key: 'note', label: t('hometown.note'), children: p.note }] : []),
          ]}
        />
      </Card>
      <ProjectStages project={p} />
      <ProjectYears project={p} />
      <Card size="small" title={t('hometown.projects.files')}>
        <RecordFiles
          owner={{ ownerType: 'hometown_project', ownerId: p.id }}
          purposes={['attachment', 'photo']}
        />
      </Card>
      <ProjectDrawer open={editing} onClose={() => setEditing(false)} editing={p} />
    </Flex>
  );
}
