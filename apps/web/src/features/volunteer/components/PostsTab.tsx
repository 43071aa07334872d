import {
  VOLUNTEER_TASK_LABELS,
  VOLUNTEER_TASKS,
  type VolunteerCampaignDetailResponse,
  type VolunteerPostResponse,
  type VolunteerShiftResponse,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { MemberSelect } from '../../members/components/MemberSelect';
import {
  beijingClock,
  type PostInput,
  type ShiftsInput,
  volunteerApi,
  volunteerKeys,
} from '../volunteer.api';

/** 点位与班次: the campaign's posts (task, headcount, leader) and their shifts; add both. */
export function PostsTab({ campaign }: { campaign: VolunteerCampaignDetailResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const manage = campaign.policies.manage;
  const [shiftForm] = Form.useForm<{ postId: number; onDates: string; startTime: string; endTime: string }>();
  const [adding, setAdding] = useState<'post' | 'shifts' | null>(null);
  /** The post being edited in the post dialog (null: a new post). */
  const [editingPost, setEditingPost] = useState<VolunteerPostResponse | null>(null);
  const shifts = useQuery({
    queryKey: volunteerKeys.shifts(campaign.id),
    queryFn: () => volunteerApi.shifts(campaign.id),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: volunteerKeys.one(campaign.id) });
  const addShifts = useMutation({
    mutationFn: (v: ShiftsInput) => volunteerApi.addShifts(campaign.id, v),
    onSuccess: () => {
      message.success(t('volunteer.shifts.added'));
      setAdding(null);
      refresh();
    },
    onError: (e) => onError(e, { form: shiftForm }),
  });
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t('volunteer.posts.title')}
        extra={
          manage ? (
            <Button
              onClick={() => {
                setEditingPost(null);
                setAdding('post');
              }}
            >
              {t('volunteer.posts.add')}
            </Button>
          ) : null
        }
      >
        <Table<VolunteerPostResponse>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={campaign.posts}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('volunteer.posts.name'), dataIndex: 'name' },
            { title: t('volunteer.posts.task'), render: (_, p) => p.taskLabel },
            { title: t('volunteer.posts.address'), responsive: ['md'], render: (_, p) => p.address ?? '—' },
            { title: t('volunteer.posts.headcount'), dataIndex: 'headcount', width: 100 },
            { title: t('volunteer.posts.leader'), render: (_, p) => p.leader?.name ?? '—' },
            ...(manage
              ? [
                  {
                    key: 'edit',
                    width: 80,
                    render: (_: unknown, p: VolunteerPostResponse) => (
                      <Button
                        type="link"
                        size="small"
                        aria-label={`${t('volunteer.posts.edit')} ${p.name}`}
                        onClick={() => {
                          setEditingPost(p);
                          setAdding('post');
                        }}
                      >
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('volunteer.shifts.title')}
        extra={
          manage && campaign.posts.length ? (
            <Button onClick={() => setAdding('shifts')}>{t('volunteer.shifts.add')}</Button>
          ) : null
        }
      >
        <Table<VolunteerShiftResponse>
          rowKey="id"
          size="small"
          loading={shifts.isPending}
          dataSource={shifts.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('volunteer.shifts.day'), dataIndex: 'onDate', width: 110 },
            {
              title: t('volunteer.shifts.window'),
              width: 120,
              render: (_, s) => `${beijingClock(s.startsAt)}–${beijingClock(s.endsAt)}`,
            },
            { title: t('volunteer.posts.name'), render: (_, s) => s.post.name },
            { title: t('volunteer.shifts.filled'), render: (_, s) => `${s.filled}/${s.headcount}` },
            { title: t('volunteer.shifts.checkedOut'), render: (_, s) => s.checkedOut },
            { title: t('volunteer.shifts.served'), render: (_, s) => s.servedCount },
          ]}
        />
      </Card>
      {adding === 'post' ? (
        <PostDialog
          campaignId={campaign.id}
          post={editingPost}
          onClose={() => setAdding(null)}
          onSaved={refresh}
        />
      ) : null}
      <Modal
        open={adding === 'shifts'}
        title={t('volunteer.shifts.add')}
        onCancel={() => setAdding(null)}
        onOk={() => shiftForm.submit()}
        confirmLoading={addShifts.isPending}
        destroyOnHidden
      >
        <Form
          form={shiftForm}
          layout="vertical"
          name="volunteer-shifts"
          initialValues={{ onDates: campaign.startsOn, startTime: '08:00', endTime: '12:00' }}
          onFinish={(v) =>
            addShifts.mutate({
              postId: v.postId,
              onDates: v.onDates.split(/[\s,，]+/).filter(Boolean),
              startTime: v.startTime,
              endTime: v.endTime,
            })
          }
        >
          <Form.Item name="postId" label={t('volunteer.posts.name')} rules={required}>
            <Select options={campaign.posts.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item
            name="onDates"
            label={t('volunteer.shifts.days')}
            rules={required}
            extra={t('volunteer.shifts.daysHint')}
          >
            <Input />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="startTime" label={t('volunteer.shifts.start')} rules={required}>
              <Input type="time" />
            </Form.Item>
            <Form.Item name="endTime" label={t('volunteer.shifts.end')} rules={required}>
              <Input type="time" />
            </Form.Item>
          </Flex>
          <Typography.Text type="secondary">{t('volunteer.shifts.overnight')}</Typography.Text>
        </Form>
      </Modal>
    </Flex>
  );
}

/** 新增 / 编辑点位: a dialog of its own, so each opening starts from the post (or a new one). */
function PostDialog({
  campaignId,
  post,
  onClose,
  onSaved,
}: {
  campaignId: number;
  post: VolunteerPostResponse | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [postForm] = Form.useForm<PostInput>();
  const task = Form.useWatch('task', postForm);
  const required = [{ required: true, message: t('common.required') }];
  const addPost = useMutation({
    mutationFn: (v: PostInput) =>
      post
        ? volunteerApi.updatePost(campaignId, post.id, {
            ...v,
            leaderMemberId: v.leaderMemberId ?? null,
          })
        : volunteerApi.addPost(campaignId, v),
    onSuccess: () => {
      message.success(t(post ? 'volunteer.posts.saved' : 'volunteer.posts.added'));
      onClose();
      onSaved();
    },
    onError: (e) => onError(e, { form: postForm }),
  });
  return (
    <Modal
      open
      title={t(post ? 'volunteer.posts.edit' : 'volunteer.posts.add')}
      onCancel={onClose}
      onOk={() => postForm.submit()}
      confirmLoading={addPost.isPending}
      destroyOnHidden
    >
      <Form
        form={postForm}
        layout="vertical"
        name="volunteer-post"
        initialValues={
          post
            ? {
                name: post.name,
                address: post.address ?? undefined,
                task: post.task,
                customTask: post.customTask ?? undefined,
                headcount: post.headcount,
                leaderMemberId: post.leader?.id,
              }
            : { task: 'traffic', headcount: 5 }
        }
        onFinish={(v) => addPost.mutate(v)}
      >
        <Form.Item name="name" label={t('volunteer.posts.name')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="address" label={t('volunteer.posts.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="task" label={t('volunteer.posts.task')} rules={required}>
          <Select options={VOLUNTEER_TASKS.map((k) => ({ value: k, label: VOLUNTEER_TASK_LABELS[k] }))} />
        </Form.Item>
        {task === 'custom' ? (
          <Form.Item name="customTask" label={t('volunteer.posts.customTask')} rules={required}>
            <Input maxLength={30} />
          </Form.Item>
        ) : null}
        <Form.Item name="headcount" label={t('volunteer.posts.headcount')} rules={required}>
          <InputNumber min={1} max={500} precision={0} />
        </Form.Item>
        <Form.Item name="leaderMemberId" label={t('volunteer.posts.leader')}>
          <MemberSelect placeholder={t('volunteer.pickMember')} valueLabel={post?.leader?.name} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
