import type { OverviewCount } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { useCursorList } from '../../../lib/useCursorList';
import { hasPermission } from '../../auth/auth.api';
import { useCurrentUser } from '../../auth/useMe';
import { ContactFormModal } from '../components/ContactFormModal';
import { MemberRowCard } from '../components/MemberRowCard';
import { YearActivity } from '../components/YearActivity';
import { contactKeys, contactsApi } from '../contacts.api';

function Counts({ title, items }: { title: string; items: OverviewCount[] }) {
  return (
    <Card size="small" title={title}>
      <Flex gap={6} wrap>
        {items.slice(0, 16).map((c) => (
          <Tag key={c.key}>
            {c.name} {c.count}
          </Tag>
        ))}
      </Flex>
    </Card>
  );
}

/**
 * 双重管理: the home side sees the members whose home is its county, the host side those living in
 * its district (the office and secretaries their scope): where they are, status, last contact, this
 * year's deeds. Records are read-only here; a contact or a note can be added for the committee.
 */
export function CoManagementPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const [contacting, setContacting] = useState<{ id: number; name: string } | null>(null);
  const overview = useQuery({ queryKey: contactKeys.overview, queryFn: contactsApi.overview });
  const query = search ? { q: search } : {};
  const list = useCursorList(contactKeys.members(query), (cursor: string | undefined, signal) =>
    contactsApi.members(query, cursor, signal),
  );
  const o = overview.data;
  const isHome = me.roles.some((a) => a.role === 'home_viewer');
  return (
    <Flex vertical gap={16} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('contacts.co.title')}
      </Typography.Title>
      <Alert type="info" showIcon message={t('contacts.co.readOnly')} />
      {overview.isError ? (
        <LoadError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        o && (
          <>
            <Row gutter={[12, 12]}>
              <Col xs={8}>
                <Card size="small">
                  <Statistic title={t('contacts.co.total')} value={o.total} />
                </Card>
              </Col>
              <Col xs={8}>
                <Card size="small">
                  <Statistic
                    title={t('contacts.co.recent', { days: o.recentDays })}
                    value={o.contactedRecently}
                  />
                </Card>
              </Col>
              <Col xs={8}>
                <Card size="small">
                  <Statistic title={t('contacts.co.openFlags')} value={o.openFlags} />
                </Card>
              </Col>
            </Row>
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={8}>
                <Counts title={t('contacts.co.byStatus')} items={o.byStatus} />
              </Col>
              <Col xs={24} lg={8}>
                <Counts
                  title={isHome ? t('contacts.co.byHost') : t('contacts.co.byHome')}
                  items={isHome ? o.byHostDistrict : o.byHomeCounty}
                />
              </Col>
              <Col xs={24} lg={8}>
                <Counts
                  title={isHome ? t('contacts.co.byHome') : t('contacts.co.byHost')}
                  items={isHome ? o.byHomeCounty : o.byHostDistrict}
                />
              </Col>
            </Row>
          </>
        )
      )}
      <Input.Search
        allowClear
        placeholder={t('contacts.co.search')}
        aria-label={t('contacts.co.search')}
        onSearch={(v) => setSearch(v.trim())}
        style={{ maxWidth: 360 }}
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          {!list.isPending && list.items.length === 0 && <Empty />}
          {list.items.map((m) => (
            <MemberRowCard
              key={m.id}
              member={m}
              extra={
                <>
                  <YearActivity memberId={m.id} />
                  {hasPermission(me, 'contact.write') && (
                    <Button size="small" onClick={() => setContacting({ id: m.id, name: m.name })}>
                      {t('contacts.lost.contact')}
                    </Button>
                  )}
                </>
              }
            />
          ))}
          <LoadMoreButton
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoad={list.loadMore}
          />
        </Flex>
      )}
      {contacting && (
        <ContactFormModal
          memberId={contacting.id}
          memberName={contacting.name}
          open
          onClose={() => setContacting(null)}
        />
      )}
    </Flex>
  );
}
