import type { ScreenTokenCreatedResponse, ScreenTokenItem } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { isApiError } from '../../../lib/api';
import { useFormatters } from '../../../lib/useFormatters';
import { kioskLink, screenApi, screenKeys } from '../screen.api';

/** 大屏链接: the office issues a kiosk link for a screen (shown once), sees when each was last used, revokes. */
export function ScreenLinksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { dateTime } = useFormatters();
  const client = useQueryClient();
  const list = useQuery({ queryKey: screenKeys.tokens, queryFn: screenApi.tokens });
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<ScreenTokenCreatedResponse | null>(null);
  const [form] = Form.useForm<{ label: string }>();
  const issue = useMutation({
    mutationFn: (label: string) => screenApi.issue(label),
    onSuccess: (created) => {
      setIssued(created);
      form.resetFields();
      void client.invalidateQueries({ queryKey: screenKeys.tokens });
    },
  });
  const revoke = useMutation({
    mutationFn: screenApi.revoke,
    onSuccess: () => {
      message.success(t('screen.links.revokedDone'));
      void client.invalidateQueries({ queryKey: screenKeys.tokens });
    },
    onError: (e) => message.error(isApiError(e) ? e.message : String(e)),
  });
  const close = () => {
    setOpen(false);
    setIssued(null);
    issue.reset();
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('screen.links.title')}
        </Typography.Title>
        <Flex gap={8}>
          <Button href="/screen" target="_blank">
            {t('screen.links.open')}
          </Button>
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('screen.links.issue')}
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('screen.links.intro')}
      </Typography.Paragraph>
      <Card size="small">
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ScreenTokenItem>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('screen.links.empty') }}
            columns={[
              { title: t('screen.links.col.label'), dataIndex: 'label' },
              { title: t('screen.links.col.createdBy'), dataIndex: 'createdBy', width: 140 },
              {
                title: t('screen.links.col.createdAt'),
                dataIndex: 'createdAt',
                width: 180,
                render: (v: string) => dateTime(v),
              },
              {
                title: t('screen.links.col.lastUsedAt'),
                dataIndex: 'lastUsedAt',
                width: 180,
                render: (v: string | null) => (v ? dateTime(v) : t('screen.links.never')),
              },
              {
                title: t('screen.links.col.state'),
                key: 'state',
                width: 100,
                render: (_: unknown, r) =>
                  r.revokedAt ? (
                    <Tag>{t('screen.links.revoked')}</Tag>
                  ) : (
                    <Tag color="green">{t('screen.links.active')}</Tag>
                  ),
              },
              {
                key: 'actions',
                width: 90,
                render: (_: unknown, r) =>
                  r.revokedAt ? null : (
                    <Popconfirm title={t('screen.links.revokeConfirm')} onConfirm={() => revoke.mutate(r.id)}>
                      <Button size="small" danger>
                        {t('screen.links.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={open}
        title={issued ? t('screen.links.issued') : t('screen.links.issue')}
        onCancel={close}
        destroyOnHidden
        footer={
          issued ? (
            <Button type="primary" onClick={close}>
              {t('screen.links.done')}
            </Button>
          ) : (
            <Flex justify="end" gap={8}>
              <Button onClick={close}>{t('common.cancel')}</Button>
              <Button type="primary" loading={issue.isPending} onClick={() => form.submit()}>
                {t('screen.links.issue')}
              </Button>
            </Flex>
          )
        }
      >
        {issued ? (
          <Flex vertical gap={12}>
            <Alert type="warning" showIcon title={t('screen.links.issuedHelp')} />
            <Typography.Text strong>{issued.label}</Typography.Text>
            <Typography.Paragraph copyable code data-testid="screen-link" style={{ wordBreak: 'break-all' }}>
              {kioskLink(issued.token)}
            </Typography.Paragraph>
          </Flex>
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => issue.mutate(v.label)}>
            {issue.isError ? (
              <Alert
                type="error"
                style={{ marginBottom: 12 }}
                title={isApiError(issue.error) ? issue.error.message : String(issue.error)}
              />
            ) : null}
            <Form.Item
              name="label"
              label={t('screen.links.label')}
              rules={[{ required: true, whitespace: true, message: t('screen.links.labelPlaceholder') }]}
            >
              <Input maxLength={50} placeholder={t('screen.links.labelPlaceholder')} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Flex>
  );
}
