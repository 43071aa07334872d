import type { MeetingResponse } from '@ningxin/shared';
import { Card, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/useFormatters';

/** The amendments made to an archived meeting, oldest first. */
export function MeetingAmendments({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <Card size="small" title={t('life.detail.amendments')}>
      <Timeline
        items={m.amendments.map((a) => ({
          key: a.id,
          content: t('life.detail.amendmentLine', {
            time: dateTime(a.createdAt),
            by: a.createdBy ?? '',
            field: a.fieldLabel,
            reason: a.reason,
          }),
        }))}
      />
    </Card>
  );
}
