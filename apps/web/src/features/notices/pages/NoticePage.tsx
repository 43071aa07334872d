import { ArrowLeftOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Divider, Flex, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useLabels } from '../../../app/i18n/useLabels';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useFormatters } from '../../../lib/useFormatters';
import { NoticeAttachments } from '../components/NoticeAttachments';
import { NoticeBody } from '../components/NoticeBody';
import { NoticeReceipts } from '../components/NoticeReceipts';
import { inboxKeys, noticeKeys, noticesApi } from '../notices.api';

/** A notice: its text and attachments for everyone it reached; its receipts for its sender. */
export function NoticePage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const notice = useQuery({ queryKey: noticeKeys.detail(id), queryFn: () => noticesApi.get(id) });
  // Opening it marked it read: the bell's count changes.
  const readAt = notice.data?.myReceipt?.readAt;
  useEffect(() => {
    if (readAt) void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
  }, [readAt, queryClient]);
  if (notice.isPending) return <PageSpinner />;
  if (notice.isError) return <LoadError error={notice.error} onRetry={() => void notice.refetch()} />;
  const n = notice.data;
  const published = n.state === 'published';
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex align="flex-start" gap={8}>
        {n.policies.viewReceipts || n.policies.update ? (
          <Link to="/notices" aria-label={t('notices.detail.back')} style={{ marginTop: 6 }}>
            <ArrowLeftOutlined aria-hidden />
          </Link>
        ) : null}
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {n.title}
        </Typography.Title>
      </Flex>
      <Space size={[8, 4]} wrap>
        <Tag color={published ? 'green' : 'blue'}>{t(`notices.state.${n.state}`)}</Tag>
        {n.myReceipt?.readAt && (
          <Tag icon={<CheckCircleOutlined aria-hidden />} color="success">
            {t('notices.detail.readAt', { time: fmt.dateTime(n.myReceipt.readAt) })}
          </Tag>
        )}
      </Space>
      {!published && (
        <Alert
          type="info"
          showIcon
          message={t('notices.detail.scheduledNote', { time: fmt.dateTime(n.publishAt) })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={n.counts ? 15 : 24}>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 's', label: t('notices.detail.sender'), children: n.sender.name },
                ...(n.senderOrg
                  ? [{ key: 'o', label: t('notices.detail.senderOrg'), children: n.senderOrg.name }]
                  : []),
                {
                  key: 'p',
                  label: published ? t('notices.detail.publishedAt') : t('notices.detail.publishAt'),
                  children: fmt.dateTime(n.publishedAt ?? n.publishAt),
                },
                ...(n.replyBy
                  ? [{ key: 'r', label: t('notices.detail.replyBy'), children: fmt.dateTime(n.replyBy) }]
                  : []),
              ]}
            />
            <Divider style={{ margin: '8px 0 12px' }} />
            <NoticeBody html={n.bodyHtml} />
            <Divider style={{ margin: '12px 0' }} />
            <NoticeAttachments noticeId={n.id} />
          </Card>
        </Col>
        {n.counts && (
          <Col xs={24} lg={9}>
            <Card size="small" title={t('notices.col.read')}>
              <Row gutter={8} style={{ marginBottom: 12 }}>
                <Col span={8}>
                  <Statistic title={t('notices.detail.recipients')} value={n.counts.recipients} />
                </Col>
                <Col span={8}>
                  <Statistic
                    title={t('notices.detail.read')}
                    value={n.counts.read}
                    valueStyle={{ color: '#389e0d' }}
                  />
                </Col>
                <Col span={8}>
                  <Statistic
                    title={t('notices.detail.unread')}
                    value={n.counts.unread}
                    valueStyle={n.counts.unread ? { color: '#cf1322' } : undefined}
                  />
                </Col>
              </Row>
              {n.target && (
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 't',
                      label: t('notices.detail.target'),
                      children: (
                        <Space size={[4, 4]} wrap>
                          {n.target.orgs.map((o) => (
                            <Tag key={`o${o.id}`}>{o.name}</Tag>
                          ))}
                          {n.target.roles.map((r) => (
                            <Tag key={r.role} color="purple">
                              {labels.role(r.role, r.label)}
                            </Tag>
                          ))}
                          {n.target.members.map((m) => (
                            <Tag key={`m${m.id}`} color="cyan">
                              {m.name}
                            </Tag>
                          ))}
                        </Space>
                      ),
                    },
                  ]}
                />
              )}
            </Card>
          </Col>
        )}
      </Row>
      {n.policies.viewReceipts && (
        <Card size="small" title={t('notices.detail.receipts')}>
          <NoticeReceipts notice={n} />
        </Card>
      )}
    </Flex>
  );
}
