import { type NoticeTarget, type NoticeTargetRole, ROLE_ACTIONS } from '@ningxin/shared';
import type { Executor } from '../../db/client';
import { forbidden } from '../../lib/errors';
import { type Actor, isWithinPath } from '../../policy/policy';
import type { MembersService } from '../members/record/members.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { UsersService } from '../users/users.service';
import {
  targetMemberOffRolls,
  targetMembersNotFound,
  targetOrgsOutOfScope,
  targetRolesOutOfScope,
  targetSpansScopes,
} from './notices.errors';

/** What resolving a target reads of the other modules, through their services. */
export interface TargetDeps {
  orgs: Pick<OrgsService, 'lookupMany'>;
  users: Pick<UsersService, 'staffAccountsIn' | 'memberAccounts'>;
  members: Pick<MembersService, 'placements' | 'onRollsIn'>;
}

/** Where a sender may send: everywhere, or the subtrees of these orgs. */
export type SendingScope = { all: true } | { all: false; orgs: { orgId: number; path: string }[] };

/** The roles whose holders a sender bound to a subtree may address: those that can sit inside it. */
const SUBTREE_ROLES: readonly NoticeTargetRole[] = ['secretary', 'finder', 'member'];

export function sendingScope(actor: Actor): SendingScope {
  const holders = actor.assignments.filter((a) => ROLE_ACTIONS[a.role].includes('notice.send'));
  if (holders.length === 0) throw forbidden();
  if (holders.some((a) => a.scopeKind === 'all')) return { all: true };
  return {
    all: false,
    orgs: holders
      .filter((a) => a.scopeKind === 'org' && a.orgId !== null && a.orgPath !== null)
      .map((a) => ({ orgId: a.orgId as number, path: a.orgPath as string })),
  };
}

/**
 * Checks a target against the sender's scope and returns the org the notice is sent from (null
 * for a sender over everything): every org and named member must lie in one subtree the sender
 * manages, and a sender bound to a subtree addresses only the roles that sit inside it.
 */
export async function checkTarget(
  executor: Executor,
  deps: TargetDeps,
  actor: Actor,
  target: NoticeTarget,
): Promise<{ senderOrgId: number | null }> {
  const scope = sendingScope(actor);
  const within = (path: string) => scope.all || scope.orgs.some((o) => isWithinPath(path, o.path));

  const orgs = await deps.orgs.lookupMany(executor, target.orgIds);
  const orgIds = new Set(target.orgIds);
  if (orgs.length !== orgIds.size || orgs.some((o) => o.closedAt !== null || !within(o.path)))
    throw targetOrgsOutOfScope();
  if (!scope.all && target.roles.some((r) => !SUBTREE_ROLES.includes(r))) throw targetRolesOutOfScope();

  const named = await deps.members.placements(executor, target.memberIds);
  if (named.length !== new Set(target.memberIds).size || named.some((m) => !within(m.orgPath)))
    throw targetMembersNotFound();
  const off = named.find((m) => m.status !== 'active' && m.status !== 'lost');
  if (off) throw targetMemberOffRolls(off.name);

  if (scope.all) return { senderOrgId: null };
  const paths = [...orgs.map((o) => o.path), ...named.map((m) => m.orgPath)];
  const home = scope.orgs.find((o) => paths.every((p) => isWithinPath(p, o.path)));
  if (!home) throw targetSpansScopes();
  return { senderOrgId: home.orgId };
}

/**
 * The accounts a target reaches now: staff whose org scope lies in a targeted subtree or who hold
 * a targeted role (inside `bound`, the sending org's subtree, when there is one), and the own
 * logins of members on the rolls placed in a targeted subtree, named, or (for the member role)
 * anywhere inside `bound`. The sender is left out.
 */
export async function resolveRecipients(
  executor: Executor,
  deps: TargetDeps,
  target: NoticeTarget,
  bound: string | null,
  senderId: number,
): Promise<number[]> {
  const orgPaths = (await deps.orgs.lookupMany(executor, target.orgIds)).map((o) => o.path);
  const boundPaths = bound === null ? null : [bound];
  const staffRoles = target.roles.filter((r) => r !== 'member');
  const staff = await deps.users.staffAccountsIn(executor, {
    paths: orgPaths,
    roles: staffRoles,
    rolesWithin: boundPaths,
  });

  const accounts = await deps.users.memberAccounts(executor);
  const accountIds = accounts.map((a) => a.memberId);
  const reached = new Set<number>();
  const add = (ids: number[]) => {
    for (const id of ids) reached.add(id);
  };
  if (orgPaths.length) add(await deps.members.onRollsIn(executor, accountIds, orgPaths));
  if (target.roles.includes('member')) add(await deps.members.onRollsIn(executor, accountIds, boundPaths));
  const withLogin = new Set(accountIds);
  const namedWithLogin = target.memberIds.filter((id) => withLogin.has(id));
  if (namedWithLogin.length) add(await deps.members.onRollsIn(executor, namedWithLogin, boundPaths));

  const users = new Set(staff);
  for (const a of accounts) if (reached.has(a.memberId)) users.add(a.userId);
  users.delete(senderId);
  return [...users].sort((a, b) => a - b);
}
