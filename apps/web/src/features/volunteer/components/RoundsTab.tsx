import type { VolunteerCampaignDetailResponse, VolunteerRoundInput } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { RecordFiles } from '../../files/components/RecordFiles';
import { beijingClock, volunteerApi, volunteerKeys } from '../volunteer.api';
import { IncidentDialog, toInstant } from './IncidentDialog';

/** A datetime-local input's value as an instant (the browser's time zone). */

/** 巡查与情况: supervision rounds, incidents with their photos, and the campaign's photos. */
export function RoundsTab({ campaign }: { campaign: VolunteerCampaignDetailResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const manage = campaign.policies.manage;
  const [adding, setAdding] = useState<'round' | 'incident' | null>(null);
  const [roundForm] = Form.useForm<VolunteerRoundInput>();
  const rounds = useQuery({
    queryKey: volunteerKeys.rounds(campaign.id),
    queryFn: () => volunteerApi.rounds(campaign.id),
  });
  const incidents = useQuery({
    queryKey: volunteerKeys.incidents(campaign.id),
    queryFn: () => volunteerApi.incidents(campaign.id),
  });
  const done = () => {
    message.success(t('volunteer.rounds.saved'));
    setAdding(null);
    void client.invalidateQueries({ queryKey: volunteerKeys.one(campaign.id) });
  };
  const addRound = useMutation({
    mutationFn: (v: VolunteerRoundInput) => volunteerApi.addRound(campaign.id, { ...v, at: toInstant(v.at) }),
    onSuccess: done,
    onError: (e) => onError(e, { form: roundForm }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const posts = campaign.posts.map((p) => ({ value: p.id, label: p.name }));
  const when = (iso: string) => `${iso.slice(0, 10)} ${beijingClock(iso)}`;
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('volunteer.rounds.title')}
        extra={
          manage ? <Button onClick={() => setAdding('round')}>{t('volunteer.rounds.add')}</Button> : null
        }
      >
        {rounds.data?.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
        <List
          size="small"
          loading={rounds.isPending}
          dataSource={rounds.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
          renderItem={(r) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Flex vertical gap={2}>
                <Typography.Text strong>
                  {when(r.at)} · {r.inspector}
                  {r.post ? ` · ${r.post.name}` : ''}
                </Typography.Text>
                <Typography.Text>{r.findings}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <Card
        size="small"
        title={t('volunteer.incidents.title')}
        extra={
          manage ? (
            <Button onClick={() => setAdding('incident')}>{t('volunteer.incidents.add')}</Button>
          ) : null
        }
      >
        {incidents.data?.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
        <List
          size="small"
          loading={incidents.isPending}
          dataSource={incidents.data?.items ?? []}
          renderItem={(i) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Typography.Text strong>
                  <Tag color={i.kind === 'injury' ? 'red' : i.kind === 'hazard' ? 'orange' : 'default'}>
                    {i.kindLabel}
                  </Tag>
                  {when(i.occurredAt)}
                  {i.post ? ` · ${i.post.name}` : ''}
                  {i.member ? ` · ${i.member.name}` : ''}
                </Typography.Text>
                <Typography.Text>{i.description}</Typography.Text>
                <RecordFiles
                  owner={{ ownerType: 'volunteer_incident', ownerId: i.id }}
                  purposes={['photo']}
                />
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('volunteer.rounds.photos')}>
        <RecordFiles owner={{ ownerType: 'volunteer_campaign', ownerId: campaign.id }} purposes={['photo']} />
      </Card>
      <Modal
        open={adding === 'round'}
        title={t('volunteer.rounds.add')}
        onCancel={() => setAdding(null)}
        onOk={() => roundForm.submit()}
        confirmLoading={addRound.isPending}
        destroyOnHidden
      >
        <Form form={roundForm} layout="vertical" name="volunteer-round" onFinish={(v) => addRound.mutate(v)}>
          <Form.Item name="inspector" label={t('volunteer.rounds.inspector')} rules={required}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="at" label={t('volunteer.rounds.at')} rules={required}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="postId" label={t('volunteer.posts.name')}>
            <Select allowClear options={posts} />
          </Form.Item>
          <Form.Item name="findings" label={t('volunteer.rounds.findings')} rules={required}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      {adding === 'incident' ? (
        <IncidentDialog campaignId={campaign.id} posts={campaign.posts} onClose={() => setAdding(null)} />
      ) : null}
    </Flex>
  );
}
