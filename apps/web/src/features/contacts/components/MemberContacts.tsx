import { PlusOutlined } from '@ant-design/icons';
import type { ContactItem } from '@ningxin/shared';
import { Button, Card, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { useCursorList } from '../../../lib/useCursorList';
import { useFormatters } from '../../../lib/useFormatters';
import { contactKeys, contactsApi } from '../contacts.api';
import { ContactFormModal } from './ContactFormModal';

const RESULT_COLORS: Record<ContactItem['result'], string> = {
  reached: 'green',
  not_reached: 'red',
  note: 'gray',
};

/** 联系记录 on the member page: what every side logged, newest first, and the form to add one. */
export function MemberContacts({ memberId, memberName }: { memberId: number; memberName: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [adding, setAdding] = useState(false);
  const log = useCursorList(contactKeys.log(memberId), (cursor: string | undefined, signal) =>
    contactsApi.log(memberId, cursor, signal),
  );
  const first = log.firstPage;
  return (
    <Card
      size="small"
      title={t('contacts.log')}
      extra={
        first?.canWrite && (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('contacts.addShort')}
          </Button>
        )
      }
    >
      {log.isError ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : log.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {first?.lastContactAt
              ? t('contacts.lastContact', { date: fmt.date(first.lastContactAt) })
              : t('contacts.never')}
          </Typography.Text>
          {log.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contacts.empty')} />
          ) : (
            <Timeline
              items={log.items.map((c) => ({
                key: c.id,
                color: RESULT_COLORS[c.result],
                children: (
                  <Flex vertical gap={2} data-testid="contact-entry">
                    <Flex gap={8} wrap align="center">
                      <Typography.Text strong>{fmt.date(c.contactedOn)}</Typography.Text>
                      <span>{t(`contacts.methods.${c.method}`)}</span>
                      {c.result !== 'note' && (
                        <Tag color={RESULT_COLORS[c.result]}>{t(`contacts.results.${c.result}`)}</Tag>
                      )}
                    </Flex>
                    {c.note && <Typography.Paragraph style={{ margin: 0 }}>{c.note}</Typography.Paragraph>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('contacts.by', {
                        side: t(`contacts.sides.${c.side}`),
                        name: c.by?.name ?? t('common.system'),
                      })}
                    </Typography.Text>
                  </Flex>
                ),
              }))}
            />
          )}
          <LoadMoreButton hasMore={log.hasNextPage} loading={log.isFetchingNextPage} onLoad={log.loadMore} />
        </Flex>
      )}
      {adding && (
        <ContactFormModal
          memberId={memberId}
          memberName={memberName}
          open={adding}
          onClose={() => setAdding(false)}
        />
      )}
    </Card>
  );
}
