import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Flex } from '../../../components/plain/Flex';
import { Text } from '../../../components/plain/Text';
import { QueryPortalCard } from '../../../components/QueryPortalCard';
import { careApi, careKeys } from '../care.api';
import { NextBirthday } from '../components/MyCareSummary';

/** The member portal's card: my next 政治生日 and the years, my latest honour. */
export function CareCard() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: careKeys.mine, queryFn: careApi.mine });
  return (
    <QueryPortalCard
      query={mine}
      title={t('care.mine.portalTitle')}
      to="/my-care"
      more={t('care.mine.more')}
      testId="portal-care"
    >
      {(data) => {
        const honour = data.honours[0];
        return (
          <Flex vertical gap={4}>
            <NextBirthday data={data} />
            {honour ? (
              <Text type="secondary">
                {t('care.mine.honours')}：{honour.title}（{honour.levelLabel}，{honour.awardedOn}）
              </Text>
            ) : null}
          </Flex>
        );
      }}
    </QueryPortalCard>
  );
}
