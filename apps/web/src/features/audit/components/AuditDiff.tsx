import type { AuditEntryResponse } from '@ningxin/shared';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { JsonBlock } from '../../../components/JsonBlock';

/** An entry's record before and after the change, side by side (stacked on a phone). */
export function AuditDiff({ entry }: { entry: AuditEntryResponse }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 12]}>
      <Col xs={24} md={12}>
        <JsonBlock title={t('audit.before')} value={entry.before} empty={t('audit.empty')} />
      </Col>
      <Col xs={24} md={12}>
        <JsonBlock title={t('audit.after')} value={entry.after} empty={t('audit.empty')} />
      </Col>
    </Row>
  );
}
