import type { CommentResponse, ReflectionResponse } from '@ningxin/shared';
import { CommentCreateBody } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { COMMENT_COLORS } from '../reflectionColors';
import { reflectionKeys, reflectionsApi } from '../reflections.api';

/** A reflection's comments: the shown ones (a reviewer sees all, with show / hide), and a box to comment. */
export function ReflectionComments({ r }: { r: ReflectionResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const { dateTime } = useFormatters();
  const [form] = Form.useForm<{ body: string }>();
  const comments = useQuery({
    queryKey: reflectionKeys.comments(r.id),
    queryFn: () => reflectionsApi.comments(r.id),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: reflectionKeys.one(r.id) });
  const send = useMutation({
    mutationFn: (body: string) => reflectionsApi.comment(r.id, body),
    onSuccess: () => {
      message.success(t('reflections.comments.sent'));
      form.resetFields();
      refresh();
    },
    onError: (error) => onError(error, { form }),
  });
  const moderate = useMutation({
    mutationFn: (v: { id: number; decision: 'approved' | 'rejected' }) =>
      reflectionsApi.moderate(r.id, v.id, { decision: v.decision }),
    onSuccess: () => {
      message.success(t('reflections.comments.moderated'));
      refresh();
    },
    onError: (error) => onError(error, { onConflict: refresh }),
  });

  const actions = (c: CommentResponse) =>
    r.policies.moderate && c.state === 'pending'
      ? [
          <Button
            key="show"
            size="small"
            type="primary"
            onClick={() => moderate.mutate({ id: c.id, decision: 'approved' })}
          >
            {t('reflections.comments.show')}
          </Button>,
          <Button key="hide" size="small" onClick={() => moderate.mutate({ id: c.id, decision: 'rejected' })}>
            {t('reflections.comments.hide')}
          </Button>,
        ]
      : [];

  return (
    <Card size="small" title={t('reflections.comments.title')}>
      {comments.isError ? (
        <LoadError error={comments.error} onRetry={() => void comments.refetch()} />
      ) : (
        <List
          loading={comments.isPending}
          dataSource={comments.data?.items ?? []}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reflections.comments.empty')} />
            ),
          }}
          renderItem={(c) => (
            <List.Item actions={actions(c)} aria-label={c.body}>
              <List.Item.Meta
                title={
                  <Flex gap={8} wrap align="center">
                    <span>{c.authorName}</span>
                    {c.state !== 'approved' ? (
                      <Tag color={COMMENT_COLORS[c.state]}>{c.stateLabel}</Tag>
                    ) : null}
                    <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                      {dateTime(c.createdAt)}
                    </Typography.Text>
                  </Flex>
                }
                description={<Typography.Text style={{ whiteSpace: 'pre-line' }}>{c.body}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      )}
      {r.policies.comment ? (
        <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v.body)} style={{ marginTop: 12 }}>
          <Form.Item
            name="body"
            label={t('reflections.comments.send')}
            rules={[
              { required: true, message: t('common.required') },
              schemaRule(CommentCreateBody.shape.body),
            ]}
          >
            <Input.TextArea rows={2} maxLength={500} placeholder={t('reflections.comments.placeholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={send.isPending}>
            {t('reflections.comments.send')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
