import type { MemberListItem } from '@ningxin/shared';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MemberStatusTag } from './MemberStatusTag';

interface MemberCardListProps {
  items: MemberListItem[];
  loading: boolean;
}

/** The member list on a phone: one small card per member (name, status, org, masked phone). */
export function MemberCardList({ items, loading }: MemberCardListProps) {
  const { t } = useTranslation();
  return (
    <Spin spinning={loading}>
      {items.length === 0 && !loading ? (
        <Empty description={t('members.empty')} />
      ) : (
        <ul className="nx-member-cards">
          {items.map((m) => (
            <li key={m.id}>
              <Link to={`/members/${m.id}`} className="nx-member-card-link">
                <Card size="small" hoverable>
                  <Flex justify="space-between" align="center" gap={8}>
                    <Typography.Text strong ellipsis>
                      {m.name}
                    </Typography.Text>
                    <MemberStatusTag status={m.status} />
                  </Flex>
                  <Typography.Text type="secondary" ellipsis className="nx-member-card-line">
                    {m.orgName}
                  </Typography.Text>
                  <Typography.Text type="secondary" className="nx-member-card-line nx-mono">
                    {m.phoneMasked}
                  </Typography.Text>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Spin>
  );
}
