import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DONATION_KIND_LABELS,
  DONATION_KINDS,
  DONATION_PURPOSE_LABELS,
  DONATION_PURPOSES,
  DONOR_KIND_LABELS,
  DONOR_KINDS,
  type DonationKind,
  type DonationPurpose,
  type DonationResponse,
  type DonorKind,
  displayFen,
  localIsoDate,
  parseMoney,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { RecordFiles } from '../../files/components/RecordFiles';
import { DivisionSelect } from '../../meta/DivisionSelect';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { MembersPicker } from '../../trainings/components/MembersPicker';
import { hometownApi, hometownKeys } from '../hometown.api';
import { moneyPattern, yuanInput } from '../money';

interface ItemValues {
  name: string;
  quantity: string;
  unit: string;
  valueYuan: string;
}
interface Values {
  donorKind: DonorKind;
  donorMemberIds?: number[];
  donorOrgId?: number;
  donorName?: string;
  kind: DonationKind;
  amountYuan?: string;
  items?: ItemValues[];
  purpose: DonationPurpose;
  countyCode: string;
  recipient?: string;
  donatedOn: string;
  orgId: number;
  note?: string;
}

/** The goods' values summed exactly, in fen (null while one is not a valid amount). */
function itemsSum(items: ItemValues[] | undefined): number | null {
  let sum = 0;
  for (const i of items ?? []) {
    const parsed = parseMoney(i?.valueYuan ?? '', 'yuan');
    if (!('fen' in parsed)) return null;
    sum += parsed.fen;
  }
  return sum;
}

