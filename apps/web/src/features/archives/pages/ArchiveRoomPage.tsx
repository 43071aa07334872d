import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { archivesApi, archivesKeys } from '../archives.api';

const to = (place: Record<string, string>) => `/archives?${new URLSearchParams(place).toString()}`;

/** 档案室: each room's cabinets, their shelves and boxes with item and on-loan counts; a click filters the registry. */
export function ArchiveRoomPage() {
  const { t } = useTranslation();
  const places = useQuery({ queryKey: archivesKeys.places, queryFn: archivesApi.places });
  return (
    <Flex vertical gap={16} className="nx-page" data-testid="archive-room">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('archives.room.title')}
      </Typography.Title>
      {places.isError ? (
        <LoadError error={places.error} onRetry={() => void places.refetch()} />
      ) : !places.data ? (
        <Skeleton active />
      ) : places.data.rooms.length === 0 ? (
        <Empty description={t('archives.room.empty')} />
      ) : (
        places.data.rooms.map((room) => (
          <Flex key={room.name} vertical gap={8}>
            <Flex gap={8} align="baseline" wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                <Link to={to({ room: room.name })}>{room.name}</Link>
              </Typography.Title>
              <Typography.Text type="secondary">
                {t('archives.room.items', { count: room.items })} ·{' '}
                {t('archives.room.onLoan', { count: room.onLoan })}
              </Typography.Text>
              <Typography.Text type="secondary">{t('archives.room.hint')}</Typography.Text>
            </Flex>
            <Row gutter={[12, 12]}>
              {room.cabinets.map((cabinet) => (
                <Col key={cabinet.name} xs={24} sm={12} lg={8} xl={6}>
                  <Card
                    size="small"
                    title={
                      <Link to={to({ room: room.name, cabinet: cabinet.name })}>
                        {t('archives.form.cabinet')} {cabinet.name}
                      </Link>
                    }
                    extra={
                      <Badge
                        count={cabinet.onLoan}
                        title={t('archives.room.onLoan', { count: cabinet.onLoan })}
                        color="orange"
                      />
                    }
                  >
                    <Flex vertical gap={6}>
                      {cabinet.shelves.map((shelf) => (
                        <Flex key={shelf.name} gap={4} wrap align="center">
                          <Link to={to({ room: room.name, cabinet: cabinet.name, shelf: shelf.name })}>
                            {shelf.name}
                            {t('archives.form.shelf')}
                          </Link>
                          {shelf.boxes.map((box) => (
                            <Link
                              key={box.name}
                              to={to({
                                room: room.name,
                                cabinet: cabinet.name,
                                shelf: shelf.name,
                                box: box.name,
                              })}
                            >
                              <Tag color={box.onLoan ? 'orange' : undefined} style={{ marginInlineEnd: 0 }}>
                                {box.name}
                                {t('archives.form.box')} · {box.items}
                              </Tag>
                            </Link>
                          ))}
                        </Flex>
                      ))}
                      <Typography.Text type="secondary">
                        {t('archives.room.items', { count: cabinet.items })}
                      </Typography.Text>
                    </Flex>
                  </Card>
                </Col>
              ))}
            </Row>
          </Flex>
        ))
      )}
    </Flex>
  );
}
