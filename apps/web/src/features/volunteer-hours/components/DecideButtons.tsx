import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { VolunteerHoursResponse } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../../components/ReasonModal';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { volunteerHoursApi, volunteerHoursKeys } from '../volunteer-hours.api';

/** A reviewer's buttons on a report awaiting review: approve, or reject with a reason. */
export function DecideButtons({ r }: { r: VolunteerHoursResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const refresh = () => void client.invalidateQueries({ queryKey: volunteerHoursKeys.all });
  const decide = useMutation({
    mutationFn: (v: { decision: 'approve' | 'reject'; reason?: string }) =>
      volunteerHoursApi.decide(r.id, { ...v, version: r.version }),
    onSuccess: (saved) => {
      message.success(
        saved.state === 'approved'
          ? t('volunteerHours.review.approved')
          : t('volunteerHours.review.rejected'),
      );
      setRejecting(false);
      refresh();
    },
    onError: (error) => onError(error, { onConflict: refresh }),
  });
  if (!r.policies.decide) return null;
  const who = `${r.member.name} ${r.servedOn}`;
  return (
    <Flex gap={8} wrap>
      <Button
        type="primary"
        size="small"
        icon={<CheckOutlined aria-hidden />}
        aria-label={`${t('volunteerHours.review.approve')} ${who}`}
        loading={decide.isPending && decide.variables?.decision === 'approve'}
        onClick={() => decide.mutate({ decision: 'approve' })}
      >
        {t('volunteerHours.review.approve')}
      </Button>
      <Button
        size="small"
        danger
        icon={<CloseOutlined aria-hidden />}
        aria-label={`${t('volunteerHours.review.reject')} ${who}`}
        onClick={() => setRejecting(true)}
      >
        {t('volunteerHours.review.reject')}
      </Button>
      <ReasonModal
        title={t('volunteerHours.review.rejectTitle', {
          name: r.member.name,
          date: r.servedOn,
          hours: r.hours,
        })}
        open={rejecting}
        fields={[{ name: 'reason', label: t('volunteerHours.review.reason'), kind: 'text', required: true }]}
        submitting={decide.isPending}
        okText={t('volunteerHours.review.reject')}
        danger
        onCancel={() => setRejecting(false)}
        onSubmit={(v) => decide.mutate({ decision: 'reject', reason: v.reason ?? '' })}
      />
    </Flex>
  );
}
