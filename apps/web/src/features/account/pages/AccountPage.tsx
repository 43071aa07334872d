import { Alert, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/useMe';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { ProfileCard } from '../components/ProfileCard';
import { SessionsTable } from '../components/SessionsTable';
import { TwoFactorCard } from '../components/TwoFactorCard';

/** 我的账户: profile, password, two-step verification, sessions. A user who must change the password sees only that. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mustChange = me.user.mustChangePassword;
  const mustTurnOn = !mustChange && me.user.twoFactorRequired;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} className="nx-page-title">
        {t('account.title')}
      </Typography.Title>
      {mustChange && <Alert type="warning" showIcon title={t('account.mustChange')} />}
      {mustTurnOn && <Alert type="warning" showIcon title={t('account.mustTurnOnTwoFactor')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          {mustChange ? <ChangePasswordForm /> : <ProfileCard />}
        </Col>
        <Col xs={24} lg={12}>
          {mustChange ? <ProfileCard /> : <ChangePasswordForm />}
        </Col>
      </Row>
      {!mustChange && <TwoFactorCard />}
      {!mustChange && !mustTurnOn && <SessionsTable />}
    </Flex>
  );
}
