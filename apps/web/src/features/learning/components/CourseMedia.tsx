import type { MyCourseResponse } from '@ningxin/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PortalCard } from '../../../components/PortalCard';
import { Empty } from '../../../components/plain/Empty';
import { Flex } from '../../../components/plain/Flex';
import { Text } from '../../../components/plain/Text';
import { apiUrl } from '../../../lib/api';
import { useFiles } from '../../files/useFiles';
import type { VideoHandlers } from '../useCourseHeartbeat';
import '../../../components/pageButton.css';

/** A video course: its uploaded video with the heartbeat's handlers, or the external link. */
export function VideoPart({ course, handlers }: { course: MyCourseResponse; handlers: VideoHandlers }) {
  const { t } = useTranslation();
  const files = useFiles({ ownerType: 'course', ownerId: course.id }, 'video');
  if (files.isPending) return <PortalCard loading />;
  const file = files.data?.items[0];
  if (!file && course.externalUrl)
    return (
      <PortalCard>
        <a href={course.externalUrl} target="_blank" rel="noopener noreferrer">
          {t('learning.learn.external')}
        </a>
      </PortalCard>
    );
  if (!file) return <Empty description={t('learning.learn.noVideo')} />;
  return (
    <video
      data-testid="course-video"
      src={apiUrl(`/files/${file.id}`)}
      controls
      playsInline
      preload="metadata"
      style={{ width: '100%', maxHeight: '60vh', background: '#000', borderRadius: 8 }}
      {...handlers}
    />
  );
}

/** A PDF course, a page at a time: each page shown is reported to the heartbeat. */
export function DocumentPart({ course, onPage }: { course: MyCourseResponse; onPage: (n: number) => void }) {
  const { t } = useTranslation();
  const total = course.pageCount ?? 1;
  const [page, setPage] = useState(Math.min(Math.max(1, course.progress.position || 1), total));
  const go = (n: number) => {
    setPage(n);
    onPage(n);
  };
  const src = apiUrl(`/courses/mine/${course.id}/document`);
  return (
    <PortalCard>
      <Flex vertical gap={8}>
        <iframe
          key={page}
          title={course.title}
          src={`${src}#page=${page}`}
          style={{ width: '100%', height: '65vh', border: '1px solid #f0f0f0', borderRadius: 6 }}
        />
        <Flex justify="space-between" align="center" gap={8}>
          <button type="button" className="nx-page-btn" disabled={page <= 1} onClick={() => go(page - 1)}>
            {t('learning.learn.prev')}
          </button>
          <Text>{t('learning.learn.page', { n: page, total })}</Text>
          <button type="button" className="nx-page-btn" disabled={page >= total} onClick={() => go(page + 1)}>
            {t('learning.learn.next')}
          </button>
        </Flex>
        <a href={src} target="_blank" rel="noopener noreferrer">
          {t('learning.learn.openPdf')}
        </a>
      </Flex>
    </PortalCard>
  );
}
