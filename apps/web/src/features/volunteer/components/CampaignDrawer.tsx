import type { VolunteerCampaignDetailResponse } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { HostDistrictSelect } from '../../orgs/components/HostDistrictSelect';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { volunteerApi, volunteerKeys } from '../volunteer.api';

interface Values {
  title: string;
  orgId: number;
  partnerName?: string;
  hostDistrict?: string;
  startsOn: string;
  endsOn: string;
  selfSignup: boolean;
  description?: string;
}

/** 新建志愿服务活动: organizer, partner street and its district, period, whether members sign up. */
export function CampaignDrawer({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved?: (c: VolunteerCampaignDetailResponse) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) =>
      volunteerApi.create({
        title: v.title,
        orgId: v.orgId,
        partnerName: v.partnerName ?? null,
        ...(v.hostDistrict ? { hostDistrict: v.hostDistrict } : {}),
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        selfSignup: v.selfSignup,
        description: v.description ?? null,
      }),
    onSuccess: (saved) => {
      message.success(t('volunteer.created'));
      void client.invalidateQueries({ queryKey: volunteerKeys.all });
      onClose();
      onSaved?.(saved);
    },
    onError: (error) => onError(error, { form }),
  });
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormDrawer<Values>
      title={t('volunteer.create')}
      open={open}
      onClose={onClose}
      form={form}
      name="volunteer-campaign"
      width={640}
      initialValues={{ selfSignup: true }}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="title" label={t('volunteer.form.title')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="orgId" label={t('volunteer.form.org')} rules={required}>
        <OrgTreeSelect />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="partnerName" label={t('volunteer.form.partner')}>
            <Input maxLength={100} placeholder="大栅栏街道" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="hostDistrict" label={t('volunteer.form.hostDistrict')}>
            <HostDistrictSelect />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="startsOn" label={t('volunteer.form.startsOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="endsOn" label={t('volunteer.form.endsOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="selfSignup" label={t('volunteer.form.selfSignup')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="description" label={t('volunteer.form.description')}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}
