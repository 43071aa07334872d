import {
  localIsoDate,
  PROJECT_STAGE_LABELS,
  PROJECT_STAGES,
  type ProjectDetailResponse,
  type ProjectResponse,
  type ProjectStage,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { DivisionSelect } from '../../meta/DivisionSelect';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { MembersPicker } from '../../trainings/components/MembersPicker';
import { hometownApi, hometownKeys } from '../hometown.api';
import { moneyPattern, wanInput } from '../money';

interface Values {
  name: string;
  industry: string;
  countyCode: string;
  park?: string;
  enterprises?: string[];
  stage: ProjectStage;
  stageOn: string;
  signedOn?: string;
  signedWan: string;
  actualWan?: string;
  orgId: number;
  introducerIds?: number[];
  note?: string;
}

/** 登记 / 修改引进项目: amounts in 万元 as typed (sent as text, kept to the fen). */
export function ProjectDrawer({
  open,
  onClose,
  editing,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  editing?: ProjectResponse | null;
  onSaved?: (p: ProjectDetailResponse) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        name: v.name,
        industry: v.industry,
        countyCode: v.countyCode,
        park: v.park ?? null,
        enterprises: v.enterprises ?? [],
        signedOn: v.signedOn || null,
        signedWan: v.signedWan,
        actualWan: v.actualWan || '0',
        introducerIds: v.introducerIds ?? [],
        note: v.note ?? null,
      };
      return editing
        ? hometownApi.updateProject(editing.id, { ...common, version: editing.version })
        : hometownApi.createProject({ ...common, stage: v.stage, stageOn: v.stageOn, orgId: v.orgId });
    },
    onSuccess: (saved) => {
      message.success(editing ? t('hometown.saved') : t('hometown.created'));
      void client.invalidateQueries({ queryKey: hometownKeys.all });
      onClose();
      onSaved?.(saved);
    },
    onError: (error) =>
      onError(error, {
        form,
        onConflict: () => void client.invalidateQueries({ queryKey: hometownKeys.all }),
      }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const money = [
    ...required,
    { pattern: moneyPattern(6), message: t('hometown.moneyHelp', { unit: t('hometown.wan') }) },
  ];
  const initial: Partial<Values> = editing
    ? {
        name: editing.name,
        industry: editing.industry,
        countyCode: editing.county.code,
        park: editing.park ?? undefined,
        enterprises: editing.enterprises,
        stage: editing.stage,
        signedOn: editing.signedOn ?? undefined,
        signedWan: wanInput(editing.signedFen),
        actualWan: wanInput(editing.actualFen),
        orgId: editing.org.id,
        introducerIds: editing.introducers.map((i) => i.id),
        note: editing.note ?? undefined,
      }
    : { stage: 'signed', stageOn: localIsoDate(new Date()), actualWan: '0' };
  return (
    <FormDrawer<Values>
      title={editing ? t('hometown.edit') : t('hometown.projects.create')}
      open={open}
      onClose={onClose}
      form={form}
      name="project"
      width={640}
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="name" label={t('hometown.projects.form.name')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="countyCode" label={t('hometown.projects.form.county')} rules={required}>
            <DivisionSelect side="home" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="industry" label={t('hometown.projects.form.industry')} rules={required}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="park" label={t('hometown.projects.form.park')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="enterprises"
        label={t('hometown.projects.form.enterprises')}
        extra={t('hometown.projects.form.enterprisesHelp')}
      >
        <Select mode="tags" open={false} suffixIcon={null} />
      </Form.Item>
      {editing ? null : (
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="stage" label={t('hometown.projects.form.stage')} rules={required}>
              <Select options={PROJECT_STAGES.map((s) => ({ value: s, label: PROJECT_STAGE_LABELS[s] }))} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="stageOn" label={t('hometown.projects.form.stageOn')} rules={required}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="signedOn" label={t('hometown.projects.form.signedOn')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="signedWan" label={t('hometown.projects.form.signedWan')} rules={money}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="actualWan" label={t('hometown.projects.form.actualWan')} rules={money}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      </Row>
      {editing ? null : (
        <Form.Item name="orgId" label={t('hometown.org')} rules={required}>
          <OrgTreeSelect />
        </Form.Item>
      )}
      <Form.Item name="introducerIds" label={t('hometown.projects.form.introducers')}>
        <MembersPicker placeholder={t('hometown.projects.form.introducersPlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('hometown.note')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}
