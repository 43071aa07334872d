import { Card, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { isApiError } from '../../../lib/api';
import { MemberProfile } from '../../members/components/MemberProfile';
import { MyContactForm } from '../components/MyContactForm';
import { useMyRecord } from '../useMyRecord';

/** 我的档案: a member's own record (read-only, masked) and the contact details they may change. */
export function MyRecordPage() {
  const { t } = useTranslation();
  const record = useMyRecord();
  let body: ReactNode;
  if (record.isPending) {
    body = (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  } else if (record.isError) {
    body =
      isApiError(record.error) && record.error.status === 404 ? (
        <Result status="info" title={t('me.noRecord')} />
      ) : (
        <LoadError error={record.error} onRetry={() => void record.refetch()} />
      );
  } else {
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 15, order: 1 }}>
          <MemberProfile member={record.data} />
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 9, order: 2 }}>
          <MyContactForm key={record.data.version} record={record.data} />
        </Col>
      </Row>
    );
  }
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} className="nx-page-title">
        {t('me.title')}
      </Typography.Title>
      {body}
    </Flex>
  );
}
