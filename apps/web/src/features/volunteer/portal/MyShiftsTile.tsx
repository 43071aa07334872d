import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PortalCard } from '../../../components/PortalCard';
import { Empty } from '../../../components/plain/Empty';
import { Flex } from '../../../components/plain/Flex';
import { Tag } from '../../../components/plain/Tag';
import { Text } from '../../../components/plain/Text';
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
        <Empty description={t('volunteer.portal.none')} />
      ) : (
        <Flex vertical style={{ minWidth: 0 }}>
          <Text type="secondary">
            <Tag>{t('volunteer.portal.next')}</Tag>
            {windowText(next)}
          </Text>
          <Text strong ellipsis>
            {next.post.name} · {next.campaignTitle}
          </Text>
          <span>
            <PlaceTags place={next} />
          </span>
        </Flex>
      )}
    </PortalCard>
  );
}
