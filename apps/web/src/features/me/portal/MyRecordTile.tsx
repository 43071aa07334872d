import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { Descriptions } from '../../../components/plain/Descriptions';
import { QueryPortalCard } from '../../../components/QueryPortalCard';
import { useMyRecord } from '../useMyRecord';

/** The portal's card: where my record stands (org, status, masked phone, both cities). */
export function MyRecordTile() {
  const { t } = useTranslation();
  const labels = useLabels();
  const record = useMyRecord();
  return (
    <QueryPortalCard query={record} title={t('portal.record.title')} to="/me">
      {(m) => (
        <Descriptions
          items={[
            { key: 'org', label: t('portal.record.org'), children: m.orgName },
            { key: 'status', label: t('portal.record.status'), children: labels.memberStatus(m.status) },
            { key: 'phone', label: t('portal.record.phone'), children: m.phoneMasked },
            { key: 'home', label: t('portal.record.homeCounty'), children: m.homeCountyName ?? m.homeCounty },
            ...(m.hostDistrictName
              ? [{ key: 'host', label: t('portal.record.host'), children: m.hostDistrictName }]
              : []),
          ]}
        />
      )}
    </QueryPortalCard>
  );
}
