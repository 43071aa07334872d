import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDivisions } from '../../meta/useDivisions';

/** A district of the host city (流入地), for where a second-level committee sits. */
export function HostDistrictSelect(props: SelectProps<string>) {
  const { t } = useTranslation();
  const divisions = useDivisions();
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('orgs.selectDistrict')}
      loading={divisions.isPending}
      options={divisions.data?.host.divisions.map((d) => ({ value: d.code, label: d.name })) ?? []}
      {...props}
    />
  );
}
