import { TrophyOutlined } from '@ant-design/icons';
import type { HonourLevel, HonourResponse } from '@ningxin/shared';
import { Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const LEVEL_COLORS: Record<HonourLevel, string> = {
  national: 'red',
  provincial: 'volcano',
  city: 'orange',
  county: 'gold',
  committee: 'blue',
};

function HonourTile({ h }: { h: HonourResponse }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid="honour-tile">
      <Flex vertical gap={4}>
        <Flex gap={8} align="center">
          <TrophyOutlined aria-hidden style={{ color: '#c8102e', fontSize: 18 }} />
          <Typography.Text strong>{h.title}</Typography.Text>
        </Flex>
        <Typography.Text>{h.recipient}</Typography.Text>
        <Flex gap={4} wrap align="center">
          <Tag color={LEVEL_COLORS[h.level]}>{h.levelLabel}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {h.issuer} · {h.awardedOn}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}

/** 荣誉墙: collective honours first, then individual ones, each by level (national first). */
export function HonourWall({
  collective,
  individual,
}: {
  collective: HonourResponse[];
  individual: HonourResponse[];
}) {
  const { t } = useTranslation();
  if (!collective.length && !individual.length) return <Empty description={t('care.honours.empty')} />;
  const part = (title: string, items: HonourResponse[]) =>
    items.length ? (
      <Flex vertical gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Row gutter={[12, 12]}>
          {items.map((h) => (
            <Col key={h.id} xs={24} sm={12} lg={8}>
              <HonourTile h={h} />
            </Col>
          ))}
        </Row>
      </Flex>
    ) : null;
  return (
    <Flex vertical gap={16}>
      {part(t('care.honours.collective'), collective)}
      {part(t('care.honours.individual'), individual)}
    </Flex>
  );
}
