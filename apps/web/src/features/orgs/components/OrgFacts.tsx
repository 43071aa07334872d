import type { OrgResponse } from '@ningxin/shared';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { useFormatters } from '../../../lib/useFormatters';

export function OrgFacts({ org }: { org: OrgResponse }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const fmt = useFormatters();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 2, xl: 3 }}
      style={{ marginTop: 16 }}
      items={[
        { key: 'kind', label: t('orgs.kind'), children: labels.orgKind(org.kind, org.kindLabel) },
        { key: 'host', label: t('orgs.hostDistrict'), children: org.hostDistrictName ?? '—' },
        {
          key: 'status',
          label: t('orgs.status'),
          children: org.status === 'closed' ? t('orgs.closedTag') : t('orgs.activeTag'),
        },
        { key: 'children', label: t('orgs.childCount'), children: org.childCount },
        { key: 'updated', label: t('orgs.updatedAt'), children: fmt.dateTime(org.updatedAt) },
      ]}
    />
  );
}
