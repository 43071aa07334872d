import {
  divisionName,
  ROLE_LABELS,
  type Role,
  type RoleAssignmentResponse,
  type ScopeKind,
  type UserResponse,
} from '@ningxin/shared';
import type { AssignmentRow, UserRow } from './users.repository';

export function scopeLabel(a: Pick<AssignmentRow, 'scopeKind' | 'orgName' | 'division'>): string {
  switch (a.scopeKind) {
    case 'all':
      return '全部';
    case 'org':
      return `${a.orgName ?? '?'}及下级`;
    case 'home':
      return `${divisionName(a.division ?? '') ?? a.division}（流出地）`;
    case 'host':
      return `${divisionName(a.division ?? '') ?? a.division}（流入地）`;
    default:
      return '本人';
  }
}

export function mapAssignment(a: AssignmentRow): RoleAssignmentResponse {
  const role = a.role as Role;
  return {
    id: a.id,
    role,
    roleLabel: ROLE_LABELS[role] ?? a.role,
    scope: {
      kind: a.scopeKind as ScopeKind,
      orgId: a.orgId,
      orgName: a.orgName,
      division: a.division,
      divisionName: a.division ? (divisionName(a.division) ?? null) : null,
    },
    scopeLabel: scopeLabel(a),
  };
}

export function mapUser(
  user: UserRow,
  lockedUntil: Date | null,
  assignments: AssignmentRow[],
  twoFactor: boolean,
): UserResponse {
  const locked = lockedUntil && lockedUntil > new Date() ? lockedUntil : null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: locked ? locked.toISOString() : null,
    twoFactor,
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
    roles: assignments.filter((a) => a.userId === user.id).map(mapAssignment),
    createdAt: user.createdAt.toISOString(),
  };
}
