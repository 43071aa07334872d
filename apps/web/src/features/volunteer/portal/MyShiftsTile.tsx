import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PortalCard } from '../../../components/PortalCard';
import { PlaceTags } from '../components/PlaceTags';
import { volunteerApi, volunteerKeys, windowText } from '../volunteer.api';

/** The portal's card: my next volunteer shift (where, when, its state). */
export function MyShiftsTile() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: volunteerKeys.mine, queryFn: () => volunteerApi.mine() });
  const next = mine.data?.upcoming.find((a) => a.state !== 'checked_out' && a.state !== 'no_show');
  return (
    <PortalCard
      title={t('volunteer.portal.title')}
      to="/volunteer/mine"
      loading={mine.isPending}
      testId="portal-volunteer"
    >
      {!next ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteer.portal.none')} />
      ) : (
        <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">
            <Tag>{t('volunteer.portal.next')}</Tag>
            {windowText(next)}
          </Typography.Text>
          <Typography.Text strong ellipsis>
            {next.post.name} · {next.campaignTitle}
          </Typography.Text>
          <span>
            <PlaceTags place={next} />
          </span>
        </Space>
      )}
    </PortalCard>
  );
}
