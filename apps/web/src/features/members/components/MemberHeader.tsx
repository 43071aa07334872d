import { ArrowLeftOutlined, EditOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { MEMBER_STATUS_TRANSITIONS, type MemberResponse } from '@ningxin/shared';
import { Button, Card, Flex, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../auth/useMe';
import { PrintFormButton } from '../print/PrintFormButton';
import { MemberStatusTag } from './MemberStatusTag';

interface MemberHeaderProps {
  member: MemberResponse;
  onEdit: () => void;
  onChangeStatus: () => void;
  onOpenAccount: () => void;
  /** The member's photo, beside the name. */
  photo?: ReactNode;
}

/** The member's name and status, where they belong, and what the user may do. */
export function MemberHeader({ member: m, onEdit, onChangeStatus, onOpenAccount, photo }: MemberHeaderProps) {
  const { t } = useTranslation();
  const canChange = m.policies.changeStatus && MEMBER_STATUS_TRANSITIONS[m.status].length > 0;
  const canPrint = useCurrentUser().permissions.includes('member.export');
  return (
    <Card size="small">
      <Link to="/members" className="nx-back-link">
        <ArrowLeftOutlined aria-hidden /> {t('member.back')}
      </Link>
      <Flex gap={16} align="flex-start" style={{ marginTop: 8 }}>
        {photo}
        <div className="nx-member-head">
          <Flex wrap gap={8} align="center" justify="space-between">
            <Space wrap size={8} align="center">
              <Typography.Title level={2} className="nx-member-name">
                {m.name}
              </Typography.Title>
              <MemberStatusTag status={m.status} />
              {m.hasAccount && <Tag color="blue">{t('member.hasAccount')}</Tag>}
            </Space>
            <Space wrap size={8}>
              {canPrint && <PrintFormButton memberId={m.id} />}
              {canChange && (
                <Button icon={<SwapOutlined aria-hidden />} onClick={onChangeStatus}>
                  {t('member.changeStatus')}
                </Button>
              )}
              {m.policies.update && !m.hasAccount && m.status === 'active' && (
                <Button icon={<UserAddOutlined aria-hidden />} onClick={onOpenAccount}>
                  {t('member.openAccount')}
                </Button>
              )}
              {m.policies.update && (
                <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={onEdit}>
                  {t('member.edit')}
                </Button>
              )}
            </Space>
          </Flex>
          <Typography.Text type="secondary" className="nx-member-org">
            {m.orgPathNames.length ? m.orgPathNames.join(' / ') : m.orgName}
          </Typography.Text>
        </div>
      </Flex>
    </Card>
  );
}
