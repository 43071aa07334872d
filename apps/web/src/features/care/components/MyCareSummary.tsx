import { type CareMineResponse, localIsoDate } from '@ningxin/shared';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** My next 政治生日, in a line. */
export function NextBirthday({ data }: { data: CareMineResponse }) {
  const { t } = useTranslation();
  const next = data.nextBirthday;
  if (!next) return null;
  const today = localIsoDate(new Date()) === next.on;
  return (
    <Typography.Text data-testid="my-next-birthday">
      {t('care.mine.nextBirthday')}：
      {today
        ? t('care.mine.today', { years: next.years })
        : t('care.mine.birthdayLine', { date: next.on, years: next.years })}
    </Typography.Text>
  );
}
