import type { MeetingResponse } from '@ningxin/shared';
import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/useFormatters';

/** A meeting's facts: time, place or link, host, recorder, speaker, agenda. */
export function MeetingFacts({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const items = [
    { key: 'time', label: t('life.detail.time'), children: dateTime(m.plannedAt) },
    m.heldAt ? { key: 'heldAt', label: t('life.detail.heldAt'), children: dateTime(m.heldAt) } : null,
    m.place ? { key: 'place', label: t('life.detail.place'), children: m.place } : null,
    m.onlineUrl
      ? {
          key: 'online',
          label: t('life.detail.online'),
          children: (
            <a href={m.onlineUrl} target="_blank" rel="noopener noreferrer">
              {m.onlineUrl}
            </a>
          ),
        }
      : null,
    m.host ? { key: 'host', label: t('life.detail.host'), children: m.host } : null,
    m.recorder ? { key: 'recorder', label: t('life.detail.recorder'), children: m.recorder } : null,
    m.speaker ? { key: 'speaker', label: t('life.detail.speaker'), children: m.speaker } : null,
    m.agenda
      ? {
          key: 'agenda',
          label: t('life.detail.agenda'),
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.agenda}</span>,
        }
      : null,
  ].filter((i) => i !== null);
  return (
    <Card size="small" title={t('life.detail.info')}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" items={items} />
    </Card>
  );
}
