import { REQUIRED_MEETING_LABELS } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { type BoardFilters, complianceApi, complianceKeys } from '../compliance.api';
import { percent } from '../complianceDisplay';

/** The behind tab: the branches behind schedule, with the types they miss. */
export function BehindTab({ filters, onOpen }: { filters: BoardFilters; onOpen: (orgId: number) => void }) {
  const { t } = useTranslation();
  const behind = useQuery({
    queryKey: complianceKeys.behind(filters),
    queryFn: () => complianceApi.behind(filters),
  });
  if (behind.isError) return <LoadError error={behind.error} onRetry={() => void behind.refetch()} />;
  return (
    <List
      loading={behind.isPending}
      dataSource={behind.data?.items ?? []}
      locale={{ emptyText: t('compliance.behind.empty') }}
      data-testid="behind-list"
      renderItem={(b) => (
        <List.Item
          key={b.orgId}
          extra={<Typography.Text type="danger">{percent(b.completionRate)}</Typography.Text>}
        >
          <Flex vertical gap={4}>
            <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(b.orgId)}>
              {b.name}
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {b.committeeName}
            </Typography.Text>
            <Flex wrap gap={4}>
              {b.behind.map((type) => (
                <Tag key={type} color="error">
                  {REQUIRED_MEETING_LABELS[type]}
                </Tag>
              ))}
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}
