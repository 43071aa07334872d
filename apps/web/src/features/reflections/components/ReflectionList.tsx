import type { ReflectionResponse } from '@ningxin/shared';
import { Link } from 'react-router-dom';
import { PageSpinner } from '../../../components/PageSpinner';
import { PortalList } from '../../../components/PortalList';
import { StarIcon } from '../../../components/pageIcons';
import { Empty } from '../../../components/plain/Empty';
import { Flex } from '../../../components/plain/Flex';
import { Tag } from '../../../components/plain/Tag';
import { Text } from '../../../components/plain/Text';
import { useFormatters } from '../../../lib/useFormatters';
import { REFLECTION_COLORS } from '../reflectionColors';

/**
 * Reflections as a phone list: title and state, what it is about, who wrote it and when. Plain
 * elements in the look of antd's List (the member's phone page loads no antd).
 */
export function ReflectionList({
  items,
  loading,
  empty,
  showState = true,
}: {
  items: readonly ReflectionResponse[];
  loading?: boolean;
  /** What an empty list says. */
  empty: string;
  showState?: boolean;
}) {
  const { date } = useFormatters();
  if (loading) return <PageSpinner />;
  if (items.length === 0) return <Empty description={empty} />;
  return (
    <PortalList
      items={items}
      rowKey={(r) => r.id}
      label={(r) => r.title}
      render={(r) => (
        <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
          <Flex justify="space-between" gap={8} align="start">
            <Link to={`/reflections/${r.id}`}>{r.title}</Link>
            <Flex gap={4} align="center" style={{ flexShrink: 0 }}>
              {r.featuredAt ? (
                <span style={{ color: '#d4a017' }}>
                  <StarIcon />
                </span>
              ) : null}
              {showState ? (
                <Tag color={REFLECTION_COLORS[r.state]} style={{ marginInlineEnd: 0 }}>
                  {r.stateLabel}
                </Tag>
              ) : null}
            </Flex>
          </Flex>
          <Text type="secondary">
            {r.subject.typeLabel}：{r.subject.title ?? '—'} · {r.author.name} · {r.org.name} ·{' '}
            {date(r.submittedAt)}
          </Text>
        </Flex>
      )}
    />
  );
}
