import type { EvaluationParticipant, EvaluationRoundResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { evaluationApi } from '../evaluation.api';
import { useRoundRefresh } from '../useRoundRefresh';

/** Paper ballot codes: who holds one, generating them (shown once) and printing the slips. */
export function BallotCodes({ r, items }: { r: EvaluationRoundResponse; items: EvaluationParticipant[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRoundRefresh(r.id);
  const [holders, setHolders] = useState<number[]>(
    items.filter((p) => p.ballotMode === 'code').map((p) => p.member.id),
  );
  const [count, setCount] = useState<number>(Math.max(1, holders.length));
  const [codes, setCodes] = useState<string[]>([]);
  const modes = useMutation({
    mutationFn: () => evaluationApi.setModes(r.id, r.version, holders),
    onSuccess: refresh,
    onError: (e) => onError(e, { onConflict: refresh }),
  });
  const generate = useMutation({
    mutationFn: () => evaluationApi.codes(r.id, count),
    onSuccess: (res) => {
      setCodes(res.codes);
      refresh();
    },
    onError: (e) => onError(e),
  });
  const print = useMutation({
    mutationFn: () => evaluationApi.slips(r.id, codes),
    onSuccess: (name) => message.success(name),
    onError: (e) => onError(e),
  });
  const editable = r.state !== 'voting';
  return (
    <Card size="small" title={t('evaluation.round.codes.title')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('evaluation.round.codes.holdersHelp')}</Typography.Text>
        <Flex gap={8} wrap>
          <Select<number[]>
            mode="multiple"
            aria-label={t('evaluation.round.codes.holders')}
            placeholder={t('evaluation.round.codes.holders')}
            style={{ minWidth: 320, flex: 1 }}
            disabled={!editable}
            value={holders}
            onChange={setHolders}
            optionFilterProp="label"
            options={items
              .filter((p) => p.ballotMode !== 'none')
              .map((p) => ({ value: p.member.id, label: p.member.name }))}
          />
          {editable ? (
            <Button loading={modes.isPending} onClick={() => modes.mutate()}>
              {t('evaluation.round.codes.saveHolders')}
            </Button>
          ) : null}
        </Flex>
        <Flex gap={8} align="center">
          <span>{t('evaluation.round.codes.count')}</span>
          <InputNumber min={1} max={200} value={count} onChange={(v) => setCount(v ?? 1)} />
          <Button loading={generate.isPending} onClick={() => generate.mutate()}>
            {t('evaluation.round.codes.generate')}
          </Button>
        </Flex>
        {codes.length ? (
          <>
            <Alert type="warning" title={t('evaluation.round.codes.shownOnce')} />
            <Typography.Paragraph copyable style={{ fontFamily: 'monospace' }}>
              {codes.join('  ')}
            </Typography.Paragraph>
            <Button type="primary" loading={print.isPending} onClick={() => print.mutate()}>
              {t('evaluation.round.codes.print')}
            </Button>
          </>
        ) : null}
      </Flex>
    </Card>
  );
}
