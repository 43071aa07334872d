import { type MemberResponse, MemberSelfUpdateBody, parsePhone } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, type FormRule, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkWithSchema, schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { MY_RECORD_KEY, meApi } from '../me.api';

interface Values {
  phone?: string;
  hostAddress?: string | null;
  employer?: string | null;
  occupation?: string | null;
}

const shape = MemberSelfUpdateBody.shape;
const phoneRule: FormRule = {
  validator: async (_r, value: string | undefined) => {
    if (!value?.trim()) return;
    const parsed = parsePhone(value);
    if (!parsed.ok) throw new Error(parsed.message);
  },
};
const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/**
 * The member changes their phone, address in Beijing, employer and occupation. Keyed by the
 * record's version, so a reloaded record (after a conflict) starts a fresh form; the key stays
 * inside, where antd's App (its message) around the lazily loaded form is not remounted with it.
 */
export function MyContactForm({ record }: { record: MemberResponse }) {
  return <ContactForm key={record.version} record={record} />;
}

function ContactForm({ record }: { record: MemberResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const reload = () => queryClient.invalidateQueries({ queryKey: MY_RECORD_KEY });

  const toBody = (v: Values): MemberSelfUpdateBody => ({
    ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
    hostAddress: text(v.hostAddress),
    employer: text(v.employer),
    occupation: text(v.occupation),
    version: record.version,
  });

  const save = useMutation({
    mutationFn: (v: Values) => meApi.update(toBody(v)),
    onSuccess: (updated) => {
      message.success(t('me.saved'));
      queryClient.setQueryData(MY_RECORD_KEY, updated);
    },
    onError: (e) => showError(e, { form, onConflict: () => void reload() }),
  });

  const submit = (v: Values) => {
    const unchanged =
      !v.phone?.trim() &&
      text(v.hostAddress) === record.hostAddress &&
      text(v.employer) === record.employer &&
      text(v.occupation) === record.occupation;
    if (unchanged) {
      message.info(t('me.nothingChanged'));
      return;
    }
    if (checkWithSchema(form, MemberSelfUpdateBody, toBody(v))) save.mutate(v);
  };

  return (
    <Card size="small" title={t('me.contact')}>
      <Alert type="info" showIcon title={t('me.note')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={save.isPending}
        initialValues={{
          hostAddress: record.hostAddress,
          employer: record.employer,
          occupation: record.occupation,
        }}
        onFinish={submit}
      >
        <Form.Item label={t('memberFields.phone')} name="phone" rules={[phoneRule]}>
          <Input
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            placeholder={t('me.phonePlaceholder', { masked: record.phoneMasked })}
          />
        </Form.Item>
        <Form.Item
          label={t('memberFields.hostAddress')}
          name="hostAddress"
          rules={[schemaRule(shape.hostAddress)]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('memberFields.employer')} name="employer" rules={[schemaRule(shape.employer)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label={t('memberFields.occupation')}
          name="occupation"
          rules={[schemaRule(shape.occupation)]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} block>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
