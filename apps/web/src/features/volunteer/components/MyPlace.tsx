import type { VolunteerAssignmentResponse } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/plain/Button';
import { Flex } from '../../../components/plain/Flex';
import { ListItem } from '../../../components/plain/ListItem';
import { Sheet } from '../../../components/plain/Sheet';
import { Tag } from '../../../components/plain/Tag';
import { Text } from '../../../components/plain/Text';
import type { MessageApi } from '../../../components/plain/useMessage';
import { apiErrorText } from '../../../lib/apiErrorText';
import { volunteerApi, volunteerKeys, windowText } from '../volunteer.api';
import { PlaceTags } from './PlaceTags';

/** One of my places (a shift I am on), withdrawn from, after a confirmation, before it starts. */
export function MyPlace({ place, message }: { place: VolunteerAssignmentResponse; message: MessageApi }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => volunteerApi.withdraw(place.campaignId, place.id),
    onSuccess: () => {
      setConfirming(false);
      message.success(t('volunteer.mine.withdrawn'));
      void client.invalidateQueries({ queryKey: volunteerKeys.all });
    },
    onError: (e) => {
      const text = apiErrorText(e);
      if (text) message.error(text);
    },
  });
  const canWithdraw = place.state === 'scheduled' && Date.parse(place.startsAt) > Date.now();
  const where = `${place.post.name} · ${windowText(place)}`;
  return (
    <ListItem
      data-testid="my-place"
      aria-label={where}
      extra={
        canWithdraw ? (
          <>
            <Button onClick={() => setConfirming(true)}>{t('volunteer.mine.withdraw')}</Button>
            <Sheet
              open={confirming}
              title={t('volunteer.mine.withdrawConfirm')}
              closeLabel={t('common.close')}
              onClose={() => setConfirming(false)}
              footer={
                <>
                  <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
                  <Button
                    variant="primary"
                    disabled={withdraw.isPending}
                    aria-busy={withdraw.isPending || undefined}
                    onClick={() => withdraw.mutate()}
                  >
                    {t('common.confirm')}
                  </Button>
                </>
              }
            >
              <Text>
                {where} · {place.campaignTitle}
              </Text>
            </Sheet>
          </>
        ) : null
      }
    >
      <Flex vertical gap={2}>
        <Text strong>{where}</Text>
        <Text type="secondary">
          {place.campaignTitle}
          {place.post.address ? ` · ${place.post.address}` : ''}
        </Text>
        <span>
          <PlaceTags place={place} />
          {place.hours !== null ? <Tag>{t('volunteer.hours', { hours: place.hours })}</Tag> : null}
        </span>
      </Flex>
    </ListItem>
  );
}
