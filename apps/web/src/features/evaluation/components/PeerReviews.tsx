import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { evaluationApi, evaluationKeys } from '../evaluation.api';
import { GradeTag } from './GradeTag';

/** The peer comments of the round, member by member. */
export function PeerReviews({ id }: { id: number }) {
  const { t } = useTranslation();
  const reviews = useQuery({
    queryKey: evaluationKeys.reviews(id),
    queryFn: () => evaluationApi.reviews(id),
  });
  if (!reviews.data?.items.length) return null;
  return (
    <Card size="small" title={t('evaluation.round.peerTitle')}>
      <List
        size="small"
        dataSource={reviews.data.items}
        renderItem={(v) => (
          <List.Item>
            <span>
              <Typography.Text strong>{v.member.name}</Typography.Text> ← {v.reviewer.name}{' '}
              <GradeTag grade={v.grade} /> {v.comment}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
