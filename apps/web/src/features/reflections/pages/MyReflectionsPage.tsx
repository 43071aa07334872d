import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { ReflectionFormDrawer } from '../components/ReflectionFormDrawer';
import { ReflectionList } from '../components/ReflectionList';
import { reflectionKeys, reflectionsApi } from '../reflections.api';

/** 我的心得 (phone first): my reflections and their review, a button to write one, the featured ones. */
export function MyReflectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [writing, setWriting] = useState(false);
  const mine = useQuery({ queryKey: reflectionKeys.mine, queryFn: reflectionsApi.mine });
  const featured = useQuery({
    queryKey: reflectionKeys.featured,
    queryFn: () => reflectionsApi.featured(10),
  });
  return (
    <Flex vertical gap={12} className="nx-page" data-testid="my-reflections">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('reflections.mine.title')}
        </Typography.Title>
        <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setWriting(true)}>
          {t('reflections.mine.write')}
        </Button>
      </Flex>
      <Card size="small">
        {mine.isError ? (
          <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
        ) : (
          <ReflectionList
            items={mine.data?.items ?? []}
            loading={mine.isPending}
            empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reflections.mine.empty')} />}
          />
        )}
      </Card>
      <Card size="small" title={t('reflections.featured.title')}>
        {featured.isError ? (
          <LoadError error={featured.error} onRetry={() => void featured.refetch()} />
        ) : (
          <ReflectionList
            items={featured.data?.items ?? []}
            loading={featured.isPending}
            showState={false}
            empty={
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reflections.featured.empty')} />
            }
          />
        )}
      </Card>
      <ReflectionFormDrawer
        open={writing}
        onClose={() => setWriting(false)}
        onSaved={(r) => navigate(`/reflections/${r.id}`)}
      />
    </Flex>
  );
}
