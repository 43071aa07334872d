import type { OpenVolunteerCampaign } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PortalCard } from '../../../components/PortalCard';
import { Button } from '../../../components/plain/Button';
import { Empty } from '../../../components/plain/Empty';
import { Flex } from '../../../components/plain/Flex';
import { List } from '../../../components/plain/List';
import { ListItem } from '../../../components/plain/ListItem';
import { Tag } from '../../../components/plain/Tag';
import { Text } from '../../../components/plain/Text';
import type { MessageApi } from '../../../components/plain/useMessage';
import { apiErrorText } from '../../../lib/apiErrorText';
import { volunteerApi, volunteerKeys, windowText } from '../volunteer.api';

/** A campaign open to me, its shifts each with a button to sign up (till it starts or is full). */
export function OpenCampaignCard({
  campaign,
  message,
}: {
  campaign: OpenVolunteerCampaign;
  message: MessageApi;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const signUp = useMutation({
    mutationFn: (shiftId: number) => volunteerApi.signUp(campaign.id, shiftId),
    onSuccess: () => {
      message.success(t('volunteer.mine.signedUp'));
      void client.invalidateQueries({ queryKey: volunteerKeys.all });
    },
    onError: (e) => {
      const text = apiErrorText(e);
      if (text) message.error(text);
    },
  });
  return (
    <PortalCard title={campaign.title} testId="open-campaign">
      <p className="nx-my-volunteer-about">
        {campaign.orgName}
        {campaign.partnerName ? ` · ${campaign.partnerName}` : ''} · {campaign.startsOn} — {campaign.endsOn}
      </p>
      {campaign.shifts.length === 0 ? (
        <Empty description={t('volunteer.mine.noShifts')} />
      ) : (
        <List aria-label={campaign.title}>
          {campaign.shifts.map((s) => {
            const started = Date.parse(s.startsAt) <= Date.now();
            const full = s.filled >= s.headcount;
            const busy = signUp.isPending && signUp.variables === s.id;
            const where = `${s.post.name} · ${windowText(s)}`;
            return (
              <ListItem
                key={s.id}
                aria-label={where}
                extra={
                  s.mine ? (
                    <Tag color="green">{t('volunteer.mine.signed')}</Tag>
                  ) : (
                    <Button
                      variant="primary"
                      disabled={started || full || busy}
                      aria-busy={busy || undefined}
                      onClick={() => signUp.mutate(s.id)}
                    >
                      {full ? t('volunteer.mine.full') : t('volunteer.mine.signUp')}
                    </Button>
                  )
                }
              >
                <Flex vertical gap={2}>
                  <Text>{where}</Text>
                  <Text type="secondary">
                    {s.post.taskLabel} · {t('volunteer.filled', { filled: s.filled, headcount: s.headcount })}
                  </Text>
                </Flex>
              </ListItem>
            );
          })}
        </List>
      )}
    </PortalCard>
  );
}
