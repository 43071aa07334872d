import {
  CONSENT_TEXT,
  CONSENT_VERSION,
  RegistrationForm,
  type RegistrationSubmitInput,
  registrationIssues,
} from '@ningxin/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Result, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/formErrors';
import { checkWithSchema } from '../../../lib/schemaRule';
import { ChallengeField } from '../components/ChallengeField';
import { PublicFrame } from '../components/PublicFrame';
import { fetchPublicDivisions, submitRegistration } from '../registrations.api';

interface JoinValues {
  name: string;
  idNumber: string;
  phone: string;
  homeCounty?: string;
  homeOrg: string;
  joinedAt?: Dayjs | null;
  hostDistrict?: string;
  hostAddress: string;
  employer?: string;
  consent?: boolean;
  challengeAnswer: string;
}

const fieldIssue = (field: 'idNumber' | 'phone') => ({
  validator: async (_: unknown, value: string | undefined) => {
    if (!value?.trim()) return;
    const issue = registrationIssues({ [field]: value }).find((i) => i.field === field);
    if (issue) throw new Error(issue.message);
  },
});

/** 党员找组织: the public self-registration page (no login), reached by the poster's QR code. */
export function JoinPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<JoinValues>();
  const [round, setRound] = useState(0);
  const [token, setToken] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const onToken = useCallback((v: string | undefined) => setToken(v), []);
  const divisions = useQuery({
    queryKey: ['public', 'divisions'],
    queryFn: fetchPublicDivisions,
    staleTime: Infinity,
  });
  const submit = useMutation({
    mutationFn: submitRegistration,
    onMutate: () => setError(null),
    onError: (e) => {
      if (isApiError(e)) {
        if (!applyFieldErrors(form, e) || e.fields.every((f) => f.path !== 'challengeAnswer'))
          setError(e.message);
        if (e.status !== 0) setRound((r) => r + 1); // the server used the challenge up
      } else setError(String(e));
    },
  });

  if (submit.isSuccess) {
    return (
      <PublicFrame title={t('registrations.public.joinTitle')}>
        <Result
          status="success"
          title={t('registrations.public.submitted')}
          subTitle={submit.data.message}
          extra={
            <Link to="/join/status">
              <Button type="primary" size="large">
                {t('registrations.public.checkStatus')}
              </Button>
            </Link>
          }
        />
      </PublicFrame>
    );
  }

  const onFinish = (v: JoinValues) => {
    const body: RegistrationSubmitInput = {
      name: v.name,
      idNumber: v.idNumber,
      phone: v.phone,
      homeCounty: v.homeCounty ?? '',
      homeOrg: v.homeOrg,
      joinedAt: v.joinedAt ? v.joinedAt.format('YYYY-MM-DD') : null,
      hostDistrict: v.hostDistrict ?? '',
      hostAddress: v.hostAddress,
      employer: v.employer?.trim() ? v.employer : null,
      consent: v.consent === true,
      consentVersion: CONSENT_VERSION,
      challengeToken: token ?? '',
      challengeAnswer: v.challengeAnswer,
    } as RegistrationSubmitInput;
    const { challengeToken: _t, challengeAnswer: _a, ...fields } = body;
    if (!checkWithSchema(form, RegistrationForm, fields)) return;
    submit.mutate(body);
  };

  const required = (message: string) => [{ required: true, whitespace: true, message }];
  const options = (side: 'home' | 'host') =>
    divisions.data?.[side].divisions.map((d) => ({ value: d.code, label: d.name })) ?? [];

  return (
    <PublicFrame title={t('registrations.public.joinTitle')}>
      <Typography.Paragraph type="secondary">{t('registrations.public.joinIntro')}</Typography.Paragraph>
      <Form<JoinValues>
        form={form}
        name="join"
        layout="vertical"
        requiredMark
        onFinish={onFinish}
        disabled={submit.isPending}
        scrollToFirstError
      >
        <Form.Item
          label={t('registrations.form.name')}
          name="name"
          rules={required(t('registrations.form.nameRequired'))}
        >
          <Input size="large" autoComplete="name" maxLength={30} />
        </Form.Item>
        <Form.Item
          label={t('registrations.form.idNumber')}
          name="idNumber"
          rules={[...required(t('registrations.form.idNumberRequired')), fieldIssue('idNumber')]}
          validateTrigger="onBlur"
        >
          <Input size="large" autoComplete="off" maxLength={18} />
        </Form.Item>
        <Form.Item
          label={t('registrations.form.phone')}
          name="phone"
          rules={[...required(t('registrations.form.phoneRequired')), fieldIssue('phone')]}
          validateTrigger="onBlur"
        >
          <Input size="large" type="tel" inputMode="tel" autoComplete="tel" maxLength={20} />
        </Form.Item>
        <Form.Item
          label={t('registrations.form.homeCounty', { city: divisions.data?.home.name ?? '' })}
          name="homeCounty"
          rules={[{ required: true, message: t('registrations.form.homeCountyRequired') }]}
        >
          <Select size="large" options={options('home')} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item
          label={t('registrations.form.homeOrg')}
          name="homeOrg"
          rules={required(t('registrations.form.homeOrgRequired'))}
          extra={t('registrations.form.homeOrgHint')}
        >
          <Input size="large" maxLength={100} />
        </Form.Item>
        <Form.Item label={t('registrations.form.joinedAt')} name="joinedAt">
          <DatePicker size="large" style={{ width: '100%' }} format="YYYY-MM-DD" placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item
          label={t('registrations.form.hostDistrict', { city: divisions.data?.host.name ?? '' })}
          name="hostDistrict"
          rules={[{ required: true, message: t('registrations.form.hostDistrictRequired') }]}
        >
          <Select size="large" options={options('host')} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item
          label={t('registrations.form.hostAddress')}
          name="hostAddress"
          rules={required(t('registrations.form.hostAddressRequired'))}
        >
          <Input size="large" maxLength={200} autoComplete="street-address" />
        </Form.Item>
        <Form.Item label={t('registrations.form.employer')} name="employer">
          <Input size="large" maxLength={100} />
        </Form.Item>
        <Typography.Paragraph
          style={{ background: '#fafafa', border: '1px solid #f0f0f0', padding: 12, fontSize: 13 }}
          aria-label={t('registrations.form.consentTitle')}
        >
          <Typography.Text strong>{t('registrations.form.consentTitle')}</Typography.Text>
          <br />
          {CONSENT_TEXT}
        </Typography.Paragraph>
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[
            {
              validator: async (_, v) => {
                if (v !== true) throw new Error(t('registrations.form.consentRequired'));
              },
            },
          ]}
        >
          <Checkbox>{t('registrations.form.consent')}</Checkbox>
        </Form.Item>
        <ChallengeField round={round} onToken={onToken} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
          {t('registrations.public.submit')}
        </Button>
      </Form>
    </PublicFrame>
  );
}
