import type { VolunteerAssignmentResponse, VolunteerCampaignDetailResponse } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { MemberSelect } from '../../members/components/MemberSelect';
import { beijingClock, volunteerApi, volunteerKeys, windowText } from '../volunteer.api';
import { PlaceTags } from './PlaceTags';

/** 排班: the roster of one shift (or all), assigning a member; a conflict is shown with the other shift. */
export function RosterTab({ campaign }: { campaign: VolunteerCampaignDetailResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [shiftId, setShiftId] = useState<number | undefined>();
  const [memberId, setMemberId] = useState<number | undefined>(undefined);
  const [conflict, setConflict] = useState<string | null>(null);
  const shifts = useQuery({
    queryKey: volunteerKeys.shifts(campaign.id),
    queryFn: () => volunteerApi.shifts(campaign.id),
  });
  const roster = useQuery({
    queryKey: volunteerKeys.roster(campaign.id, shiftId),
    queryFn: () => volunteerApi.roster(campaign.id, shiftId),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: volunteerKeys.one(campaign.id) });
  const assign = useMutation({
    mutationFn: () => volunteerApi.assign(campaign.id, { shiftId: shiftId!, memberId: memberId! }),
    onSuccess: (a) => {
      message.success(t('volunteer.roster.assigned', { name: a.member.name }));
      setConflict(null);
      setMemberId(undefined);
      refresh();
    },
    onError: (e) => {
      if (isApiError(e) && e.status === 409) setConflict(e.message);
      else onError(e);
    },
  });
  const unassign = useMutation({
    mutationFn: (id: number) => volunteerApi.unassign(campaign.id, id),
    onSuccess: refresh,
    onError: (e) => onError(e),
  });
  const manage = campaign.policies.manage;
  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <Select<number>
            allowClear
            aria-label={t('volunteer.roster.shift')}
            placeholder={t('volunteer.roster.allShifts')}
            style={{ minWidth: 280 }}
            value={shiftId}
            onChange={(v) => {
              setShiftId(v);
              setConflict(null);
            }}
            options={(shifts.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.post.name} · ${windowText(s)}（${s.filled}/${s.headcount}）`,
            }))}
          />
          {manage && shiftId ? (
            <>
              <MemberSelect value={memberId} onChange={setMemberId} placeholder={t('volunteer.pickMember')} />
              <Button
                type="primary"
                disabled={!memberId}
                loading={assign.isPending}
                onClick={() => assign.mutate()}
              >
                {t('volunteer.roster.assign')}
              </Button>
            </>
          ) : null}
        </Flex>
        {conflict ? (
          <Alert
            type="error"
            showIcon
            message={conflict}
            data-testid="roster-conflict"
            closable
            onClose={() => setConflict(null)}
          />
        ) : null}
        <Table<VolunteerAssignmentResponse>
          rowKey="id"
          size="small"
          loading={roster.isPending}
          dataSource={roster.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('volunteer.roster.member'), render: (_, a) => a.member.name },
            { title: t('volunteer.roster.shift'), render: (_, a) => `${a.post.name} · ${windowText(a)}` },
            { title: t('volunteer.roster.state'), render: (_, a) => <PlaceTags place={a} /> },
            { title: t('volunteer.roster.source'), responsive: ['lg'], render: (_, a) => a.sourceLabel },
            {
              title: t('volunteer.roster.times'),
              render: (_, a) => (
                <Typography.Text type="secondary">
                  {a.checkedInAt ? beijingClock(a.checkedInAt) : '—'} ~{' '}
                  {a.checkedOutAt ? beijingClock(a.checkedOutAt) : '—'}
                </Typography.Text>
              ),
            },
            { title: t('volunteer.roster.hours'), render: (_, a) => a.hours ?? '—' },
            ...(manage
              ? [
                  {
                    title: '',
                    render: (_: unknown, a: VolunteerAssignmentResponse) =>
                      a.state === 'scheduled' ? (
                        <Popconfirm
                          title={t('volunteer.roster.removeConfirm')}
                          onConfirm={() => unassign.mutate(a.id)}
                        >
                          <Button size="small" type="link">
                            {t('volunteer.roster.remove')}
                          </Button>
                        </Popconfirm>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Flex>
    </Card>
  );
}
