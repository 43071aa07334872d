import { type CareMineResponse, localIsoDate } from '@ningxin/shared';
import { useTranslation } from 'react-i18next';
import { Text } from '../../../components/plain/Text';

/** My next 政治生日, in a line. */
export function NextBirthday({ data }: { data: CareMineResponse }) {
  const { t } = useTranslation();
  const next = data.nextBirthday;
  if (!next) return null;
  const today = localIsoDate(new Date()) === next.on;
  return (
    <Text data-testid="my-next-birthday">
      {t('care.mine.nextBirthday')}：
      {today
        ? t('care.mine.today', { years: next.years })
        : t('care.mine.birthdayLine', { date: next.on, years: next.years })}
    </Text>
  );
}
