import { CheckOutlined, EditOutlined, RollbackOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import type { ReflectionResponse } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../../components/ReasonModal';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { reflectionKeys, reflectionsApi } from '../reflections.api';
import { ReflectionFormDrawer } from './ReflectionFormDrawer';

/** What the user may do with a reflection, by its `policies`: edit, approve, return, feature. */
export function ReflectionActions({ r }: { r: ReflectionResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [editing, setEditing] = useState(false);
  const refresh = () => void client.invalidateQueries({ queryKey: reflectionKeys.all });
  const review = useMutation({
    mutationFn: (v: { decision: 'approve' | 'return'; comment?: string }) =>
      reflectionsApi.review(r.id, { ...v, version: r.version }),
    onSuccess: (saved) => {
      message.success(
        saved.state === 'approved' ? t('reflections.detail.approved') : t('reflections.detail.returned'),
      );
      setReturning(false);
      refresh();
    },
    onError: (error) => onError(error, { onConflict: refresh }),
  });
  const feature = useMutation({
    mutationFn: (featured: boolean) => reflectionsApi.feature(r.id, { featured, version: r.version }),
    onSuccess: (saved) => {
      message.success(
        saved.featuredAt ? t('reflections.detail.featuredDone') : t('reflections.detail.unfeaturedDone'),
      );
      refresh();
    },
    onError: (error) => onError(error, { onConflict: refresh }),
  });
  const p = r.policies;
  if (!p.edit && !p.review && !p.feature && !p.unfeature) return null;
  return (
    <Flex gap={8} wrap>
      {p.edit ? (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
          {t('reflections.detail.edit')}
        </Button>
      ) : null}
      {p.review ? (
        <>
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            loading={review.isPending && review.variables?.decision === 'approve'}
            onClick={() => review.mutate({ decision: 'approve' })}
          >
            {t('reflections.detail.approve')}
          </Button>
          <Button icon={<RollbackOutlined aria-hidden />} onClick={() => setReturning(true)}>
            {t('reflections.detail.return')}
          </Button>
        </>
      ) : null}
      {p.feature ? (
        <Button
          type="primary"
          icon={<StarOutlined aria-hidden />}
          loading={feature.isPending}
          onClick={() => feature.mutate(true)}
        >
          {t('reflections.detail.feature')}
        </Button>
      ) : null}
      {p.unfeature ? (
        <Button
          icon={<StarFilled aria-hidden />}
          loading={feature.isPending}
          onClick={() => feature.mutate(false)}
        >
          {t('reflections.detail.unfeature')}
        </Button>
      ) : null}
      <ReasonModal
        title={t('reflections.detail.returnTitle')}
        open={returning}
        fields={[{ name: 'comment', label: t('reflections.detail.returnComment'), kind: 'text' }]}
        submitting={review.isPending}
        okText={t('reflections.detail.return')}
        onCancel={() => setReturning(false)}
        onSubmit={(v) => review.mutate({ decision: 'return', comment: v.comment ?? '' })}
      />
      <ReflectionFormDrawer open={editing} onClose={() => setEditing(false)} editing={r} />
    </Flex>
  );
}