/** 登记 / 修改捐赠: funds with an amount in 元, or goods with an item list valued in 元. */
export function DonationDrawer({
  open,
  onClose,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  editing?: DonationResponse | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const donorKind = Form.useWatch('donorKind', form);
  const kind = Form.useWatch('kind', form);
  const items = Form.useWatch('items', form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const content = {
        donorKind: v.donorKind,
        donorMemberId: v.donorKind === 'member' ? (v.donorMemberIds?.[0] ?? null) : null,
        donorOrgId: v.donorKind === 'org' ? (v.donorOrgId ?? null) : null,
        donorName: v.donorKind === 'enterprise' ? (v.donorName ?? null) : null,
        kind: v.kind,
        ...(v.kind === 'funds' ? { amountYuan: v.amountYuan ?? '' } : {}),
        items: v.kind === 'goods' ? (v.items ?? []) : [],
        purpose: v.purpose,
        countyCode: v.countyCode,
        recipient: v.recipient ?? null,
        donatedOn: v.donatedOn,
        note: v.note ?? null,
      };
      return editing
        ? hometownApi.updateDonation(editing.id, { ...content, version: editing.version })
        : hometownApi.createDonation({ ...content, orgId: v.orgId });
    },
    onSuccess: () => {
      message.success(editing ? t('hometown.saved') : t('hometown.created'));
      void client.invalidateQueries({ queryKey: hometownKeys.all });
      onClose();
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
    { pattern: moneyPattern(2), message: t('hometown.moneyHelp', { unit: t('hometown.yuan') }) },
  ];
  const initial: Partial<Values> = editing
    ? {
        donorKind: editing.donorKind,
        donorMemberIds: editing.donorMemberId ? [editing.donorMemberId] : [],
        donorOrgId: editing.donorOrgId ?? undefined,
        donorName: editing.donorKind === 'enterprise' ? editing.donorName : undefined,
        kind: editing.kind,
        amountYuan: yuanInput(editing.amountFen),
        items: editing.items.map((i) => ({
          name: i.name,
          quantity: i.quantity,
          unit: i.unit,
          valueYuan: yuanInput(i.valueFen),
        })),
        purpose: editing.purpose,
        countyCode: editing.county.code,
        recipient: editing.recipient ?? undefined,
        donatedOn: editing.donatedOn,
        orgId: editing.org.id,
        note: editing.note ?? undefined,
      }
    : { donorKind: 'enterprise', kind: 'funds', purpose: 'education', donatedOn: localIsoDate(new Date()) };
  const sum = itemsSum(items);
  return (
    <FormDrawer<Values>
      title={editing ? t('hometown.edit') : t('hometown.donations.create')}
      open={open}
      onClose={onClose}
      form={form}
      name="donation"
      width={680}
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="donorKind" label={t('hometown.donations.form.donorKind')} rules={required}>
            <Select options={DONOR_KINDS.map((k) => ({ value: k, label: DONOR_KIND_LABELS[k] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          {donorKind === 'member' ? (
            <Form.Item
              name="donorMemberIds"
              label={t('hometown.donations.form.donorMember')}
              rules={required}
            >
              <MembersPicker placeholder={t('hometown.projects.form.introducersPlaceholder')} />
            </Form.Item>
          ) : donorKind === 'org' ? (
            <Form.Item name="donorOrgId" label={t('hometown.donations.form.donorOrg')} rules={required}>
              <OrgTreeSelect />
            </Form.Item>
          ) : (
            <Form.Item name="donorName" label={t('hometown.donations.form.donorName')} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
          )}
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="kind" label={t('hometown.donations.form.kind')} rules={required}>
            <Select options={DONATION_KINDS.map((k) => ({ value: k, label: DONATION_KIND_LABELS[k] }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="purpose" label={t('hometown.donations.form.purpose')} rules={required}>
            <Select
              options={DONATION_PURPOSES.map((p) => ({ value: p, label: DONATION_PURPOSE_LABELS[p] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="donatedOn" label={t('hometown.donations.form.donatedOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'goods' ? (
        <Form.Item label={t('hometown.donations.form.items')} required>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="start">
                    <Form.Item name={[f.name, 'name']} rules={required}>
                      <Input
                        placeholder={t('hometown.donations.form.itemName')}
                        aria-label={t('hometown.donations.form.itemName')}
                        style={{ width: 140 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'quantity']} rules={required}>
                      <Input
                        placeholder={t('hometown.donations.form.quantity')}
                        aria-label={t('hometown.donations.form.quantity')}
                        inputMode="decimal"
                        style={{ width: 80 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unit']} rules={required}>
                      <Input
                        placeholder={t('hometown.donations.form.unit')}
                        aria-label={t('hometown.donations.form.unit')}
                        style={{ width: 60 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'valueYuan']} rules={money}>
                      <Input
                        placeholder={t('hometown.donations.form.valueYuan')}
                        aria-label={t('hometown.donations.form.valueYuan')}
                        inputMode="decimal"
                        style={{ width: 120 }}
                      />
                    </Form.Item>
                    <Button
                      aria-label={t('hometown.delete')}
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Space>
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ unit: '件' })}>
                    {t('hometown.donations.form.addItem')}
                  </Button>
                  {sum !== null ? (
                    <Typography.Text type="secondary">
                      {t('hometown.donations.form.itemsSum', { sum: displayFen(sum, 'yuan') })}
                    </Typography.Text>
                  ) : null}
                </Space>
              </>
            )}
          </Form.List>
        </Form.Item>
      ) : (
        <Form.Item name="amountYuan" label={t('hometown.donations.form.amountYuan')} rules={money}>
          <Input inputMode="decimal" />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="countyCode" label={t('hometown.donations.form.county')} rules={required}>
            <DivisionSelect side="home" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="recipient" label={t('hometown.donations.form.recipient')}>
            <Input maxLength={100} />
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
      {editing ? (
        <Form.Item label={t('hometown.donations.form.proof')}>
          <RecordFiles
            owner={{ ownerType: 'hometown_donation', ownerId: editing.id }}
            purposes={['document', 'photo']}
          />
        </Form.Item>
      ) : null}
    </FormDrawer>
  );
}
