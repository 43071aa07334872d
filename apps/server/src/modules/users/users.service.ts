import {
  isDivisionOf,
  ROLE_LABELS,
  ROLE_SCOPES,
  type Role,
  type RoleAssignBody,
  type RoleAssignmentResponse,
  type ScopeKind,
  SEPARATED_ROLES,
  type UserCreateBody,
  type UserResponse,
} from '@ningxin/shared';
import type { Config } from '../../config';
import type { Db, Executor } from '../../db/client';
import { notFound } from '../../lib/errors';
import type { Extensions } from '../../lib/modules';
import { type Actor, assertCan } from '../../policy/policy';
import { audited } from '../audit/audit.service';
import { hashPassword } from '../auth/auth.password';
import {
  noSecondFactor,
  notLocked,
  roleAlreadyAssigned,
  scopeNotAllowed,
  scopeOrgNotFound,
  separatedAccountReset,
  separatedRoles,
  unknownDivision,
  usernameTaken,
} from './users.errors';
import { mapAssignment, mapUser } from './users.mapper';
import { usersRepository } from './users.repository';

/** What this module needs from the org tree. */
export interface OrgLookup {
  /** Whether the org exists and is not closed. */
  isOpen(db: Executor, id: number): Promise<boolean>;
}

declare module '../../lib/modules' {
  interface ExtensionPoints {
    /** What the accounts need of sign-in (the auth module): its locks and its sessions. */
    'users.credentials': {
      /** When each locked username is locked until. */
      lockedUntil(executor: Executor, usernames: string[]): Promise<Map<string, Date>>;
      /** Lifts a lock; false when the name was not locked. */
      clearLock(tx: Executor, username: string): Promise<boolean>;
      /** Signs the user out everywhere; returns how many sessions ended. */
      endSessions(tx: Executor, userId: number): Promise<number>;
      /** The accounts among these that sign in with a second factor. */
      withSecondFactor(executor: Executor, userIds: number[]): Promise<Set<number>>;
      /** Forgets the user's second factor; false when there was none. */
      clearSecondFactor(tx: Executor, userId: number): Promise<boolean>;
    };
  }
}

export interface UsersDeps {
  db: Db;
  config: Config;
  orgs: OrgLookup;
  extensions: Extensions;
}

