import { Tag } from 'antd';
import { useCurrentUser } from '../features/auth/useMe';
import { useLabels } from './i18n/useLabels';

/** The distinct roles of the signed-in user, as tags. */
export function UserRoleTags() {
  const me = useCurrentUser();
  const labels = useLabels();
  const roles = [...new Map(me.roles.map((r) => [r.role, labels.role(r.role, r.roleLabel)])).values()];
  return (
    <span className="nx-role-tags">
      {roles.map((label) => (
        <Tag key={label} color="red" variant="filled">
          {label}
        </Tag>
      ))}
    </span>
  );
}
