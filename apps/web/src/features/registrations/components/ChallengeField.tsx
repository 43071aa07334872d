import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchChallenge } from '../registrations.api';

interface ChallengeFieldProps {
  /** Changes to fetch a new picture (after each answer the server checked: one use only). */
  round: number;
  onToken: (token: string | undefined) => void;
}

/** The picture challenge: the image, a refresh button and the answer's input (`challengeAnswer`). */
export function ChallengeField({ round, onToken }: ChallengeFieldProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const challenge = useQuery({
    queryKey: ['public', 'challenge', round],
    queryFn: fetchChallenge,
    staleTime: 4 * 60_000,
    gcTime: 0,
    retry: false,
  });
  useEffect(() => {
    onToken(challenge.data?.token);
    form.setFieldValue('challengeAnswer', '');
  }, [challenge.data, onToken, form]);
  const src = challenge.data
    ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(challenge.data.svg)}`
    : '';
  return (
    <Form.Item
      label={t('registrations.form.challenge')}
      required
      extra={challenge.isError ? t('registrations.form.challengeLoadFailed') : undefined}
    >
      <Flex gap={8} align="center">
        <Form.Item
          name="challengeAnswer"
          noStyle
          rules={[{ required: true, whitespace: true, message: t('registrations.form.challengeRequired') }]}
        >
          <Input
            size="large"
            maxLength={10}
            autoComplete="off"
            inputMode="text"
            aria-label={t('registrations.form.challenge')}
            style={{ flex: 1, minWidth: 0 }}
          />
        </Form.Item>
        {challenge.data ? (
          <img src={src} alt={t('registrations.form.challengeImage')} width={120} height={44} />
        ) : (
          <Skeleton.Button active style={{ width: 120, height: 44 }} />
        )}
        <Button
          icon={<ReloadOutlined aria-hidden />}
          aria-label={t('registrations.form.challengeRefresh')}
          onClick={() => void challenge.refetch()}
          loading={challenge.isFetching}
        />
      </Flex>
    </Form.Item>
  );
}
