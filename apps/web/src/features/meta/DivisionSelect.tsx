import { Select, type SelectProps } from 'antd';
import { useDivisions } from './useDivisions';

interface DivisionSelectProps<V> extends Omit<SelectProps<V>, 'options'> {
  /** 流出地 (the home city's counties) or 流入地 (the host city's districts). */
  side: 'home' | 'host';
}

/** A county or district of the home or host city, by code, searchable by name. */
export function DivisionSelect<V extends string | string[] = string>({
  side,
  ...props
}: DivisionSelectProps<V>) {
  const divisions = useDivisions();
  return (
    <Select<V>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={divisions.isPending}
      options={divisions.data?.[side].divisions.map((d) => ({ value: d.code, label: d.name })) ?? []}
      {...props}
    />
  );
}
