import { BallotCode, type PublicBallotLookupResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api';
import { evaluationApi } from '../evaluation.api';
import { BallotForm } from './MyEvaluationPage';

const messageOf = (e: unknown) => (isApiError(e) ? e.message : String(e));

/** The code ballot (public, phone): a one-time code from the paper slip, then the ballot. */
export function BallotPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [ballot, setBallot] = useState<{ code: string; data: PublicBallotLookupResponse } | null>(null);
  const lookup = useMutation({
    mutationFn: (c: string) => evaluationApi.lookupBallot(c),
    onSuccess: (data, c) => setBallot({ code: c, data }),
  });
  const cast = useMutation({ mutationFn: evaluationApi.castBallot });
  const parsed = BallotCode.safeParse(code);
  return (
    <main
      style={{ minHeight: '100vh', background: '#f5f5f5', padding: '16px 12px 32px' }}
      data-testid="ballot-page"
    >
      <div style={{ maxWidth: 560, margin: '0 auto' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: '4px 0 12px' }}>
          {t('evaluation.ballot.title')}
        </Typography.Title>
        <Card styles={{ body: { padding: 16 } }}>
          {cast.isSuccess ? (
            <Result
              status="success"
              title={t('evaluation.ballot.done')}
              subTitle={t('evaluation.ballot.doneHelp')}
            />
          ) : ballot ? (
            <Flex vertical gap={12}>
              <Typography.Text strong>
                {ballot.data.org} {ballot.data.title}
              </Typography.Text>
              <Typography.Text type="secondary">{t('evaluation.mine.vote.help')}</Typography.Text>
              {cast.isError ? <Alert type="error" title={messageOf(cast.error)} /> : null}
              <BallotForm
                members={ballot.data.members}
                pending={cast.isPending}
                submitLabel={t('evaluation.ballot.submit')}
                onSubmit={(marks) => cast.mutate({ code: ballot.code, marks })}
              />
            </Flex>
          ) : (
            <Flex vertical gap={12}>
              <Input
                size="large"
                aria-label={t('evaluation.ballot.code')}
                placeholder={t('evaluation.ballot.codePlaceholder')}
                value={code}
                maxLength={16}
                onChange={(e) => setCode(e.target.value)}
              />
              {lookup.isError ? <Alert type="error" title={messageOf(lookup.error)} /> : null}
              <Button
                type="primary"
                size="large"
                block
                disabled={!parsed.success}
                loading={lookup.isPending}
                onClick={() => parsed.success && lookup.mutate(parsed.data)}
              >
                {t('evaluation.ballot.open')}
              </Button>
            </Flex>
          )}
        </Card>
      </div>
    </main>
  );
}
