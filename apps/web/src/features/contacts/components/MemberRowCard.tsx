import type { MemberListItem } from '@ningxin/shared';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatters } from '../../../lib/useFormatters';
import { MemberStatusTag } from '../../members/components/MemberStatusTag';

/** One member as the lost-contact and co-management lists show it: where they are, status, last contact. */
export function MemberRowCard({
  member,
  extra,
  children,
}: {
  member: Pick<
    MemberListItem,
    'id' | 'name' | 'status' | 'orgName' | 'homeCountyName' | 'hostDistrictName' | 'lastContactAt'
  >;
  extra?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <Card size="small" data-testid="member-row">
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Flex gap={8} align="center" wrap>
            <Link to={`/members/${member.id}`}>
              <Typography.Text strong>{member.name}</Typography.Text>
            </Link>
            <MemberStatusTag status={member.status} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {[member.homeCountyName, member.hostDistrictName].filter(Boolean).join(' → ')} · {member.orgName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {member.lastContactAt
              ? t('contacts.lastContact', { date: fmt.date(member.lastContactAt) })
              : t('contacts.never')}
          </Typography.Text>
          {children}
        </Flex>
        {extra && (
          <Flex gap={4} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
