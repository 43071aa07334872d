import { CheckCircleTwoTone, CloseCircleTwoTone, InfoCircleTwoTone } from '@ant-design/icons';
import type { VolunteerScanResult } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../lib/api';
import { beijingClock, volunteerApi } from '../volunteer.api';

/** A one-time value for this scan: a retry of the same request is answered, not acted on twice. */
const newNonce = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;

/**
 * The page a post's QR code opens on the volunteer's phone (`/volunteer/scan/<campaign>/<post>?t=`),
 * after logging in if needed: it sends the scan once and shows 签到成功, 签退成功 (with the hours),
 * already in or out, or that the volunteer is not scheduled here now (a walk-in for the leader to
 * accept), or the server's reason for refusing.
 */
export function ScanPage() {
  const { t } = useTranslation();
  const { id, postId } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t');
  const campaignId = Number(id);
  const post = Number(postId);
  const nonce = useRef(newNonce());
  const sent = useRef(false);
  const scan = useMutation({
    mutationFn: () => volunteerApi.scan(campaignId, post, { token: token!, nonce: nonce.current }),
  });
  useEffect(() => {
    if (!token || !Number.isInteger(campaignId) || !Number.isInteger(post) || sent.current) return;
    sent.current = true;
    scan.mutate();
  }, [token, campaignId, post, scan]);

  const frame = (children: React.ReactNode) => (
    <Flex justify="center" className="nx-page" style={{ paddingTop: 24 }}>
      <Card style={{ width: '100%', maxWidth: 480 }}>{children}</Card>
    </Flex>
  );
  const back = (
    <Link to="/volunteer/mine">
      <Button>{t('volunteer.scan.toMine')}</Button>
    </Link>
  );
  if (!token || !Number.isInteger(campaignId) || !Number.isInteger(post))
    return frame(<Result status="warning" title={t('volunteer.scan.missingToken')} />);
  if (scan.isError) {
    const message = isApiError(scan.error) ? scan.error.message : String(scan.error);
    return frame(
      <Result
        icon={<CloseCircleTwoTone twoToneColor="#cf1322" />}
        title={t('volunteer.scan.failed')}
        subTitle={<span data-testid="scan-message">{message}</span>}
        extra={back}
      />,
    );
  }
  if (!scan.data)
    return frame(
      <Flex vertical align="center" gap={12} style={{ padding: 24 }}>
        <Spin />
        <Typography.Text>{t('volunteer.scan.working')}</Typography.Text>
      </Flex>,
    );
  const r: VolunteerScanResult = scan.data;
  const done = r.outcome === 'checked_in' || r.outcome === 'checked_out';
  return frame(
    <Result
      icon={
        done ? (
          <CheckCircleTwoTone twoToneColor="#389e0d" />
        ) : (
          <InfoCircleTwoTone twoToneColor={r.outcome === 'walk_in_pending' ? '#d46b08' : '#1677ff'} />
        )
      }
      title={<span data-testid="scan-outcome">{t(`volunteer.scan.outcome.${r.outcome}`)}</span>}
      subTitle={
        <Flex vertical gap={4}>
          <Typography.Text data-testid="scan-message">{r.message}</Typography.Text>
          <Typography.Text strong>
            {r.assignment.campaignTitle} · {r.assignment.post.name}
          </Typography.Text>
          <Typography.Text type="secondary">
            {r.assignment.onDate} {beijingClock(r.assignment.startsAt)}–{beijingClock(r.assignment.endsAt)}
          </Typography.Text>
        </Flex>
      }
      extra={back}
    />,
  );
}
