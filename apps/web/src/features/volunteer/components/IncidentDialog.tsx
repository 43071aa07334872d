import {
  VOLUNTEER_INCIDENT_KIND_LABELS,
  VOLUNTEER_INCIDENT_KINDS,
  type VolunteerIncidentInput,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { volunteerApi, volunteerKeys } from '../volunteer.api';

/** A `datetime-local` value (Beijing wall clock in the browser's zone) as an instant. */
export const toInstant = (local: string) => new Date(local).toISOString();

/** The browser's local wall clock now, as a `datetime-local` value. */
const nowLocal = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * 登记情况: an incident or note at a campaign (injury, hazard found …). At the desk the post is
 * picked among the campaign's; the post leader's phone passes their post, fixed.
 */
export function IncidentDialog({
  campaignId,
  posts,
  onClose,
}: {
  campaignId: number;
  /** The posts to pick from; one post means it is fixed. */
  posts: { id: number; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [form] = Form.useForm<VolunteerIncidentInput>();
  const fixed = posts.length === 1 ? posts[0] : undefined;
  const add = useMutation({
    mutationFn: (v: VolunteerIncidentInput) =>
      volunteerApi.addIncident(campaignId, { ...v, occurredAt: toInstant(v.occurredAt) }),
    onSuccess: () => {
      message.success(t('volunteer.rounds.saved'));
      onClose();
      void client.invalidateQueries({ queryKey: volunteerKeys.one(campaignId) });
    },
    onError: (e) => onError(e, { form }),
  });
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal
      open
      title={t('volunteer.incidents.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="volunteer-incident"
        initialValues={{ kind: 'hazard', occurredAt: nowLocal(), postId: fixed?.id }}
        onFinish={(v) => add.mutate(v)}
      >
        <Form.Item name="kind" label={t('volunteer.incidents.kind')} rules={required}>
          <Select
            options={VOLUNTEER_INCIDENT_KINDS.map((k) => ({
              value: k,
              label: VOLUNTEER_INCIDENT_KIND_LABELS[k],
            }))}
          />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('volunteer.incidents.at')} rules={required}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="postId" label={t('volunteer.posts.name')}>
          <Select
            allowClear={!fixed}
            disabled={!!fixed}
            options={posts.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('volunteer.incidents.description')} rules={required}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
