import { Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import type { AuditFilters } from '../audit.api';
import { AuditFilterForm } from '../components/AuditFilterForm';
import { AuditTable } from '../components/AuditTable';
import { AuditVerifyButton } from '../components/AuditVerifyButton';
import { useAuditLog } from '../useAuditLog';

/** 审计日志: filter, read page by page, and verify the hash chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const items = log.items;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} className="nx-page-title">
        {t('audit.title')}
      </Typography.Title>
      <Card size="small">
        <AuditFilterForm onChange={setFilters} />
      </Card>
      <AuditVerifyButton />
      <Card size="small">
        {log.isError && !log.data ? (
          <LoadError error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <>
            <AuditTable
              items={items}
              loading={log.isPending || (log.isFetching && !log.isFetchingNextPage)}
            />
            <Flex justify="center" align="center" gap={12} wrap style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">{t('audit.shown', { count: items.length })}</Typography.Text>
              <LoadMoreButton
                hasMore={log.hasNextPage}
                loading={log.isFetchingNextPage}
                onLoad={log.loadMore}
                {...(log.data ? { endText: t('common.noMore') } : {})}
              />
            </Flex>
          </>
        )}
      </Card>
    </Flex>
  );
}
