import { Flex, Grid, Select } from 'antd';
import type { useYearOrgParams } from '../../../lib/useYearOrgParams';
import { OrgTreeSelect } from './OrgTreeSelect';

/** A board's filters: the year (this year and the two before) and an org of the user's scope. */
export function YearOrgFilters({
  filter,
  yearLabel,
  orgLabel,
}: {
  filter: ReturnType<typeof useYearOrgParams>;
  yearLabel: string;
  orgLabel: string;
}) {
  const screens = Grid.useBreakpoint();
  const { thisYear, year, orgId, setFilter } = filter;
  return (
    <Flex gap={8} wrap>
      <Select<number>
        aria-label={yearLabel}
        style={{ width: 110 }}
        value={year}
        onChange={(v) => setFilter({ year: v })}
        options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y} 年` }))}
      />
      <OrgTreeSelect
        aria-label={orgLabel}
        placeholder={orgLabel}
        style={{ minWidth: screens.md ? 260 : '100%' }}
        allowClear
        value={orgId}
        onChange={(v) => setFilter({ orgId: v ?? undefined })}
      />
    </Flex>
  );
}
