import { QrcodeOutlined } from '@ant-design/icons';
import type { MeetingResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { SignInCodePanel } from '../../../components/SignInCodePanel';
import { meetingKeys, meetingsApi } from '../life.api';

/** The sign-in QR a secretary shows, fetched when asked for. */
export function MeetingSignInCode({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const code = useQuery({
    queryKey: meetingKeys.code(m.id),
    queryFn: () => meetingsApi.signInCode(m.id),
    enabled: shown,
  });
  if (!shown)
    return (
      <Button
        icon={<QrcodeOutlined aria-hidden />}
        onClick={() => setShown(true)}
        style={{ alignSelf: 'start' }}
      >
        {t('life.detail.signInCode')}
      </Button>
    );
  if (code.isError) return <LoadError error={code.error} onRetry={() => void code.refetch()} />;
  if (!code.data) return <PageSpinner />;
  return (
    <Card size="small" title={t('life.detail.signInCode')}>
      <SignInCodePanel code={code.data} title={m.topic} onRefresh={() => void code.refetch()} />
    </Card>
  );
}
