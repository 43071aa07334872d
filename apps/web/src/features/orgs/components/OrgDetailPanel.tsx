import { Alert, Breadcrumb, Card, Empty, Flex, Skeleton, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { LoadError } from '../../../components/LoadError';
import { isApiError } from '../../../lib/api';
import { useFormatters } from '../../../lib/useFormatters';
import { useOrg } from '../useOrg';
import { OrgActions } from './OrgActions';
import { OrgFacts } from './OrgFacts';
import { PositionsTable } from './PositionsTable';

interface OrgDetailPanelProps {
  id: number | null;
  onSelect: (id: number) => void;
}

/** The selected org: where it sits, its facts and warnings, what the user may do, its positions. */
export function OrgDetailPanel({ id, onSelect }: OrgDetailPanelProps) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useLabels();
  const query = useOrg(id);
  if (id === null) {
    return (
      <Card>
        <Empty description={t('orgs.selectHint')} />
      </Card>
    );
  }
  if (query.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (query.isError) {
    const notFound = isApiError(query.error) && query.error.status === 404;
    return (
      <Card>
        {notFound ? (
          <Empty description={query.error.message} />
        ) : (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Card>
    );
  }
  const org = query.data;
  const closed = org.status === 'closed';
  return (
    <Spin spinning={query.isPlaceholderData} delay={150}>
      <Flex vertical gap={16}>
        <Card size="small">
          {org.ancestors.length > 0 && (
            <Breadcrumb
              items={[
                ...org.ancestors.map((a) => ({
                  key: a.id,
                  title: (
                    <Typography.Link
                      href={`?org=${a.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onSelect(a.id);
                      }}
                    >
                      {a.name}
                    </Typography.Link>
                  ),
                })),
                { key: org.id, title: org.name },
              ]}
              style={{ marginBottom: 8 }}
            />
          )}
          <Flex wrap gap={8} align="center" justify="space-between">
            <Space wrap size={8} align="center">
              <Typography.Title level={3} style={{ margin: 0, fontSize: 20 }}>
                {org.name}
              </Typography.Title>
              <Tag color="red" variant="filled">
                {labels.orgKind(org.kind, org.kindLabel)}
              </Tag>
              {closed ? <Tag>{t('orgs.closedTag')}</Tag> : <Tag color="green">{t('orgs.activeTag')}</Tag>}
            </Space>
            {!closed && <OrgActions org={org} onSelect={onSelect} />}
          </Flex>
          {closed && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              title={t('orgs.closedAtValue', { time: fmt.dateTime(org.closedAt) })}
              description={
                org.closedReason ? t('orgs.closedReasonValue', { reason: org.closedReason }) : undefined
              }
            />
          )}
          {org.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon title={w} style={{ marginTop: 12 }} />
          ))}
          <OrgFacts org={org} />
        </Card>
        <PositionsTable org={org} />
      </Flex>
    </Spin>
  );
}
