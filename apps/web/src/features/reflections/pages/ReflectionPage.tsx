import { StarFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useFormatters } from '../../../lib/useFormatters';
import { RecordFiles } from '../../files/components/RecordFiles';
import { ReflectionActions } from '../components/ReflectionActions';
import { ReflectionComments } from '../components/ReflectionComments';
import { REFLECTION_COLORS } from '../reflectionColors';
import { reflectionKeys, reflectionsApi } from '../reflections.api';

/** One reflection (phone and desk): its text and photos, the review, the actions the user may take, comments. */
export function ReflectionPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { dateTime } = useFormatters();
  const one = useQuery({ queryKey: reflectionKeys.one(id), queryFn: () => reflectionsApi.get(id) });
  if (one.isPending) return <PageSpinner />;
  if (one.isError) return <LoadError error={one.error} onRetry={() => void one.refetch()} />;
  const r = one.data;
  return (
    <Flex vertical gap={12} className="nx-page" data-testid="reflection">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {r.title}
        </Typography.Title>
        <Flex gap={4}>
          <Tag color={REFLECTION_COLORS[r.state]}>{r.stateLabel}</Tag>
          {r.featuredAt ? (
            <Tag color="gold" icon={<StarFilled aria-hidden />}>
              {t('reflections.featured.tag')}
            </Tag>
          ) : null}
        </Flex>
      </Flex>
      <ReflectionActions r={r} />
      {r.state === 'returned' && r.reviewComment ? (
        <Alert
          type="warning"
          showIcon
          title={t('reflections.detail.reviewComment')}
          description={r.reviewComment}
        />
      ) : null}
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            {
              key: 'author',
              label: t('reflections.detail.author'),
              children: `${r.author.name}（${r.org.name}）`,
            },
            {
              key: 'subject',
              label: t('reflections.detail.subject'),
              children: `${r.subject.typeLabel}：${r.subject.title ?? '—'}`,
            },
            { key: 'at', label: t('reflections.detail.submittedAt'), children: dateTime(r.submittedAt) },
            ...(r.reviewerName
              ? [{ key: 'reviewer', label: t('reflections.detail.reviewer'), children: r.reviewerName }]
              : []),
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginTop: 12, marginBottom: 0 }}>
          {r.body}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('reflections.detail.photos')}>
        <RecordFiles owner={{ ownerType: 'reflection', ownerId: r.id }} purposes={['photo']} />
      </Card>
      {r.state === 'approved' ? <ReflectionComments r={r} /> : null}
    </Flex>
  );
}
