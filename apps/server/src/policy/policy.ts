import { type Action, ROLE_ACTIONS, type Role, type ScopeKind } from '@ningxin/shared';
import { AppError, forbidden, notFound } from '../lib/errors';

/**
 * The one place that decides who may do what. Every service calls it before it touches data:
 * `assertCan` for a single target, `scopeFilter` to narrow a query to what the actor may see.
 */

export interface Assignment {
  id: number;
  role: Role;
  scopeKind: ScopeKind;
  orgId: number | null;
  /** The materialized path of the scope's org, for subtree scopes. */
  orgPath: string | null;
  division: string | null;
  /** For a self scope: the member record of the account. */
  memberId?: number | null;
}

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  sessionId: number;
  ip: string | null;
  assignments: Assignment[];
  /** The member record of a member account (next domain); null otherwise. */
  memberId: number | null;
}

/** What an action is checked against. */
export type Target =
  | { type: 'org'; path: string }
  | {
      type: 'member';
      orgPath: string;
      homeCounty: string | null;
      hostDistrict: string | null;
      memberId: number;
    };

export function isWithinPath(path: string, scopePath: string): boolean {
  return path === scopePath || path.startsWith(`${scopePath}.`);
}

function grants(a: Assignment, action: Action): boolean {
  return ROLE_ACTIONS[a.role].includes(action);
}

/** Whether one assignment's scope covers the target for the action. */
export function scopeCovers(a: Assignment, action: Action, target: Target): boolean {
  switch (a.scopeKind) {
    case 'all':
      return true;
    case 'org':
      return (
        a.orgPath !== null && isWithinPath(target.type === 'org' ? target.path : target.orgPath, a.orgPath)
      );
    case 'home':
    case 'host':
      if (target.type === 'org') return action === 'org.read'; // the tree's shape is not personal data
      return (a.scopeKind === 'home' ? target.homeCounty : target.hostDistrict) === a.division;
    case 'self':
      return target.type === 'member' && a.memberId != null && target.memberId === a.memberId;
  }
}

/** Every action the actor holds in at least one assignment. */
export function permissionsOf(actor: Actor): Action[] {
  const set = new Set<Action>();
  for (const a of actor.assignments) for (const action of ROLE_ACTIONS[a.role]) set.add(action);
  return [...set].sort();
}

export function can(actor: Actor, action: Action, target?: Target): boolean {
  return actor.assignments.some(
    (a) => grants(a, action) && (target ? scopeCovers(a, action, target) : a.scopeKind === 'all'),
  );
}

/**
 * Throws unless the actor may take the action on the target. An actor who may never take the
 * action gets 403; one who may, but not on this target, gets 404 as if it did not exist.
 * Without a target the action needs an assignment whose scope is everything.
 */
export function assertCan(actor: Actor, action: Action, target?: Target, what = '记录'): void {
  const holders = actor.assignments.filter((a) => grants(a, action));
  if (holders.length === 0) throw forbidden();
  if (!target) {
    if (!holders.some((a) => a.scopeKind === 'all')) throw forbidden();
    return;
  }
  if (!holders.some((a) => scopeCovers(a, action, target))) throw notFound(what);
}

/**
 * Whether the actor may take the action on records placed in the org at `path`, whoever they
 * are: a scope over everything or over the org's subtree. A home or host scope reaches members
 * by their county or district, not by where they are placed, so it never places one.
 */
export function coversOrgPath(actor: Actor, action: Action, path: string): boolean {
  return actor.assignments.some(
    (a) =>
      grants(a, action) &&
      (a.scopeKind === 'all' ||
        (a.scopeKind === 'org' && a.orgPath !== null && isWithinPath(path, a.orgPath))),
  );
}

/** The member record of the actor's own account (a member's scope self), or null for an account that is no member. */
export function selfMemberId(actor: Actor): number | null {
  return actor.assignments.find((a) => a.scopeKind === 'self' && a.memberId != null)?.memberId ?? null;
}

/** Throws 403 unless the actor holds the action in some scope (for a target that turns out not to exist). */
export function assertHolds(actor: Actor, action: Action): void {
  if (!actor.assignments.some((a) => grants(a, action))) throw forbidden();
}

/** How a query over orgs must be narrowed for the action: everything, or these subtrees. */
export type OrgScope = { all: true } | { all: false; paths: string[] };

export function orgScope(actor: Actor, action: Action): OrgScope {
  const holders = actor.assignments.filter((a) => grants(a, action));
  if (holders.length === 0) throw forbidden();
  const wide = holders.some(
    (a) =>
      a.scopeKind === 'all' || (action === 'org.read' && (a.scopeKind === 'home' || a.scopeKind === 'host')),
  );
  if (wide) return { all: true };
  const paths = holders.filter((a) => a.scopeKind === 'org' && a.orgPath).map((a) => a.orgPath as string);
  // Drop paths inside another: the outer one already covers them.
  const roots = paths.filter((p) => !paths.some((q) => q !== p && isWithinPath(p, q)));
  return { all: false, paths: [...new Set(roots)] };
}

export class TwoFactorRequired extends AppError {
  constructor() {
    super(403, 'TWO_FACTOR_REQUIRED', '管理员账户须先开启两步验证，才能使用系统');
  }
}

export class PasswordChangeRequired extends AppError {
  constructor() {
    super(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录、密码已重置或已过期，请先修改密码');
  }
}
