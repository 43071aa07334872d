import { DownloadOutlined, FilePdfOutlined, SendOutlined } from '@ant-design/icons';
import { divisionName, type FeedbackItem, FeedbackUpdateBody } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useCursorList } from '../../../lib/useCursorList';
import { useFormatters } from '../../../lib/useFormatters';
import { hasPermission } from '../../auth/auth.api';
import { useCurrentUser } from '../../auth/useMe';
import { DivisionSelect } from '../../meta/DivisionSelect';
import { contactKeys, contactsApi, feedbackPdfUrl, feedbackWorkbookUrl } from '../contacts.api';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear - i);

function CommentModal({ item, onClose }: { item: FeedbackItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ comment: string }>();
  const save = useMutation({
    mutationFn: (comment: string | null) =>
      contactsApi.comment(item.member.id, item.year, comment, item.version),
    onSuccess: () => {
      message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
      onClose();
    },
    onError: (e) =>
      onError(e, {
        form,
        onConflict: () => {
          void queryClient.invalidateQueries({ queryKey: contactKeys.all });
          onClose();
        },
      }),
  });
  return (
    <Modal
      open
      title={t('contacts.feedback.editTitle', { name: item.member.name, year: item.year })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ comment: item.comment ?? '' }}
        onFinish={(v) =>
          checkWithSchema(form, FeedbackUpdateBody, { comment: v.comment, version: item.version }) &&
          save.mutate(v.comment?.trim() ? v.comment : null)
        }
      >
        <Form.Item name="comment" label={t('contacts.feedback.comment')}>
          <Input.TextArea rows={5} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Figures({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const f = item.figures;
  const parts = [
    `${t('contacts.feedback.meetings')} ${t('contacts.feedback.unitTimes', { n: f.meetings })}`,
    `${t('contacts.feedback.studyHours')} ${t('contacts.feedback.unitClassHours', { n: f.studyHours })}`,
    `${t('contacts.feedback.volunteerHours')} ${t('contacts.feedback.unitHours', { n: f.volunteerHours })}`,
    `${t('contacts.feedback.contributions')} ${t('contacts.feedback.unitItems', { n: f.contributions })}`,
    `${t('contacts.feedback.honours')} ${t('contacts.feedback.unitTimes', { n: f.honours })}`,
    `${t('contacts.feedback.care')} ${t('contacts.feedback.unitTimes', { n: f.care })}`,
    `${t('contacts.feedback.evaluation')} ${f.evaluation ?? '—'}`,
    t('reflections.inFeedback', { n: f.reflections }),
  ];
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {parts.join(' · ')}
    </Typography.Text>
  );
}

/**
 * 现实表现反馈: a year's figures of the members of a home county (from the 履历) with the org's
 * comment; a PDF per member, the county's workbook, and the send that tells the county.
 */
export function FeedbackPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const me = useCurrentUser();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = YEARS.includes(asked) ? asked : thisYear - 1;
  const county = params.get('county') || null;
  const [editing, setEditing] = useState<FeedbackItem | null>(null);
  const list = useCursorList(contactKeys.feedback(year, county), (cursor: string | undefined, signal) =>
    contactsApi.feedback(year, county, cursor, signal),
  );
  const set = (next: { year?: number; county?: string | null }) => {
    const y = next.year ?? year;
    const c = next.county === undefined ? county : next.county;
    setParams({ year: String(y), ...(c ? { county: c } : {}) }, { replace: true });
  };
  const send = useMutation({
    mutationFn: () => contactsApi.send(year, county!),
    onSuccess: (r) => {
      message.success(t('contacts.feedback.sent', { count: r.members, recipients: r.recipients }));
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
    },
    onError: (e) => onError(e),
  });
  const canSend = hasPermission(me, 'feedback.write');
  const countyName = county ? (divisionName(county) ?? county) : '';
  return (
    <Flex vertical gap={16} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('contacts.feedback.title')}
      </Typography.Title>
      <Flex gap={8} wrap align="center">
        <Select<number>
          aria-label={t('contacts.feedback.year')}
          value={year}
          onChange={(y) => set({ year: y })}
          options={YEARS.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 100 }}
        />
        <DivisionSelect
          side="home"
          aria-label={t('contacts.feedback.county')}
          placeholder={t('contacts.feedback.allCounties')}
          value={county ?? undefined}
          onChange={(v) => set({ county: (v as string | undefined) ?? null })}
          style={{ minWidth: 160 }}
        />
        {county ? (
          <>
            <Button icon={<DownloadOutlined aria-hidden />} href={feedbackWorkbookUrl(year, county)}>
              {t('contacts.feedback.workbook')}
            </Button>
            {canSend && (
              <Button
                type="primary"
                icon={<SendOutlined aria-hidden />}
                loading={send.isPending}
                onClick={() =>
                  modal.confirm({
                    title: t('contacts.feedback.send'),
                    content: t('contacts.feedback.sendConfirm', { county: countyName, year }),
                    okText: t('common.confirm'),
                    cancelText: t('common.cancel'),
                    onOk: () => send.mutate(),
                  })
                }
              >
                {t('contacts.feedback.send')}
              </Button>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{t('contacts.feedback.pickCounty')}</Typography.Text>
        )}
        {list.firstPage && (
          <Typography.Text type="secondary">
            {t('contacts.feedback.total', { count: list.firstPage.total })}
          </Typography.Text>
        )}
      </Flex>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          {!list.isPending && list.items.length === 0 && <Empty />}
          {list.items.map((item) => (
            <Card size="small" key={item.member.id} data-testid="feedback-row">
              <Flex justify="space-between" gap={8} wrap>
                <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
                  <Flex gap={8} wrap align="center">
                    <Link to={`/members/${item.member.id}`}>
                      <Typography.Text strong>{item.member.name}</Typography.Text>
                    </Link>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {[item.member.homeCountyName, item.member.hostDistrictName].filter(Boolean).join(' → ')}{' '}
                      · {item.member.orgName}
                    </Typography.Text>
                    {item.sentAt ? (
                      <Tag color="green">
                        {t('contacts.feedback.sentAt')} {fmt.date(item.sentAt)}
                      </Tag>
                    ) : (
                      <Tag>{t('contacts.feedback.notSent')}</Tag>
                    )}
                  </Flex>
                  <Figures item={item} />
                  <Typography.Paragraph style={{ margin: 0 }} type={item.comment ? undefined : 'secondary'}>
                    {t('contacts.feedback.comment')}：{item.comment ?? t('contacts.feedback.noComment')}
                  </Typography.Paragraph>
                </Flex>
                <Flex gap={4} wrap align="flex-start">
                  {item.canWrite && (
                    <Button size="small" onClick={() => setEditing(item)}>
                      {t('contacts.feedback.edit')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    icon={<FilePdfOutlined aria-hidden />}
                    href={feedbackPdfUrl(item.member.id, item.year)}
                    aria-label={`${t('contacts.feedback.pdf')} ${item.member.name}`}
                  >
                    {t('contacts.feedback.pdf')}
                  </Button>
                </Flex>
              </Flex>
            </Card>
          ))}
          <LoadMoreButton
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoad={list.loadMore}
          />
        </Flex>
      )}
      {editing && <CommentModal item={editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
