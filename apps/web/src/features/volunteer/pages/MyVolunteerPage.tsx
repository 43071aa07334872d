import type { OpenVolunteerCampaign, VolunteerAssignmentResponse } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { PlaceTags } from '../components/PlaceTags';
import { volunteerApi, volunteerKeys, windowText } from '../volunteer.api';

function MyPlace({ place }: { place: VolunteerAssignmentResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => volunteerApi.withdraw(place.campaignId, place.id),
    onSuccess: () => {
      message.success(t('volunteer.mine.withdrawn'));
      void client.invalidateQueries({ queryKey: volunteerKeys.all });
    },
    onError: (e) => onError(e),
  });
  const canWithdraw = place.state === 'scheduled' && Date.parse(place.startsAt) > Date.now();
  return (
    <List.Item
      data-testid="my-place"
      style={{ paddingInline: 0 }}
      extra={
        canWithdraw ? (
          <Popconfirm title={t('volunteer.mine.withdrawConfirm')} onConfirm={() => withdraw.mutate()}>
            <Button size="small">{t('volunteer.mine.withdraw')}</Button>
          </Popconfirm>
        ) : null
      }
    >
      <Flex vertical gap={2}>
        <Typography.Text strong>
          {place.post.name} · {windowText(place)}
        </Typography.Text>
        <Typography.Text type="secondary">
          {place.campaignTitle}
          {place.post.address ? ` · ${place.post.address}` : ''}
        </Typography.Text>
        <span>
          <PlaceTags place={place} />
          {place.hours !== null ? <Tag>{t('volunteer.hours', { hours: place.hours })}</Tag> : null}
        </span>
      </Flex>
    </List.Item>
  );
}

function OpenCampaignCard({ campaign }: { campaign: OpenVolunteerCampaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const signUp = useMutation({
    mutationFn: (shiftId: number) => volunteerApi.signUp(campaign.id, shiftId),
    onSuccess: () => {
      message.success(t('volunteer.mine.signedUp'));
      void client.invalidateQueries({ queryKey: volunteerKeys.all });
    },
    onError: (e) => onError(e),
  });
  return (
    <Card size="small" title={campaign.title} data-testid="open-campaign">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {campaign.orgName}
        {campaign.partnerName ? ` · ${campaign.partnerName}` : ''} · {campaign.startsOn} — {campaign.endsOn}
      </Typography.Paragraph>
      {campaign.shifts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteer.mine.noShifts')} />
      ) : (
        <List
          size="small"
          dataSource={campaign.shifts}
          renderItem={(s) => {
            const started = Date.parse(s.startsAt) <= Date.now();
            const full = s.filled >= s.headcount;
            return (
              <List.Item
                style={{ paddingInline: 0 }}
                extra={
                  s.mine ? (
                    <Tag color="green">{t('volunteer.mine.signed')}</Tag>
                  ) : (
                    <Button
                      size="small"
                      type="primary"
                      disabled={started || full}
                      loading={signUp.isPending && signUp.variables === s.id}
                      onClick={() => signUp.mutate(s.id)}
                    >
                      {full ? t('volunteer.mine.full') : t('volunteer.mine.signUp')}
                    </Button>
                  )
                }
              >
                <Flex vertical gap={2}>
                  <Typography.Text>
                    {s.post.name} · {windowText(s)}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {s.post.taskLabel} · {t('volunteer.filled', { filled: s.filled, headcount: s.headcount })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

/** The member's phone page: my shifts, and the campaigns open to me with shifts to sign up for. */
export function MyVolunteerPage() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: volunteerKeys.mine, queryFn: () => volunteerApi.mine() });
  const open = useQuery({ queryKey: volunteerKeys.open, queryFn: () => volunteerApi.open() });
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  if (!mine.data) return <PageSpinner />;
  return (
    <Flex vertical gap={12} className="nx-page" style={{ maxWidth: 640 }}>
      <Card size="small" title={t('volunteer.mine.upcoming')}>
        {mine.data.upcoming.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteer.mine.none')} />
        ) : (
          <List
            size="small"
            dataSource={mine.data.upcoming}
            renderItem={(p) => <MyPlace key={p.id} place={p} />}
          />
        )}
      </Card>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('volunteer.mine.open')}
      </Typography.Title>
      {open.data?.items.length === 0 ? <Empty description={t('volunteer.mine.noOpen')} /> : null}
      {open.data?.items.map((c) => (
        <OpenCampaignCard key={c.id} campaign={c} />
      ))}
      {mine.data.past.length > 0 ? (
        <Card size="small" title={t('volunteer.mine.past')}>
          <List
            size="small"
            dataSource={mine.data.past}
            renderItem={(p) => <MyPlace key={p.id} place={p} />}
          />
        </Card>
      ) : null}
    </Flex>
  );
}
