import { StarFilled } from '@ant-design/icons';
import type { ReflectionResponse } from '@ningxin/shared';
import { Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../../lib/useFormatters';
import { REFLECTION_COLORS } from '../reflectionColors';

/** Reflections as a phone list: title and state, what it is about, who wrote it and when. */
export function ReflectionList({
  items,
  loading,
  empty,
  showState = true,
}: {
  items: readonly ReflectionResponse[];
  loading?: boolean;
  empty: ReactNode;
  showState?: boolean;
}) {
  const { date } = useFormatters();
  return (
    <List
      loading={loading ?? false}
      dataSource={[...items]}
      locale={{ emptyText: empty }}
      renderItem={(r) => (
        <List.Item aria-label={r.title}>
          <List.Item.Meta
            title={
              <Flex justify="space-between" gap={8} align="start">
                <Link to={`/reflections/${r.id}`}>{r.title}</Link>
                <Flex gap={4}>
                  {r.featuredAt ? <StarFilled style={{ color: '#d4a017' }} aria-hidden /> : null}
                  {showState ? <Tag color={REFLECTION_COLORS[r.state]}>{r.stateLabel}</Tag> : null}
                </Flex>
              </Flex>
            }
            description={
              <Typography.Text type="secondary">
                {r.subject.typeLabel}：{r.subject.title ?? '—'} · {r.author.name} · {r.org.name} ·{' '}
                {date(r.submittedAt)}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
