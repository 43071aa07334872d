import { type DuesMemberResponse, displayFen, monthLabel } from '@ningxin/shared';
import { useTranslation } from 'react-i18next';
import { Descriptions } from '../../../components/plain/Descriptions';

/** A member's dues in a few lines: 党费交至, what is owed, the year's base. */
export function DuesSummary({ data, full = false }: { data: DuesMemberResponse; full?: boolean }) {
  const { t } = useTranslation();
  const items = [
    {
      key: 'paidUpTo',
      label: t('dues.mine.paidUpTo'),
      children: data.paidUpTo ? monthLabel(data.paidUpTo) : t('dues.mine.none'),
    },
    {
      key: 'owed',
      label: t('dues.arrears.col.months'),
      children: data.owed.length
        ? t('dues.mine.owed', { n: data.owed.length, amount: displayFen(data.owedFen, 'yuan') })
        : t('dues.mine.noOwed'),
    },
    ...(full
      ? [
          {
            key: 'base',
            label: t('dues.bases.title'),
            children: data.base
              ? t('dues.mine.base', {
                  year: data.base.year,
                  amount: displayFen(data.base.monthlyFen, 'yuan'),
                  category: data.base.categoryLabel,
                })
              : t('dues.mine.noBase'),
          },
          {
            key: 'paid',
            label: t('dues.mine.paidMonths'),
            children: data.paidMonths.map((m) => `${Number(m.slice(5, 7))}月`).join('、') || '—',
          },
        ]
      : []),
  ];
  return <Descriptions items={items} />;
}
