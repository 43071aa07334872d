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
  coOrgIds?: number[];
  audienceOrgIds?: number[];
}

/**
 * 新建 / 编辑志愿服务活动: organizer (fixed once created) and co-organizers, partner street and its
 * district, period, whether members sign up and who may.
 */
export function CampaignDrawer({
  open,
  editing = null,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing?: VolunteerCampaignDetailResponse | null;
  onClose: () => void;
  onSaved?: (c: VolunteerCampaignDetailResponse) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const fields = {
        title: v.title,
        partnerName: v.partnerName || null,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        selfSignup: v.selfSignup,
        description: v.description || null,
        coOrgIds: v.coOrgIds ?? [],
        audienceOrgIds: v.audienceOrgIds ?? [],
      };
      return editing
        ? volunteerApi.update(editing.id, {
            ...fields,
            hostDistrict: v.hostDistrict ?? null,
            version: editing.version,
          })
        : volunteerApi.create({
            ...fields,
            orgId: v.orgId,
            ...(v.hostDistrict ? { hostDistrict: v.hostDistrict } : {}),
          });
    },
    onSuccess: (saved) => {
      message.success(t(editing ? 'volunteer.updated' : 'volunteer.created'));
      void client.invalidateQueries({ queryKey: volunteerKeys.all });
      onClose();
      onSaved?.(saved);
    },
    onError: (error) => onError(error, { form }),
  });
  const required = [{ required: true, message: t('common.required') }];
  return (
    <FormDrawer<Values>
      title={t(editing ? 'volunteer.edit' : 'volunteer.create')}
      open={open}
      onClose={onClose}
      form={form}
      name="volunteer-campaign"
      width={640}
      initialValues={
        editing
          ? {
              title: editing.title,
              orgId: editing.org.id,
              partnerName: editing.partnerName ?? undefined,
              hostDistrict: editing.hostDistrict ?? undefined,
              startsOn: editing.startsOn,
              endsOn: editing.endsOn,
              selfSignup: editing.selfSignup,
              description: editing.description ?? undefined,
              coOrgIds: editing.coOrgs.map((o) => o.id),
              audienceOrgIds: editing.audienceOrgs.map((o) => o.id),
            }
          : { selfSignup: true }
      }
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="title" label={t('volunteer.form.title')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="orgId"
        label={t('volunteer.form.org')}
        rules={required}
        extra={editing ? t('volunteer.form.orgFixed') : undefined}
      >
        <OrgTreeSelect disabled={!!editing} />
      </Form.Item>
      <Form.Item name="coOrgIds" label={t('volunteer.form.coOrgs')}>
        <OrgTreeSelect multiple treeCheckable={false} />
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
      <Form.Item
        name="audienceOrgIds"
        label={t('volunteer.form.audienceOrgs')}
        extra={t('volunteer.form.audienceOrgsHelp')}
      >
        <OrgTreeSelect multiple treeCheckable={false} />
      </Form.Item>
      <Form.Item name="description" label={t('volunteer.form.description')}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}