export function createUsersService({ db, config, orgs, extensions }: UsersDeps) {
  const credentials = () => {
    const [port] = extensions.all('users.credentials');
    if (!port) throw new Error('no module provides users.credentials');
    return port;
  };

  async function load(id: number): Promise<UserResponse> {
    const user = await usersRepository.findById(db, id);
    if (!user) throw notFound('账户');
    const [locks, secondFactor, assignments] = await Promise.all([
      credentials().lockedUntil(db, [user.username]),
      credentials().withSecondFactor(db, [id]),
      usersRepository.assignmentsOf(db, [id]),
    ]);
    return mapUser(user, locks.get(user.username) ?? null, assignments, secondFactor.has(id));
  }

  return {
    /** Whether a member record has its own login. */
    /** Display names of accounts by id, for showing who did something (audit entries, status changes). */
    displayNames(executor: Executor, ids: Iterable<number | null>): Promise<Map<number, string>> {
      const unique = [...new Set([...ids].filter((id): id is number => id !== null))];
      return usersRepository.displayNames(executor, unique);
    },

    /** For sign-in: the account by id or by (lower-case) username, with its password hash. */
    account: (executor: Executor, id: number) => usersRepository.findById(executor, id),
    accountByUsername: (executor: Executor, username: string) =>
      usersRepository.findByUsername(executor, username),
    /** For sign-in: a new password (the user's own change, or a reset that must be changed). */
    setPassword: (tx: Executor, id: number, passwordHash: string, mustChange: boolean) =>
      usersRepository.setPassword(tx, id, passwordHash, mustChange),
    markLogin: (tx: Executor, id: number, at: Date) => usersRepository.markLogin(tx, id, at),
    /** For sign-in: the password is past its age; until it is changed the account can do nothing else. */
    requirePasswordChange: (tx: Executor, id: number) => usersRepository.requirePasswordChange(tx, id),

    /**
     * For messages to people (notices): the enabled staff accounts whose org scope lies in one of
     * the subtrees at `paths`, or who hold one of `roles` (only those scoped to an org inside
     * `rolesWithin`, when it is given). Own-record (member) assignments are not staff.
     */
    staffAccountsIn: (
      executor: Executor,
      q: { paths: readonly string[]; roles: readonly Role[]; rolesWithin: readonly string[] | null },
    ) => usersRepository.staffIn(executor, q),

    /** The enabled own logins of members (all, or those of these members). */
    memberAccounts: (executor: Executor, memberIds?: readonly number[]) =>
      usersRepository.memberAccounts(executor, memberIds),

    /** Enabled accounts holding a role, with the org path of each org scope. */
    roleHolders: (executor: Executor, role: Role) => usersRepository.roleHolders(executor, role),

    /**
     * How to show accounts in a list of people: the display name, the member record of a member's
     * login, and the org of the first org-scoped assignment of a staff account.
     */
    async cards(
      executor: Executor,
      ids: readonly number[],
    ): Promise<Map<number, { displayName: string; memberId: number | null; orgName: string | null }>> {
      const unique = [...new Set(ids)];
      const [rows, assignments] = await Promise.all([
        usersRepository.findMany(executor, unique),
        usersRepository.assignmentsOf(executor, unique),
      ]);
      return new Map(
        rows.map((u) => [
          u.id,
          {
            displayName: u.displayName,
            memberId: u.memberId,
            orgName: assignments.find((a) => a.userId === u.id && a.orgName !== null)?.orgName ?? null,
          },
        ]),
      );
    },

    /**
     * An enabled account as an actor without a session (ip null, session 0): for the demo seed
     * and for work done on a named account's behalf outside a request. Null for no such account.
     */
    async actorFor(username: string): Promise<Actor | null> {
      const user = await usersRepository.findByUsername(db, username);
      if (!user || user.disabled) return null;
      const assignments = await usersRepository.assignmentsOf(db, [user.id]);
      return {
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        sessionId: 0,
        ip: null,
        memberId: user.memberId,
        assignments: assignments.map((a) => ({
          id: a.id,
          role: a.role as Role,
          scopeKind: a.scopeKind as ScopeKind,
          orgId: a.orgId,
          orgPath: a.orgPath,
          division: a.division,
          memberId: user.memberId,
        })),
      };
    },

    async hasAccount(executor: Executor, memberId: number): Promise<boolean> {
      return (await usersRepository.findByMemberId(executor, memberId)) !== null;
    },

    async assignmentsFor(userId: number): Promise<RoleAssignmentResponse[]> {
      return (await usersRepository.assignmentsOf(db, [userId])).map(mapAssignment);
    },

    async list(actor: Actor): Promise<UserResponse[]> {
      assertCan(actor, 'user.read');
      const rows = await usersRepository.list(db);
      const ids = rows.map((u) => u.id);
      const [assignments, locks, secondFactor] = await Promise.all([
        usersRepository.assignmentsOf(db, ids),
        credentials().lockedUntil(
          db,
          rows.map((u) => u.username),
        ),
        credentials().withSecondFactor(db, ids),
      ]);
      return rows.map((u) => mapUser(u, locks.get(u.username) ?? null, assignments, secondFactor.has(u.id)));
    },

    async get(actor: Actor, id: number): Promise<UserResponse> {
      assertCan(actor, 'user.read');
      return load(id);
    },

    /** Creates an account; its user must change the password at first sign-in. */
    async create(actor: Actor, body: UserCreateBody): Promise<UserResponse> {
      assertCan(actor, 'user.write');
      const passwordHash = await hashPassword(body.password);
      const id = await audited(db, actor, async (tx, audit) => {
        const user = await usersRepository.insert(tx, {
          username: body.username.toLowerCase(),
          displayName: body.displayName,
          passwordHash,
          mustChangePassword: true,
        });
        if (!user) throw usernameTaken();
        audit({
          action: 'user.created',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.username,
          after: { username: user.username, displayName: user.displayName },
        });
        return user.id;
      });
      return load(id);
    },

    /**
     * A member's own login (role member, scope self) inside the caller's transaction; the caller
     * has checked that the actor may manage the member. Null when the username is taken.
     */
    async createMemberAccount(
      tx: Executor,
      values: { username: string; displayName: string; password: string; memberId: number },
    ): Promise<number | null> {
      const user = await usersRepository.insert(tx, {
        username: values.username.toLowerCase(),
        displayName: values.displayName,
        passwordHash: await hashPassword(values.password),
        mustChangePassword: true,
        memberId: values.memberId,
      });
      if (!user) return null;
      await usersRepository.insertAssignment(tx, {
        userId: user.id,
        role: 'member',
        scopeKind: 'self',
        orgId: null,
        division: null,
      });
      return user.id;
    },

    /** Sets a new first password, signs the user out everywhere and clears any lock. */
    async resetPassword(actor: Actor, id: number, password: string): Promise<UserResponse> {
      assertCan(actor, 'user.write');
      const passwordHash = await hashPassword(password);
      await audited(db, actor, async (tx, audit) => {
        const user = await usersRepository.findById(tx, id);
        if (!user) throw notFound('账户');
        // The system admin must not be able to take over the security or audit admin's account.
        const held = await usersRepository.assignmentsOf(tx, [id]);
        if (held.some((a) => SEPARATED_ROLES.includes(a.role as Role) && a.role !== 'system_admin')) {
          throw separatedAccountReset();
        }
        await usersRepository.setPassword(tx, id, passwordHash, true);
        await credentials().endSessions(tx, id);
        await credentials().clearLock(tx, user.username);
        audit({
          action: 'user.password_reset',
          targetType: 'user',
          targetId: id,
          targetLabel: user.username,
        });
      });
      return load(id);
    },

    async unlock(actor: Actor, id: number): Promise<UserResponse> {
      assertCan(actor, 'role.assign');
      await audited(db, actor, async (tx, audit) => {
        const user = await usersRepository.findById(tx, id);
        if (!user) throw notFound('账户');
        if (!(await credentials().clearLock(tx, user.username))) throw notLocked();
        audit({
          action: 'user.unlocked',
          targetType: 'user',
          targetId: id,
          targetLabel: user.username,
        });
      });
      return load(id);
    },

    /**
     * Forgets a user's second factor (lost phone, no recovery code left) and signs them out
     * everywhere: at the next sign-in the password alone, then they set it up again.
     */
    async resetTwoFactor(actor: Actor, id: number): Promise<UserResponse> {
      assertCan(actor, 'role.assign');
      await audited(db, actor, async (tx, audit) => {
        const user = await usersRepository.findById(tx, id);
        if (!user) throw notFound('账户');
        if (!(await credentials().clearSecondFactor(tx, id))) throw noSecondFactor();
        const ended = await credentials().endSessions(tx, id);
        audit({
          action: 'user.two_factor_reset',
          targetType: 'user',
          targetId: id,
          targetLabel: user.username,
          after: { sessionsEnded: ended },
        });
      });
      return load(id);
    },

    async assignRole(actor: Actor, id: number, body: RoleAssignBody): Promise<UserResponse> {
      assertCan(actor, 'role.assign');
      const { role, scope } = body;
      if (!ROLE_SCOPES[role].includes(scope.kind)) throw scopeNotAllowed(ROLE_LABELS[role]);
      if (scope.kind === 'home' && !isDivisionOf(config.homeCity, scope.division))
        throw unknownDivision(scope.division);
      if (scope.kind === 'host' && !isDivisionOf(config.hostCity, scope.division))
        throw unknownDivision(scope.division);
      await audited(db, actor, async (tx, audit) => {
        // Locked, so that two grants at once cannot both pass the separated-roles check.
        const user = await usersRepository.lockById(tx, id);
        if (!user) throw notFound('账户');
        if (scope.kind === 'org' && !(await orgs.isOpen(tx, scope.orgId))) throw scopeOrgNotFound();
        const held = await usersRepository.assignmentsOf(tx, [id]);
        const mixesSeparated = held.some(
          (a) =>
            a.role !== role &&
            (SEPARATED_ROLES.includes(role) ||
              SEPARATED_ROLES.includes(a.role as (typeof SEPARATED_ROLES)[number])),
        );
        if (mixesSeparated) throw separatedRoles();
        const assignmentId = await usersRepository.insertAssignment(tx, {
          userId: id,
          role,
          scopeKind: scope.kind,
          orgId: scope.kind === 'org' ? scope.orgId : null,
          division: scope.kind === 'home' || scope.kind === 'host' ? scope.division : null,
        });
        if (assignmentId === null) throw roleAlreadyAssigned();
        audit({
          action: 'role.assigned',
          targetType: 'user',
          targetId: id,
          targetLabel: user.username,
          after: { assignmentId, role, scope },
        });
      });
      return load(id);
    },

    async revokeRole(actor: Actor, id: number, assignmentId: number): Promise<UserResponse> {
      assertCan(actor, 'role.assign');
      await audited(db, actor, async (tx, audit) => {
        const user = await usersRepository.findById(tx, id);
        const removed = user ? await usersRepository.deleteAssignment(tx, id, assignmentId) : null;
        if (!user || !removed) throw notFound('角色授权');
        audit({
          action: 'role.revoked',
          targetType: 'user',
          targetId: id,
          targetLabel: user.username,
          before: mapAssignment(removed),
        });
      });
      return load(id);
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
