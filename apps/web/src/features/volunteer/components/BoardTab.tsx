import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { VolunteerCampaignSummaryResponse } from '@ningxin/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { volunteerApi, volunteerKeys } from '../volunteer.api';

type Figures = VolunteerCampaignSummaryResponse['totals'];
type PostRow = VolunteerCampaignSummaryResponse['byPost'][number];
type DayRow = VolunteerCampaignSummaryResponse['byDay'][number];

/** 活动看板: volunteers, days, shifts filled, hours, people served; by post and by day. */
export function BoardTab({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const board = useQuery({
    queryKey: volunteerKeys.summary(campaignId),
    queryFn: () => volunteerApi.summary(campaignId),
  });
  const onError = useApiErrorHandler();
  const pdf = useMutation({
    mutationFn: () => volunteerApi.summaryPdf(campaignId),
    onError: (e) => onError(e),
  });
  if (board.isError) return <LoadError error={board.error} onRetry={() => void board.refetch()} />;
  const d = board.data;
  const figures = [
    { key: 'volunteers', title: t('volunteer.board.volunteers'), value: d?.totals.volunteers },
    { key: 'days', title: t('volunteer.board.days'), value: d?.days },
    {
      key: 'shifts',
      title: t('volunteer.board.shiftsFilled'),
      value: d ? `${d.totals.shiftsFilled}/${d.totals.shifts}` : undefined,
    },
    { key: 'checkedOut', title: t('volunteer.board.checkedOut'), value: d?.totals.checkedOut },
    { key: 'hours', title: t('volunteer.board.hours'), value: d?.totals.hours },
    { key: 'served', title: t('volunteer.board.served'), value: d?.totals.served },
  ];
  function figureColumns<R extends Figures>(): TableColumnsType<R> {
    return [
      { title: t('volunteer.board.volunteers'), render: (_, r) => r.volunteers },
      { title: t('volunteer.board.places'), render: (_, r) => r.places },
      { title: t('volunteer.board.shiftsFilled'), render: (_, r) => `${r.shiftsFilled}/${r.shifts}` },
      { title: t('volunteer.board.noShows'), render: (_, r) => r.noShows },
      { title: t('volunteer.board.hours'), render: (_, r) => r.hours },
      { title: t('volunteer.board.served'), render: (_, r) => r.served },
    ];
  }
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        <Button icon={<DownloadOutlined aria-hidden />} href={volunteerApi.summaryXlsxUrl(campaignId)}>
          {t('volunteer.board.exportXlsx')}
        </Button>
        <Button icon={<FilePdfOutlined aria-hidden />} loading={pdf.isPending} onClick={() => pdf.mutate()}>
          {t('volunteer.board.exportPdf')}
        </Button>
      </Flex>
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={8} lg={4}>
            <Card size="small" loading={board.isPending} data-testid={`board-${f.key}`}>
              <Statistic title={f.title} value={f.value ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('volunteer.board.byPost')}>
        <Table<PostRow>
          rowKey="postId"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={d?.byPost ?? []}
          columns={[
            { title: t('volunteer.posts.name'), render: (_, r) => `${r.name}（${r.taskLabel}）` },
            ...figureColumns<PostRow>(),
          ]}
        />
      </Card>
      <Card size="small" title={t('volunteer.board.byDay')}>
        <Table<DayRow>
          rowKey="onDate"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={d?.byDay ?? []}
          columns={[
            { title: t('volunteer.shifts.day'), render: (_, r) => r.onDate },
            ...figureColumns<DayRow>(),
          ]}
        />
      </Card>
    </Flex>
  );
}
