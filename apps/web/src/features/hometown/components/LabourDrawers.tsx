import {
  localIsoDate,
  type PlacementResponse,
  POSTING_STATE_LABELS,
  POSTING_STATES,
  type PostingResponse,
  type PostingState,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { DivisionSelect } from '../../meta/DivisionSelect';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { MembersPicker } from '../../trainings/components/MembersPicker';
import { hometownApi, hometownKeys } from '../hometown.api';
import { moneyPattern, yuanInput } from '../money';

interface PostingValues {
  employer: string;
  employerMemberIds?: number[];
  title: string;
  headcount: number;
  payMinYuan?: string;
  payMaxYuan?: string;
  place: string;
  countyCode?: string;
  postedOn: string;
  closesOn?: string;
  state: PostingState;
  orgId: number;
  note?: string;
}

function useSaved(onClose: () => void, editing: boolean) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  return () => {
    message.success(editing ? t('hometown.saved') : t('hometown.created'));
    void client.invalidateQueries({ queryKey: hometownKeys.all });
    onClose();
  };
}

/** 发布 / 修改用工信息: employer, job, headcount, monthly pay range in 元, place. */
export function PostingDrawer({
  open,
  onClose,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  editing?: PostingResponse | null;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PostingValues>();
  const onError = useApiErrorHandler();
  const saved = useSaved(onClose, !!editing);
  const save = useMutation({
    mutationFn: (v: PostingValues) => {
      const content = {
        employer: v.employer,
        employerMemberId: v.employerMemberIds?.[0] ?? null,
        title: v.title,
        headcount: v.headcount,
        payMinYuan: v.payMinYuan || null,
        payMaxYuan: v.payMaxYuan || null,
        place: v.place,
        countyCode: v.countyCode || null,
        postedOn: v.postedOn,
        closesOn: v.closesOn || null,
        state: v.state,
        note: v.note ?? null,
      };
      return editing
        ? hometownApi.updatePosting(editing.id, { ...content, version: editing.version })
        : hometownApi.createPosting({ ...content, orgId: v.orgId });
    },
    onSuccess: saved,
    onError: (error) => onError(error, { form }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const money = [
    { pattern: moneyPattern(2), message: t('hometown.moneyHelp', { unit: t('hometown.yuan') }) },
  ];
  const initial: Partial<PostingValues> = editing
    ? {
        employer: editing.employer,
        employerMemberIds: editing.employerMember ? [editing.employerMember.id] : [],
        title: editing.title,
        headcount: editing.headcount,
        payMinYuan: editing.payMinFen == null ? undefined : yuanInput(editing.payMinFen),
        payMaxYuan: editing.payMaxFen == null ? undefined : yuanInput(editing.payMaxFen),
        place: editing.place,
        countyCode: editing.county?.code,
        postedOn: editing.postedOn,
        closesOn: editing.closesOn ?? undefined,
        state: editing.state,
        orgId: editing.org.id,
        note: editing.note ?? undefined,
      }
    : { postedOn: localIsoDate(new Date()), state: 'open', headcount: 10 };
  return (
    <FormDrawer<PostingValues>
      title={editing ? t('hometown.edit') : t('hometown.labour.createPosting')}
      open={open}
      onClose={onClose}
      form={form}
      name="posting"
      width={600}
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="employer" label={t('hometown.labour.form.employer')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="employerMemberIds" label={t('hometown.labour.form.employerMember')}>
        <MembersPicker placeholder={t('hometown.projects.form.introducersPlaceholder')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={16}>
          <Form.Item name="title" label={t('hometown.labour.form.title')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={8}>
          <Form.Item name="headcount" label={t('hometown.labour.form.headcount')} rules={required}>
            <InputNumber min={1} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="payMinYuan" label={t('hometown.labour.form.payMinYuan')} rules={money}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="payMaxYuan" label={t('hometown.labour.form.payMaxYuan')} rules={money}>
            <Input inputMode="decimal" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="place" label={t('hometown.labour.form.place')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="countyCode" label={t('hometown.labour.form.county')}>
            <DivisionSelect side="home" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="postedOn" label={t('hometown.labour.form.postedOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="closesOn" label={t('hometown.labour.form.closesOn')}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="state" label={t('hometown.labour.form.state')} rules={required}>
            <Select options={POSTING_STATES.map((s) => ({ value: s, label: POSTING_STATE_LABELS[s] }))} />
          </Form.Item>
        </Col>
      </Row>
      {editing ? null : (
        <Form.Item name="orgId" label={t('hometown.org')} rules={required}>
          <OrgTreeSelect />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('hometown.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}

interface PlacementValues {
  postingId?: number;
  employer: string;
  countyCode: string;
  placedOn: string;
  personTimes: number;
  orgId: number;
  note?: string;
}

/** 登记 / 修改劳务输出: person-times placed from a county with an employer, on a day. */
export function PlacementDrawer({
  open,
  onClose,
  editing,
  postings,
}: {
  open: boolean;
  onClose: () => void;
  editing?: PlacementResponse | null;
  /** The postings to pick from (the list on the page). */
  postings: readonly PostingResponse[];
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlacementValues>();
  const onError = useApiErrorHandler();
  const saved = useSaved(onClose, !!editing);
  const save = useMutation({
    mutationFn: (v: PlacementValues) => {
      const content = {
        postingId: v.postingId ?? null,
        employer: v.employer,
        countyCode: v.countyCode,
        placedOn: v.placedOn,
        personTimes: v.personTimes,
        note: v.note ?? null,
      };
      return editing
        ? hometownApi.updatePlacement(editing.id, { ...content, version: editing.version })
        : hometownApi.createPlacement({ ...content, orgId: v.orgId });
    },
    onSuccess: saved,
    onError: (error) => onError(error, { form }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const initial: Partial<PlacementValues> = editing
    ? {
        postingId: editing.posting?.id,
        employer: editing.employer,
        countyCode: editing.county.code,
        placedOn: editing.placedOn,
        personTimes: editing.personTimes,
        orgId: editing.org.id,
        note: editing.note ?? undefined,
      }
    : { placedOn: localIsoDate(new Date()), personTimes: 1 };
  return (
    <FormDrawer<PlacementValues>
      title={editing ? t('hometown.edit') : t('hometown.labour.createPlacement')}
      open={open}
      onClose={onClose}
      form={form}
      name="placement"
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="postingId" label={t('hometown.labour.form.posting')}>
        <Select
          allowClear
          options={postings.map((p) => ({ value: p.id, label: `${p.employer} · ${p.title}` }))}
          onChange={(id) => {
            const p = postings.find((x) => x.id === id);
            if (p)
              form.setFieldsValue({
                employer: p.employer,
                ...(p.county ? { countyCode: p.county.code } : {}),
              });
          }}
        />
      </Form.Item>
      <Form.Item name="employer" label={t('hometown.labour.form.employer')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="countyCode" label={t('hometown.labour.form.placementCounty')} rules={required}>
            <DivisionSelect side="home" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="placedOn" label={t('hometown.labour.form.placedOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="personTimes" label={t('hometown.labour.form.personTimes')} rules={required}>
            <InputNumber min={1} max={1000000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {editing ? null : (
        <Form.Item name="orgId" label={t('hometown.org')} rules={required}>
          <OrgTreeSelect />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('hometown.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}
