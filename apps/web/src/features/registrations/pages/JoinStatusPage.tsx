import { RegistrationStatusBody, type RegistrationStatusResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Result } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/formErrors';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useFormatters } from '../../../lib/useFormatters';
import { ChallengeField } from '../components/ChallengeField';
import { PublicFrame } from '../components/PublicFrame';
import { checkRegistrationStatus } from '../registrations.api';

interface StatusValues {
  idNumber: string;
  phone: string;
  challengeAnswer: string;
}

const RESULT_STATUS = {
  submitted: 'info',
  accepted: 'success',
  returned: 'warning',
  duplicate: 'info',
} as const;

/** The status check of a registration, by ID number and phone (no login). */
export function JoinStatusPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [form] = Form.useForm<StatusValues>();
  const [round, setRound] = useState(0);
  const [token, setToken] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const onToken = useCallback((v: string | undefined) => setToken(v), []);
  const check = useMutation({
    mutationFn: checkRegistrationStatus,
    onMutate: () => setError(null),
    onSettled: () => setRound((r) => r + 1),
    onError: (e) => {
      if (isApiError(e) && applyFieldErrors(form, e) && e.fields.some((f) => f.path === 'challengeAnswer'))
        return;
      setError(isApiError(e) ? e.message : String(e));
    },
  });

  const onFinish = (v: StatusValues) => {
    const body = {
      idNumber: v.idNumber,
      phone: v.phone,
      challengeToken: token ?? '',
      challengeAnswer: v.challengeAnswer,
    };
    if (!checkWithSchema(form, RegistrationStatusBody, body)) return;
    check.mutate(body);
  };

  const shown: RegistrationStatusResponse | undefined = check.data;
  return (
    <PublicFrame title={t('registrations.public.statusTitle')}>
      {shown && (
        <Result
          status={RESULT_STATUS[shown.state]}
          title={shown.stateLabel}
          subTitle={t(`registrations.public.stateHint.${shown.state}`)}
          style={{ padding: '8px 0 16px' }}
        >
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('registrations.public.submittedAt')}>
              {fmt.dateTime(shown.submittedAt)}
            </Descriptions.Item>
            {shown.decidedAt && (
              <Descriptions.Item label={t('registrations.public.decidedAt')}>
                {fmt.dateTime(shown.decidedAt)}
              </Descriptions.Item>
            )}
            {shown.reason && (
              <Descriptions.Item label={t('registrations.public.reason')}>{shown.reason}</Descriptions.Item>
            )}
            {shown.committeeName && (
              <Descriptions.Item label={t('registrations.public.committeeName')}>
                {shown.committeeName}
              </Descriptions.Item>
            )}
            {shown.branchName && (
              <Descriptions.Item label={t('registrations.public.branchName')}>
                {shown.branchName}
              </Descriptions.Item>
            )}
            {shown.contact && (
              <Descriptions.Item label={t('registrations.public.contact')}>{shown.contact}</Descriptions.Item>
            )}
          </Descriptions>
        </Result>
      )}
      <Form<StatusValues>
        form={form}
        name="join-status"
        layout="vertical"
        onFinish={onFinish}
        disabled={check.isPending}
      >
        <Form.Item
          label={t('registrations.form.idNumber')}
          name="idNumber"
          rules={[{ required: true, whitespace: true, message: t('registrations.form.idNumberRequired') }]}
        >
          <Input size="large" autoComplete="off" maxLength={18} />
        </Form.Item>
        <Form.Item
          label={t('registrations.form.phone')}
          name="phone"
          rules={[{ required: true, whitespace: true, message: t('registrations.form.phoneRequired') }]}
        >
          <Input size="large" type="tel" inputMode="tel" maxLength={20} />
        </Form.Item>
        <ChallengeField round={round} onToken={onToken} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={check.isPending}>
          {t('registrations.public.check')}
        </Button>
      </Form>
    </PublicFrame>
  );
}
