import { and, asc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { orgPositions, orgs } from '../../db/schema';
import type { OrgScope } from '../../policy/policy';
import { assignmentsScopedTo } from '../users/users.fragments';

export type OrgRow = typeof orgs.$inferSelect;
export type PositionRow = typeof orgPositions.$inferSelect;
export type OrgTreeRow = Pick<
  OrgRow,
  'id' | 'parentId' | 'path' | 'name' | 'kind' | 'closedAt' | 'sortOrder'
>;

/** Rows of the subtree rooted at `path` (the root included). */
export const inSubtree = (path: string): SQL => or(eq(orgs.path, path), like(orgs.path, `${path}.%`))!;

function scopeWhere(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if (scope.paths.length === 0) return sql`false`;
  return or(...scope.paths.map(inSubtree));
}

export const orgsRepository = {
  async findById(db: Executor, id: number): Promise<OrgRow | null> {
    const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
    return row ?? null;
  },

  /** The row locked for this transaction. */
  async lockById(tx: Executor, id: number): Promise<OrgRow | null> {
    const [row] = await tx.select().from(orgs).where(eq(orgs.id, id)).for('update');
    return row ?? null;
  },

  /** The open second-level committee (a child of a root) of a host district, first by sort order. */
  async openCommitteeOfDistrict(db: Executor, hostDistrict: string): Promise<OrgRow | null> {
    const [row] = await db
      .select()
      .from(orgs)
      .where(
        and(
          eq(orgs.hostDistrict, hostDistrict),
          eq(orgs.kind, 'sub_committee'),
          isNull(orgs.closedAt),
          sql`${orgs.parentId} in (select r.id from ${orgs} r where r.parent_id is null)`,
        ),
      )
      .orderBy(asc(orgs.sortOrder), asc(orgs.id))
      .limit(1);
    return row ?? null;
  },

  /** The open root of the tree (the top committee), the first by sort order. */
  async topCommittee(db: Executor): Promise<OrgRow | null> {
    const [row] = await db
      .select()
      .from(orgs)
      .where(and(isNull(orgs.parentId), isNull(orgs.closedAt)))
      .orderBy(asc(orgs.sortOrder), asc(orgs.id))
      .limit(1);
    return row ?? null;
  },

  async findMany(db: Executor, ids: number[]): Promise<OrgRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(orgs).where(inArray(orgs.id, ids));
  },

  async listForTree(db: Executor, scope: OrgScope, includeClosed: boolean): Promise<OrgTreeRow[]> {
    return db
      .select({
        id: orgs.id,
        parentId: orgs.parentId,
        path: orgs.path,
        name: orgs.name,
        kind: orgs.kind,
        closedAt: orgs.closedAt,
        sortOrder: orgs.sortOrder,
      })
      .from(orgs)
      .where(and(scopeWhere(scope), includeClosed ? undefined : isNull(orgs.closedAt)))
      .orderBy(asc(orgs.sortOrder), asc(orgs.id));
  },

  async countActiveChildren(db: Executor, id: number): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(orgs)
      .where(and(eq(orgs.parentId, id), isNull(orgs.closedAt)));
    return row?.n ?? 0;
  },

  /** How many role assignments are scoped to the org (the users module's count). */
  async countAssignments(db: Executor, id: number): Promise<number> {
    const [row] = await queryRows<{ n: number }>(db, sql`select ${assignmentsScopedTo(id)} as n`);
    return row?.n ?? 0;
  },

  async nextId(tx: Executor): Promise<number> {
    const [row] = await queryRows<{ id: number | string }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('orgs', 'id')) as id`,
    );
    return Number(row!.id);
  },

  async insert(tx: Executor, values: typeof orgs.$inferInsert): Promise<OrgRow> {
    const [row] = await tx.insert(orgs).values(values).returning();
    return row!;
  },

  /** Updates when the version still matches; null when someone else changed the row first. */
  async update(
    tx: Executor,
    id: number,
    version: number,
    values: Partial<Pick<OrgRow, 'name' | 'hostDistrict' | 'closedAt' | 'closedReason' | 'parentId'>>,
  ): Promise<OrgRow | null> {
    const [row] = await tx
      .update(orgs)
      .set({ ...values, updatedAt: new Date(), version: sql`${orgs.version} + 1` })
      .where(and(eq(orgs.id, id), eq(orgs.version, version)))
      .returning();
    return row ?? null;
  },

  /** Re-roots every path of the subtree at `oldPath` under `newPath`. */
  async rewritePaths(tx: Executor, oldPath: string, newPath: string): Promise<void> {
    await tx
      .update(orgs)
      .set({ path: sql`${newPath} || substr(${orgs.path}, ${oldPath.length + 1})` })
      .where(inSubtree(oldPath));
  },

  async positionsOf(db: Executor, orgId: number): Promise<PositionRow[]> {
    return db
      .select()
      .from(orgPositions)
      .where(eq(orgPositions.orgId, orgId))
      .orderBy(asc(orgPositions.termStart), asc(orgPositions.id));
  },

  async findPosition(db: Executor, orgId: number, id: number): Promise<PositionRow | null> {
    const [row] = await db
      .select()
      .from(orgPositions)
      .where(and(eq(orgPositions.id, id), eq(orgPositions.orgId, orgId)));
    return row ?? null;
  },

  async insertPosition(tx: Executor, values: typeof orgPositions.$inferInsert): Promise<PositionRow> {
    const [row] = await tx.insert(orgPositions).values(values).returning();
    return row!;
  },

  async updatePosition(
    tx: Executor,
    id: number,
    version: number,
    values: Partial<Pick<PositionRow, 'title' | 'holderName' | 'termStart' | 'termEnd'>>,
  ): Promise<PositionRow | null> {
    const [row] = await tx
      .update(orgPositions)
      .set({ ...values, updatedAt: new Date(), version: sql`${orgPositions.version} + 1` })
      .where(and(eq(orgPositions.id, id), eq(orgPositions.version, version)))
      .returning();
    return row ?? null;
  },

  /** Positions held on `day` in these orgs by these names (the holders other modules ask about). */
  async positionsHeld(db: Executor, orgIds: readonly number[], names: readonly string[], day: string) {
    if (orgIds.length === 0 || names.length === 0) return [];
    return db
      .select({ orgId: orgPositions.orgId, holderName: orgPositions.holderName, title: orgPositions.title })
      .from(orgPositions)
      .where(
        and(
          inArray(orgPositions.orgId, [...orgIds]),
          inArray(orgPositions.holderName, [...names]),
          sql`${orgPositions.termStart} <= ${day}`,
          or(isNull(orgPositions.termEnd), sql`${orgPositions.termEnd} >= ${day}`),
        ),
      );
  },

  async deletePosition(tx: Executor, id: number): Promise<void> {
    await tx.delete(orgPositions).where(eq(orgPositions.id, id));
  },
};
