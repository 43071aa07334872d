import { Input, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DivisionSelect } from '../../meta/DivisionSelect';
import { filterYears } from '../money';

/** The county and year filters every hometown list shares, and a keyword search when asked. */
export function HometownFilters({
  countyCode,
  year,
  onChange,
  onSearch,
  children,
}: {
  countyCode: string | undefined;
  year: number | undefined;
  onChange: (patch: { countyCode?: string | undefined; year?: number | undefined }) => void;
  onSearch?: (q: string | undefined) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <DivisionSelect
        side="home"
        aria-label={t('hometown.county')}
        placeholder={t('hometown.allCounties')}
        style={{ minWidth: 140 }}
        value={countyCode}
        onChange={(v) => onChange({ countyCode: v || undefined })}
      />
      <Select<number | 0>
        aria-label={t('hometown.year')}
        style={{ minWidth: 110 }}
        value={year ?? 0}
        onChange={(v) => onChange({ year: v || undefined })}
        options={[
          { value: 0, label: t('hometown.allYears') },
          ...filterYears().map((y) => ({ value: y, label: t('hometown.yearOf', { year: y }) })),
        ]}
      />
      {children}
      {onSearch ? (
        <Input.Search
          allowClear
          placeholder={t('hometown.search')}
          aria-label={t('hometown.search')}
          style={{ maxWidth: 220 }}
          onSearch={(v) => onSearch(v.trim() || undefined)}
        />
      ) : null}
    </>
  );
}
