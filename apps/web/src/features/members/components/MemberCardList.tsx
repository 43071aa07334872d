import type { MemberListItem } from '@ningxin/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Empty } from '../../../components/plain/Empty';
import { MemberStatusTag } from './MemberStatusTag';

interface MemberCardListProps {
  items: MemberListItem[];
  loading: boolean;
}

/**
 * The member list on a phone: one small card per member (name, status, org, masked phone), each a
 * link to the member. Plain elements in antd's small Card look: the phone's list loads no antd.
 */
export function MemberCardList({ items, loading }: MemberCardListProps) {
  const { t } = useTranslation();
  if (items.length === 0 && !loading) return <Empty description={t('members.empty')} />;
  return (
    <ul
      className={loading ? 'nx-member-cards nx-member-cards-loading' : 'nx-member-cards'}
      aria-label={t('members.title')}
      aria-busy={loading}
    >
      {items.map((m) => (
        <li key={m.id}>
          <Link to={`/members/${m.id}`} className="nx-member-card">
            <span className="nx-member-card-head">
              <strong className="nx-member-card-name">{m.name}</strong>
              <MemberStatusTag status={m.status} />
            </span>
            <span className="nx-member-card-line">{m.orgName}</span>
            <span className="nx-member-card-line nx-mono">{m.phoneMasked}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
