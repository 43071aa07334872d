import {
  TRAINING_KIND_LABELS,
  TRAINING_KINDS,
  type TrainingCreateInput,
  type TrainingResponse,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { AudienceFields } from '../../orgs/components/AudienceFields';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { trainingKeys, trainingsApi } from '../trainings.api';

interface Values {
  title: string;
  kind: TrainingCreateInput['kind'];
  orgId: number;
  startsOn: string;
  endsOn: string;
  place?: string;
  description?: string;
  quota: number;
  audienceOrgIds?: number[];
  audiencePositions?: TrainingCreateInput['audiencePositions'];
  enrolOpensAt?: string;
  enrolClosesAt?: string;
  studyHours: number;
  costYuan?: number | null;
}

/** `2026-05-01T09:00` (a datetime-local input) as an instant with its offset; empty as null. */
const toInstant = (local: string | undefined) => (local ? new Date(local).toISOString() : null);
/** An instant as a datetime-local input's value, in the browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 新建 / 修改培训班: one form for both; an edit sends the version it was based on. */
export function TrainingDrawer({
  open,
  onClose,
  editing,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  editing?: TrainingResponse | null;
  onSaved?: (t: TrainingResponse) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        title: v.title,
        kind: v.kind,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        place: v.place ?? null,
        description: v.description ?? null,
        quota: v.quota,
        audienceOrgIds: v.audienceOrgIds ?? [],
        audiencePositions: v.audiencePositions ?? [],
        enrolOpensAt: toInstant(v.enrolOpensAt),
        enrolClosesAt: toInstant(v.enrolClosesAt),
        studyHours: v.studyHours,
        costFen: v.costYuan == null ? null : Math.round(v.costYuan * 100),
      };
      return editing
        ? trainingsApi.update(editing.id, { ...common, version: editing.version })
        : trainingsApi.create({ ...common, orgId: v.orgId });
    },
    onSuccess: (saved) => {
      message.success(editing ? t('trainings.saved') : t('trainings.created'));
      void client.invalidateQueries({ queryKey: trainingKeys.all });
      onClose();
      onSaved?.(saved);
    },
    onError: (error) =>
      onError(error, {
        form,
        onConflict: () => void client.invalidateQueries({ queryKey: trainingKeys.all }),
      }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const initial: Partial<Values> = editing
    ? {
        title: editing.title,
        kind: editing.kind,
        orgId: editing.org.id,
        startsOn: editing.startsOn,
        endsOn: editing.endsOn,
        place: editing.place ?? undefined,
        description: editing.description ?? undefined,
        quota: editing.quota,
        audienceOrgIds: editing.audienceOrgs.map((o) => o.id),
        audiencePositions: editing.audiencePositions as Values['audiencePositions'],
        enrolOpensAt: toLocalInput(editing.enrolOpensAt),
        enrolClosesAt: toLocalInput(editing.enrolClosesAt),
        studyHours: editing.studyHours,
        costYuan: editing.costFen == null ? null : editing.costFen / 100,
      }
    : { kind: 'special', quota: 30, studyHours: 8 };
  return (
    <FormDrawer<Values>
      title={editing ? t('trainings.edit') : t('trainings.create')}
      open={open}
      onClose={onClose}
      form={form}
      name="training"
      width={640}
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="title" label={t('trainings.form.title')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('trainings.form.kind')} rules={required}>
            <Select options={TRAINING_KINDS.map((k) => ({ value: k, label: TRAINING_KIND_LABELS[k] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="orgId" label={t('trainings.form.org')} rules={required}>
            <OrgTreeSelect disabled={!!editing} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="startsOn" label={t('trainings.form.startsOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="endsOn" label={t('trainings.form.endsOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="quota" label={t('trainings.form.quota')} rules={required}>
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="studyHours" label={t('trainings.form.studyHours')} rules={required}>
            <InputNumber min={0} max={999.9} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="place" label={t('trainings.form.place')}>
        <Input maxLength={200} />
      </Form.Item>
      <AudienceFields
        orgs={{ label: t('trainings.form.audienceOrgs'), help: t('trainings.form.audienceOrgsHelp') }}
        positions={{
          label: t('trainings.form.audiencePositions'),
          help: t('trainings.form.audiencePositionsHelp'),
        }}
      />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="enrolOpensAt" label={t('trainings.form.enrolOpensAt')}>
            <Input type="datetime-local" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="enrolClosesAt" label={t('trainings.form.enrolClosesAt')}>
            <Input type="datetime-local" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="costYuan" label={t('trainings.form.costYuan')}>
        <InputNumber min={0} step={10} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="description" label={t('trainings.form.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}
