import { Tag } from '../components/plain/Tag';
import { useCurrentUser } from '../features/auth/useMe';
import { useLabels } from './i18n/useLabels';

/** The distinct roles of the signed-in user, as tags (red tags, filled: antd's Tag variant). */
export function UserRoleTags() {
  const me = useCurrentUser();
  const labels = useLabels();
  const roles = [...new Map(me.roles.map((r) => [r.role, labels.role(r.role, r.roleLabel)])).values()];
  return (
    <span className="nx-role-tags">
      {roles.map((label) => (
        <Tag key={label} color="red">
          {label}
        </Tag>
      ))}
    </span>
  );
}
