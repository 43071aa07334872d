import {
  CARE_VISIT_REASON_LABELS,
  CARE_VISIT_REASONS,
  type CareVisitReason,
  type CareVisitResponse,
  localIsoDate,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { RecordFiles } from '../../files/components/RecordFiles';
import { moneyPattern, yuanInput } from '../../hometown/money';
import { MemberSelect } from '../../members/components/MemberSelect';
import { careApi, careKeys } from '../care.api';

interface Values {
  memberId: number;
  reason: CareVisitReason;
  holiday?: string;
  visitedOn: string;
  visitors: string;
  giftYuan?: string;
  note?: string;
}

/** A visit to start from: the member (and why) when opened from the 政治生日 list. */
export interface VisitPreset {
  memberId: number;
  memberName: string;
  reason: CareVisitReason;
}

/** 登记 / 修改走访慰问. */
export function VisitDrawer({
  open,
  onClose,
  editing,
  preset,
}: {
  open: boolean;
  onClose: () => void;
  editing?: CareVisitResponse | null;
  preset?: VisitPreset | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const reason = Form.useWatch('reason', form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        memberId: v.memberId,
        reason: v.reason,
        holiday: v.reason === 'holiday' ? (v.holiday ?? null) : null,
        visitedOn: v.visitedOn,
        visitors: v.visitors,
        ...(v.giftYuan ? { giftYuan: v.giftYuan } : {}),
        note: v.note ?? null,
      };
      return editing
        ? careApi.updateVisit(editing.id, { ...body, version: editing.version })
        : careApi.createVisit(body);
    },
    onSuccess: () => {
      message.success(editing ? t('care.saved') : t('care.created'));
      void client.invalidateQueries({ queryKey: careKeys.all });
      onClose();
    },
    onError: (error) =>
      onError(error, { form, onConflict: () => void client.invalidateQueries({ queryKey: careKeys.all }) }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const initial: Partial<Values> = editing
    ? {
        memberId: editing.member.id,
        reason: editing.reason,
        holiday: editing.holiday ?? undefined,
        visitedOn: editing.visitedOn,
        visitors: editing.visitors,
        giftYuan: editing.giftFen ? yuanInput(editing.giftFen) : undefined,
        note: editing.note ?? undefined,
      }
    : {
        reason: preset?.reason ?? 'holiday',
        visitedOn: localIsoDate(new Date()),
        ...(preset ? { memberId: preset.memberId } : {}),
      };
  return (
    <FormDrawer<Values>
      title={editing ? t('care.edit') : t('care.visits.create')}
      open={open}
      onClose={onClose}
      form={form}
      name="care-visit"
      width={560}
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="memberId" label={t('care.visits.form.member')} rules={required}>
        <MemberSelect
          placeholder={t('care.memberPlaceholder')}
          valueLabel={editing?.member.name ?? preset?.memberName}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="reason" label={t('care.visits.form.reason')} rules={required}>
            <Select
              options={CARE_VISIT_REASONS.map((r) => ({ value: r, label: CARE_VISIT_REASON_LABELS[r] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          {reason === 'holiday' ? (
            <Form.Item name="holiday" label={t('care.visits.form.holiday')} rules={required}>
              <Input maxLength={20} placeholder={t('care.visits.form.holidayPlaceholder')} />
            </Form.Item>
          ) : null}
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="visitedOn" label={t('care.visits.form.visitedOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="giftYuan"
            label={t('care.visits.form.gift')}
            rules={[{ pattern: moneyPattern(2), message: t('care.moneyHelp') }]}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="visitors" label={t('care.visits.form.visitors')} rules={required}>
        <Input maxLength={200} placeholder={t('care.visits.form.visitorsPlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('care.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {editing ? (
        <Form.Item label={t('care.visits.form.photos')}>
          <RecordFiles owner={{ ownerType: 'care_visit', ownerId: editing.id }} purposes={['photo']} />
        </Form.Item>
      ) : null}
    </FormDrawer>
  );
}
