import {
  VOLUNTEER_CAMPAIGN_STATE_LABELS,
  VOLUNTEER_CAMPAIGN_TRANSITIONS,
  type VolunteerCampaignState,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Flex, Popconfirm, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { BoardTab } from '../components/BoardTab';
import { CampaignDrawer } from '../components/CampaignDrawer';
import { PostsTab } from '../components/PostsTab';
import { RosterTab } from '../components/RosterTab';
import { RoundsTab } from '../components/RoundsTab';
import { volunteerApi, volunteerKeys } from '../volunteer.api';
import { CAMPAIGN_STATE_COLORS } from './CampaignsPage';

const ACTION_KEYS = {
  draft: 'volunteer.actions.open',
  open: 'volunteer.actions.open',
  finished: 'volunteer.actions.finish',
  cancelled: 'volunteer.actions.cancel',
} as const satisfies Record<VolunteerCampaignState, string>;

/** A campaign at desk size: its facts, posts and shifts, roster and board. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const id = Number(useParams().id);
  const [editing, setEditing] = useState(false);
  const campaign = useQuery({ queryKey: volunteerKeys.one(id), queryFn: () => volunteerApi.get(id) });
  const change = useMutation({
    mutationFn: (to: VolunteerCampaignState) =>
      volunteerApi.changeState(id, { to, version: campaign.data!.version }),
    onSuccess: (c) => {
      message.success(c.stateLabel);
      void client.invalidateQueries({ queryKey: volunteerKeys.all });
    },
    onError: (e) => onError(e, { onConflict: () => void campaign.refetch() }),
  });
  if (campaign.isError) return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!campaign.data) return <PageSpinner />;
  const c = campaign.data;
  const next = c.policies.manage || c.state === 'open' ? VOLUNTEER_CAMPAIGN_TRANSITIONS[c.state] : [];
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {c.title} <Tag color={CAMPAIGN_STATE_COLORS[c.state]}>{c.stateLabel}</Tag>
        </Typography.Title>
        {c.policies.manage || (c.state === 'open' && next.length) ? (
          <Flex gap={8}>
            {c.policies.manage ? (
              <Button onClick={() => setEditing(true)}>{t('volunteer.edit')}</Button>
            ) : null}
            {next.map((to) => (
              <Popconfirm
                key={to}
                title={t('volunteer.actions.confirm', { state: VOLUNTEER_CAMPAIGN_STATE_LABELS[to] })}
                onConfirm={() => change.mutate(to)}
              >
                <Button type={to === 'open' ? 'primary' : 'default'} danger={to === 'cancelled'}>
                  {t(ACTION_KEYS[to])}
                </Button>
              </Popconfirm>
            ))}
          </Flex>
        ) : null}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }}>
        <Descriptions.Item label={t('volunteer.col.org')}>{c.org.name}</Descriptions.Item>
        {c.coOrgs.length ? (
          <Descriptions.Item label={t('volunteer.form.coOrgs')}>
            {c.coOrgs.map((o) => o.name).join('、')}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('volunteer.col.partner')}>{c.partnerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('volunteer.col.dates')}>
          {c.startsOn} ~ {c.endsOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteer.form.selfSignup')}>
          {c.selfSignup ? t('common.yes') : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('volunteer.col.counts')}>
          {t('volunteer.counts', {
            posts: c.counts.posts,
            shifts: c.counts.shifts,
            volunteers: c.counts.volunteers,
          })}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          { key: 'posts', label: t('volunteer.tabs.posts'), children: <PostsTab campaign={c} /> },
          { key: 'roster', label: t('volunteer.tabs.roster'), children: <RosterTab campaign={c} /> },
          { key: 'board', label: t('volunteer.tabs.board'), children: <BoardTab campaignId={c.id} /> },
          { key: 'rounds', label: t('volunteer.tabs.rounds'), children: <RoundsTab campaign={c} /> },
        ]}
      />
      {editing ? <CampaignDrawer open editing={c} onClose={() => setEditing(false)} /> : null}
    </Flex>
  );
}
