import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../../components/plain/Empty';
import { Flex } from '../../../components/plain/Flex';
import { Tag } from '../../../components/plain/Tag';
import { Text } from '../../../components/plain/Text';
import { QueryPortalCard } from '../../../components/QueryPortalCard';
import { PlaceTags } from '../components/PlaceTags';
import { volunteerApi, volunteerKeys, windowText } from '../volunteer.api';

/** The portal's card: my next volunteer shift (where, when, its state). */
export function MyShiftsTile() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: volunteerKeys.mine, queryFn: () => volunteerApi.mine() });
  return (
    <QueryPortalCard
      query={mine}
      title={t('volunteer.portal.title')}
      to="/volunteer/mine"
      testId="portal-volunteer"
    >
      {({ upcoming }) => {
        const next = upcoming.find((a) => a.state !== 'checked_out' && a.state !== 'no_show');
        return !next ? (
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
        );
      }}
    </QueryPortalCard>
  );
}
