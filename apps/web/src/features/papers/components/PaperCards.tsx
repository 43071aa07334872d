import { Card, Empty, Flex, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface PaperCard {
  key: number;
  title: ReactNode;
  tag: ReactNode;
  lines: ReactNode[];
  actions: ReactNode;
  /** Shown in red: an overdue receipt. */
  alert?: boolean;
}

/** The list as cards on a phone: one card a record, its actions at the bottom. */
export function PaperCards({
  cards,
  loading,
  empty,
}: {
  cards: PaperCard[];
  loading: boolean;
  empty: string;
}) {
  if (loading && cards.length === 0) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (cards.length === 0) return <Empty description={empty} />;
  return (
    <Flex vertical gap={8} role="list">
      {cards.map((c) => (
        <Card
          key={c.key}
          size="small"
          role="listitem"
          className={c.alert ? 'nx-paper-card-alert' : undefined}
          title={c.title}
          extra={c.tag}
        >
          <Flex vertical gap={2}>
            {c.lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one card never move.
              <Typography.Text key={i}>{line}</Typography.Text>
            ))}
            <div>{c.actions}</div>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
