import { CampaignCreateBody, type CampaignResponse, CITIES } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { findingApi, findingKeys } from '../finding.api';

interface Values {
  name: string;
  orgId?: number;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
  targetCount?: number;
  districts: string[];
  areaNote?: string;
  notes?: string;
  finderIds: number[];
}

const BEIJING = CITIES['110000']?.divisions ?? [];
const iso = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/** 新建行动 / 修改行动: name, org, period, target, districts, areas, the working group. */
export function CampaignFormDrawer({
  campaign,
  open,
  onClose,
  onSaved,
}: {
  campaign: CampaignResponse | null;
  open: boolean;
  onClose: () => void;
  onSaved?: (c: CampaignResponse) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useApiErrorHandler();
  const client = useQueryClient();
  const finders = useQuery({ queryKey: findingKeys.finders, queryFn: findingApi.finders, enabled: open });
  const body = (v: Values) => ({
    name: v.name?.trim() ?? '',
    orgId: v.orgId ?? 0,
    startsOn: iso(v.startsOn),
    endsOn: iso(v.endsOn),
    targetCount: v.targetCount ?? 0,
    districts: v.districts ?? [],
    areaNote: v.areaNote?.trim() || null,
    notes: v.notes?.trim() || null,
    finderIds: v.finderIds ?? [],
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const b = body(v);
      if (!campaign) return findingApi.createCampaign(b);
      const { orgId: _org, ...rest } = b;
      return findingApi.updateCampaign(campaign.id, { ...rest, version: campaign.version });
    },
    onSuccess: (saved) => {
      message.success(t('finding.saved'));
      void client.invalidateQueries({ queryKey: findingKeys.all });
      onClose();
      onSaved?.(saved);
    },
    onError: (e) => showError(e, { form }),
  });
  return (
    <FormDrawer<Values>
      title={campaign ? t('finding.editCampaign') : t('finding.newCampaign')}
      open={open}
      onClose={onClose}
      form={form}
      name="campaign"
      width={640}
      submitting={save.isPending}
      initialValues={
        campaign
          ? {
              name: campaign.name,
              orgId: campaign.org.id,
              startsOn: dayjs(campaign.startsOn),
              endsOn: dayjs(campaign.endsOn),
              targetCount: campaign.targetCount,
              districts: campaign.districts,
              areaNote: campaign.areaNote ?? '',
              notes: campaign.notes ?? '',
              finderIds: campaign.finders.map((f) => f.id),
            }
          : { districts: [], finderIds: [] }
      }
      onFinish={(v) => {
        if (checkWithSchema(form, CampaignCreateBody, body(v))) save.mutate(v);
      }}
    >
      <Form.Item
        label={t('finding.name')}
        name="name"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item
        label={t('finding.org')}
        name="orgId"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <OrgTreeSelect disabled={campaign !== null} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item
            label={t('finding.startsOn')}
            name="startsOn"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            label={t('finding.endsOn')}
            name="endsOn"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={t('finding.target')}
        name="targetCount"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('finding.districts')} name="districts">
        <Select mode="multiple" allowClear options={BEIJING.map((d) => ({ value: d.code, label: d.name }))} />
      </Form.Item>
      <Form.Item label={t('finding.areaNote')} name="areaNote">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item label={t('finding.finders')} name="finderIds">
        <Select
          mode="multiple"
          allowClear
          loading={finders.isLoading}
          optionFilterProp="label"
          options={(finders.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
        />
      </Form.Item>
      <Form.Item label={t('finding.notes')} name="notes">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormDrawer>
  );
}
