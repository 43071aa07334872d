import { Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { filterYears } from '../../hometown/money';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';

/** The year and org filters every care list shares, and the list's own selects beside them. */
export function CareFilters({
  year,
  orgId,
  onChange,
  children,
}: {
  year: number | undefined;
  orgId: number | undefined;
  onChange: (patch: { year?: number | undefined; orgId?: number | undefined }) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {children}
      <Select<number | 0>
        aria-label={t('care.allYears')}
        style={{ minWidth: 110 }}
        value={year ?? 0}
        onChange={(v) => onChange({ year: v || undefined })}
        options={[
          { value: 0, label: t('care.allYears') },
          ...filterYears().map((y) => ({ value: y, label: t('care.yearOf', { year: y }) })),
        ]}
      />
      <OrgTreeSelect
        aria-label={t('care.org')}
        placeholder={t('care.org')}
        style={{ minWidth: 220 }}
        value={orgId}
        onChange={(v) => onChange({ orgId: v ?? undefined })}
      />
    </>
  );
}
