import { ArrowLeftOutlined } from '@ant-design/icons';
import { NoticeCreateBody, type NoticeCreateInput, ROLE_ACTIONS } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { hasPermission } from '../../auth/auth.api';
import { useCurrentUser } from '../../auth/useMe';
import { NoticeTargetFields } from '../components/NoticeTargetFields';
import { RichTextEditor } from '../components/RichTextEditor';
import { noticeKeys, noticesApi } from '../notices.api';

interface ComposeValues {
  title?: string;
  bodyHtml?: string;
  target?: { orgIds?: number[]; roles?: NoticeCreateInput['target']['roles']; memberIds?: number[] };
  publishAt?: Dayjs | null;
  replyBy?: Dayjs | null;
}

/** 发通知: title, rich text, who it goes to, and when. */
export function NoticeComposePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<ComposeValues>();
  const wholeCommittee = me.roles.some(
    (r) => r.scope.kind === 'all' && ROLE_ACTIONS[r.role].includes('notice.send'),
  );
  const create = useMutation({
    mutationFn: noticesApi.create,
    onSuccess: (notice) => {
      void queryClient.invalidateQueries({ queryKey: noticeKeys.all });
      message.success(
        notice.state === 'scheduled'
          ? t('notices.form.scheduled', { time: fmt.dateTime(notice.publishAt) })
          : t('notices.form.sent', { count: notice.counts?.recipients ?? 0 }),
      );
      navigate(`/notices/${notice.id}`);
    },
    onError: (error) => onError(error, { form }),
  });

  const submit = (v: ComposeValues) => {
    const body: NoticeCreateInput = {
      title: v.title ?? '',
      bodyHtml: v.bodyHtml ?? '',
      target: {
        orgIds: v.target?.orgIds ?? [],
        roles: v.target?.roles ?? [],
        memberIds: v.target?.memberIds ?? [],
      },
      ...(v.publishAt ? { publishAt: v.publishAt.toISOString() } : {}),
      ...(v.replyBy ? { replyBy: v.replyBy.toISOString() } : {}),
    };
    if (!checkWithSchema(form, NoticeCreateBody, body)) return;
    create.mutate(body);
  };

  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex align="center" gap={8} wrap>
        <Link to="/notices" aria-label={t('notices.detail.back')}>
          <ArrowLeftOutlined aria-hidden />
        </Link>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('notices.compose')}
        </Typography.Title>
      </Flex>
      <Card size="small">
        <Form<ComposeValues> form={form} layout="vertical" onFinish={submit}>
          <Form.Item label={t('notices.form.title')} name="title" required>
            <Input maxLength={100} showCount />
          </Form.Item>
          <Form.Item label={t('notices.form.body')} name="bodyHtml" required>
            <RichTextEditor />
          </Form.Item>
          <Typography.Title level={5}>{t('notices.form.targets')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('notices.form.targetsHelp')}</Typography.Paragraph>
          <NoticeTargetFields
            wholeCommittee={wholeCommittee}
            canSearchMembers={hasPermission(me, 'member.read')}
          />
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('notices.form.publishAt')}
                name="publishAt"
                extra={t('notices.form.publishAtHelp')}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('notices.form.replyBy')} name="replyBy">
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('notices.form.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
