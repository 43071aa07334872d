import { QrcodeOutlined } from '@ant-design/icons';
import type {
  VolunteerAssignmentResponse,
  VolunteerCheckInBody,
  VolunteerLeaderShift,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, InputNumber, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { IncidentDialog } from '../components/IncidentDialog';
import { PlaceTags } from '../components/PlaceTags';
import { beijingClock, beijingDay, volunteerApi, volunteerKeys, windowText } from '../volunteer.api';

/** The post's QR code, large, for volunteers to scan off the leader's phone. */
function PostCode({ campaignId, postId, title }: { campaignId: number; postId: number; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const code = useQuery({
    queryKey: volunteerKeys.code(campaignId, postId),
    queryFn: () => volunteerApi.code(campaignId, postId),
    enabled: open,
  });
  return (
    <>
      <Button icon={<QrcodeOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('volunteer.leader.showCode')}
      </Button>
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} title={title} centered>
        {code.data ? (
          <Flex vertical align="center" gap={8} data-testid="post-code">
            <div
              style={{ width: '100%', maxWidth: 320 }}
              // biome-ignore lint/security/noDangerouslySetInnerHtml: the server's own QR SVG.
              dangerouslySetInnerHTML={{ __html: code.data.qrSvg }}
            />
            <Typography.Text type="secondary">{t('volunteer.leader.codeHint')}</Typography.Text>
            <Typography.Link
              href={code.data.url}
              data-testid="post-code-link"
              copyable={{ text: code.data.url }}
            >
              {t('volunteer.leader.codeLink')}
            </Typography.Link>
          </Flex>
        ) : (
          <PageSpinner />
        )}
      </Modal>
    </>
  );
}

function Served({ shift }: { shift: VolunteerLeaderShift }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [value, setValue] = useState<number | null>(shift.servedCount);
  const save = useMutation({
    mutationFn: () =>
      volunteerApi.served(shift.campaignId, shift.id, { servedCount: value ?? 0, version: shift.version }),
    onSuccess: () => {
      message.success(t('volunteer.leader.servedSaved'));
      void client.invalidateQueries({ queryKey: volunteerKeys.all });
    },
    onError: (e) =>
      onError(e, { onConflict: () => void client.invalidateQueries({ queryKey: volunteerKeys.all }) }),
  });
  return (
    <Space wrap>
      <Typography.Text>{t('volunteer.leader.served')}</Typography.Text>
      <InputNumber
        min={0}
        max={1_000_000}
        precision={0}
        value={value}
        onChange={setValue}
        aria-label={t('volunteer.leader.served')}
        style={{ width: 120 }}
      />
      <Button onClick={() => save.mutate()} loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Space>
  );
}

function PlaceRow({ place }: { place: VolunteerAssignmentResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const act = useMutation({
    mutationFn: (action: VolunteerCheckInBody['action']) =>
      volunteerApi.check(place.campaignId, { assignmentId: place.id, action, version: place.version }),
    onSuccess: (a) => {
      message.success(`${a.member.name}：${a.stateLabel}`);
      void client.invalidateQueries({ queryKey: volunteerKeys.all });
    },
    onError: (e) =>
      onError(e, { onConflict: () => void client.invalidateQueries({ queryKey: volunteerKeys.all }) }),
  });
  const pendingWalkIn = place.source === 'walk_in' && place.state === 'scheduled';
  const buttons =
    place.state === 'scheduled' ? (
      <>
        <Button type="primary" size="small" onClick={() => act.mutate(pendingWalkIn ? 'accept' : 'in')}>
          {pendingWalkIn ? t('volunteer.leader.accept') : t('volunteer.leader.checkIn')}
        </Button>
        <Button size="small" onClick={() => act.mutate('no_show')}>
          {t('volunteer.leader.noShow')}
        </Button>
      </>
    ) : place.state === 'checked_in' ? (
      <Button type="primary" size="small" onClick={() => act.mutate('out')}>
        {t('volunteer.leader.checkOut')}
      </Button>
    ) : place.state === 'no_show' ? (
      <Button size="small" onClick={() => act.mutate('in')}>
        {t('volunteer.leader.checkIn')}
      </Button>
    ) : null;
  return (
    <List.Item data-testid="leader-place" style={{ paddingInline: 0 }}>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text strong>{place.member.name}</Typography.Text>
          <span>
            <PlaceTags place={place} />
          </span>
        </Flex>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text type="secondary">
            {place.checkedInAt ? `${t('volunteer.in')} ${beijingClock(place.checkedInAt)}` : ''}
            {place.checkedOutAt ? ` · ${t('volunteer.out')} ${beijingClock(place.checkedOutAt)}` : ''}
            {place.hours !== null ? ` · ${t('volunteer.hours', { hours: place.hours })}` : ''}
          </Typography.Text>
          <Space>{buttons}</Space>
        </Flex>
      </Flex>
    </List.Item>
  );
}

/** The post leader's phone page: today's shifts at my posts, the QR to show, check-in by hand, served count. */
export function LeaderPage() {
  const { t } = useTranslation();
  const day = beijingDay();
  const led = useQuery({ queryKey: volunteerKeys.leading(day), queryFn: () => volunteerApi.leading(day) });
  /** The shift whose post an incident is being reported at. */
  const [reporting, setReporting] = useState<VolunteerLeaderShift | null>(null);
  if (led.isError) return <LoadError error={led.error} onRetry={() => void led.refetch()} />;
  if (!led.data) return <PageSpinner />;
  return (
    <Flex vertical gap={12} className="nx-page" style={{ maxWidth: 640 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('volunteer.leader.title')} · {day}
      </Typography.Title>
      {led.data.shifts.length === 0 ? <Empty description={t('volunteer.leader.none')} /> : null}
      {led.data.shifts.map((s) => (
        <Card
          key={s.id}
          size="small"
          data-testid="leader-shift"
          title={
            <Flex vertical>
              <Typography.Text strong>
                {s.post.name} · {windowText(s)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {s.campaignTitle} · {s.post.taskLabel}
              </Typography.Text>
            </Flex>
          }
        >
          <Flex vertical gap={8}>
            <Space wrap>
              <PostCode
                campaignId={s.campaignId}
                postId={s.post.id}
                title={`${s.post.name} · ${s.campaignTitle}`}
              />
              <Button onClick={() => setReporting(s)}>{t('volunteer.incidents.add')}</Button>
              <Typography.Text type="secondary">
                {t('volunteer.leader.count', {
                  inCount: s.roster.filter((r) => r.state === 'checked_in' || r.state === 'checked_out')
                    .length,
                  total: s.roster.length,
                  headcount: s.headcount,
                })}
              </Typography.Text>
            </Space>
            <List size="small" dataSource={s.roster} renderItem={(p) => <PlaceRow key={p.id} place={p} />} />
            <Served shift={s} />
          </Flex>
        </Card>
      ))}
      {reporting ? (
        <IncidentDialog
          campaignId={reporting.campaignId}
          posts={[reporting.post]}
          onClose={() => setReporting(null)}
        />
      ) : null}
    </Flex>
  );
}
