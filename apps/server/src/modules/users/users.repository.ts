import { and, asc, eq, inArray, isNotNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { roleAssignments, users } from '../../db/schema';
import { orgIdInSubtree, orgNameOf, orgPathOf } from '../orgs/orgs.fragments';

export type UserRow = typeof users.$inferSelect;

export interface AssignmentRow {
  id: number;
  userId: number;
  role: string;
  scopeKind: string;
  orgId: number | null;
  orgName: string | null;
  orgPath: string | null;
  division: string | null;
}

const assignmentColumns = {
  id: roleAssignments.id,
  userId: roleAssignments.userId,
  role: roleAssignments.role,
  scopeKind: roleAssignments.scopeKind,
  orgId: roleAssignments.orgId,
  orgName: orgNameOf(roleAssignments.orgId),
  orgPath: orgPathOf(roleAssignments.orgId),
  division: roleAssignments.division,
};

export const usersRepository = {
  async list(db: Executor): Promise<UserRow[]> {
    return db.select().from(users).orderBy(asc(users.id));
  },

  async findById(db: Executor, id: number): Promise<UserRow | null> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row ?? null;
  },

  async setPassword(tx: Executor, userId: number, passwordHash: string, mustChange: boolean): Promise<void> {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: mustChange,
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, userId));
  },

  async markLogin(tx: Executor, userId: number, at: Date): Promise<void> {
    await tx.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
  },

  async requirePasswordChange(tx: Executor, userId: number): Promise<void> {
    await tx.update(users).set({ mustChangePassword: true }).where(eq(users.id, userId));
  },

  /** The user row, locked until the transaction ends: role changes of one user run one at a time. */
  async lockById(tx: Executor, id: number): Promise<UserRow | null> {
    const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    return row ?? null;
  },

  /** The display names of the given accounts (those that exist). */
  async displayNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(inArray(users.id, ids));
    return new Map(rows.map((r) => [r.id, r.displayName]));
  },

  async findByMemberId(db: Executor, memberId: number): Promise<UserRow | null> {
    const [row] = await db.select().from(users).where(eq(users.memberId, memberId));
    return row ?? null;
  },

  async findMany(db: Executor, ids: number[]): Promise<UserRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(users).where(inArray(users.id, ids));
  },

  /**
   * Enabled accounts with a staff assignment (any scope but self) whose org lies in one of the
   * `paths` subtrees, or whose role is one of `roles` (and, when `rolesWithin` is given, whose
   * scope is an org in one of those subtrees).
   */
  async staffIn(
    db: Executor,
    q: { paths: readonly string[]; roles: readonly string[]; rolesWithin: readonly string[] | null },
  ): Promise<number[]> {
    const inAny = (paths: readonly string[]): SQL | undefined =>
      paths.length ? or(...paths.map((p) => orgIdInSubtree(roleAssignments.orgId, p))) : undefined;
    const bySubtree = q.paths.length ? and(eq(roleAssignments.scopeKind, 'org'), inAny(q.paths)) : undefined;
    const byRole = q.roles.length
      ? and(
          inArray(roleAssignments.role, [...q.roles]),
          q.rolesWithin === null
            ? undefined
            : q.rolesWithin.length
              ? and(eq(roleAssignments.scopeKind, 'org'), inAny(q.rolesWithin))
              : sql`false`,
        )
      : undefined;
    if (!bySubtree && !byRole) return [];
    const rows = await db
      .selectDistinct({ id: users.id })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(users.disabled, false), ne(roleAssignments.scopeKind, 'self'), or(bySubtree, byRole)));
    return rows.map((r) => r.id);
  },

  /** Enabled accounts of members (their own logins), optionally only those of these members. */
  async memberAccounts(db: Executor, memberIds?: readonly number[]) {
    if (memberIds && memberIds.length === 0) return [];
    const rows = await db
      .select({ userId: users.id, memberId: users.memberId })
      .from(users)
      .where(
        and(
          eq(users.disabled, false),
          isNotNull(users.memberId),
          memberIds ? inArray(users.memberId, [...memberIds]) : undefined,
        ),
      );
    return rows as { userId: number; memberId: number }[];
  },

  /** Enabled accounts holding the role, with the path of each org scope (null for other scopes). */
  async roleHolders(db: Executor, role: string) {
    return db
      .select({
        userId: users.id,
        scopeKind: roleAssignments.scopeKind,
        orgPath: orgPathOf(roleAssignments.orgId),
        division: roleAssignments.division,
      })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(users.disabled, false), eq(roleAssignments.role, role)));
  },

  async findByUsername(db: Executor, username: string): Promise<UserRow | null> {
    const [row] = await db.select().from(users).where(eq(users.username, username));
    return row ?? null;
  },

  async insert(
    tx: Executor,
    values: Pick<UserRow, 'username' | 'displayName' | 'passwordHash' | 'mustChangePassword'> &
      Partial<Pick<UserRow, 'memberId'>>,
  ): Promise<UserRow> {
    const [row] = await tx.insert(users).values(values).onConflictDoNothing().returning();
    return row!;
  },

  async assignmentsOf(db: Executor, userIds: number[]): Promise<AssignmentRow[]> {
    if (userIds.length === 0) return [];
    return db
      .select(assignmentColumns)
      .from(roleAssignments)
      .where(inArray(roleAssignments.userId, userIds))
      .orderBy(asc(roleAssignments.id));
  },

  async insertAssignment(
    tx: Executor,
    values: {
      userId: number;
      role: string;
      scopeKind: string;
      orgId: number | null;
      division: string | null;
    },
  ): Promise<number | null> {
    const [row] = await tx
      .insert(roleAssignments)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: roleAssignments.id });
    return row?.id ?? null;
  },

  async deleteAssignment(tx: Executor, userId: number, id: number): Promise<AssignmentRow | null> {
    const [before] = await tx
      .select(assignmentColumns)
      .from(roleAssignments)
      .where(and(eq(roleAssignments.id, id), eq(roleAssignments.userId, userId)));
    if (!before) return null;
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, id));
    return before;
  },
};
