import { ACTIVITY_KIND_LIST } from '@ningxin/shared';
import { and, desc, eq, gte, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { memberActivity } from '../../db/schema';
import { arrayLiteral } from '../../lib/array-literal';
import { memberNameOf } from '../members/members.fragments';

export type ActivityRow = typeof memberActivity.$inferSelect;
export type ActivityInsert = typeof memberActivity.$inferInsert;

/** Entries per INSERT. */
const BATCH = 10_000;

/** Entries of the kinds the contracts know (a kind written by a newer version is left out). */
const knownKind = inArray(memberActivity.kind, [...ACTIVITY_KIND_LIST]);

/** The member's entries in a calendar year, or all of them. */
function ofMember(memberId: number, year: number | undefined): SQL | undefined {
  return and(
    eq(memberActivity.memberId, memberId),
    knownKind,
    year === undefined ? undefined : gte(memberActivity.occurredOn, `${year}-01-01`),
    year === undefined ? undefined : lt(memberActivity.occurredOn, `${year + 1}-01-01`),
  );
}

export const activityRepository = {
  /**
   * Writes the entries; one already there for the same source record, kind and member takes the
   * new date, quantity and title and keeps its org and time (no write when nothing changed).
   * The caller passes each key once. A batch is one statement over arrays (unnest): an import's
   * 100,000 entries are ten statements of ten parameters each, not 100,000 rows of parameters.
   */
  async upsert(tx: Executor, rows: readonly ActivityInsert[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const column = (pick: (r: ActivityInsert) => string | number | null | undefined) =>
        arrayLiteral(batch.map((r) => pick(r) ?? null));
      await tx.execute(sql`
        insert into ${memberActivity}
          (member_id, kind, occurred_on, quantity, unit, source_module, source_id, org_id, org_path, title)
        select * from unnest(
          ${column((r) => r.memberId)}::int[], ${column((r) => r.kind)}::text[],
          ${column((r) => r.occurredOn)}::date[], ${column((r) => r.quantity)}::numeric[],
          ${column((r) => r.unit)}::text[], ${column((r) => r.sourceModule)}::text[],
          ${column((r) => r.sourceId)}::text[], ${column((r) => r.orgId)}::int[],
          ${column((r) => r.orgPath)}::text[], ${column((r) => r.title)}::text[])
        on conflict (source_module, source_id, kind, member_id) do update
          set occurred_on = excluded.occurred_on, quantity = excluded.quantity, title = excluded.title
          where (${memberActivity.occurredOn}, ${memberActivity.quantity}, ${memberActivity.title})
            is distinct from (excluded.occurred_on, excluded.quantity, excluded.title)`);
    }
  },

  /** Removes the entries of a source record (of one kind, if given); returns how many. */
  async remove(tx: Executor, sourceModule: string, sourceId: string, kind?: string): Promise<number> {
    const rows = await tx
      .delete(memberActivity)
      .where(
        and(
          eq(memberActivity.sourceModule, sourceModule),
          eq(memberActivity.sourceId, sourceId),
          kind === undefined ? undefined : eq(memberActivity.kind, kind),
        ),
      )
      .returning({ id: memberActivity.id });
    return rows.length;
  },

  /** Removes one member's entries of a source record and kind. */
  async removeOf(tx: Executor, memberId: number, sourceModule: string, sourceId: string, kind: string) {
    const rows = await tx
      .delete(memberActivity)
      .where(
        and(
          eq(memberActivity.memberId, memberId),
          eq(memberActivity.sourceModule, sourceModule),
          eq(memberActivity.sourceId, sourceId),
          eq(memberActivity.kind, kind),
        ),
      )
      .returning({ id: memberActivity.id });
    return rows.length;
  },

  /** A page of a member's entries, newest first (by the day, then as recorded), after the cursor. */
  async page(
    db: Executor,
    memberId: number,
    opts: { year?: number | undefined; after?: { occurredOn: string; id: number }; limit: number },
  ): Promise<ActivityRow[]> {
    const keyset = opts.after
      ? or(
          lt(memberActivity.occurredOn, opts.after.occurredOn),
          and(eq(memberActivity.occurredOn, opts.after.occurredOn), lt(memberActivity.id, opts.after.id)),
        )
      : undefined;
    return db
      .select()
      .from(memberActivity)
      .where(and(ofMember(memberId, opts.year), keyset))
      .orderBy(desc(memberActivity.occurredOn), desc(memberActivity.id))
      .limit(opts.limit);
  },

  /**
   * The latest entries of the members a condition selects, by the day of the deed (the latest day first;
   * within a day, the last recorded first), with the member's name.
   */
  async recent(db: Executor, members: SQL, limit: number) {
    return db
      .select({ entry: memberActivity, memberName: memberNameOf(memberActivity.memberId) })
      .from(memberActivity)
      .where(members)
      .orderBy(desc(memberActivity.occurredOn), desc(memberActivity.id))
      .limit(limit);
  },

  /** A member's year by kind: the quantities summed (as the numeric's text) and the entries counted. */
  async totals(db: Executor, memberId: number, year: number) {
    return db
      .select({
        kind: memberActivity.kind,
        quantity: sql<string>`sum(${memberActivity.quantity})::text`,
        entries: sql<number>`count(*)::int`,
      })
      .from(memberActivity)
      .where(ofMember(memberId, year))
      .groupBy(memberActivity.kind);
  },

  /**
   * Several members' year by kind: the quantities summed (as text), the entries counted and the
   * title of the latest entry (an evaluation's grade). One grouped statement over the member index.
   */
  async yearTotals(db: Executor, memberIds: readonly number[], year: number) {
    if (memberIds.length === 0) return [];
    return db
      .select({
        memberId: memberActivity.memberId,
        kind: memberActivity.kind,
        quantity: sql<string>`sum(${memberActivity.quantity})::text`,
        entries: sql<number>`count(*)::int`,
        latestTitle: sql<string>`(array_agg(${memberActivity.title} order by ${memberActivity.occurredOn} desc, ${memberActivity.id} desc))[1]`,
      })
      .from(memberActivity)
      .where(
        and(
          inArray(memberActivity.memberId, [...memberIds]),
          knownKind,
          gte(memberActivity.occurredOn, `${year}-01-01`),
          lt(memberActivity.occurredOn, `${year + 1}-01-01`),
        ),
      )
      .groupBy(memberActivity.memberId, memberActivity.kind);
  },

  /** The years in which the member has entries, newest first. */
  async years(db: Executor, memberId: number): Promise<number[]> {
    const rows = await db
      .selectDistinct({ year: sql<number>`extract(year from ${memberActivity.occurredOn})::int` })
      .from(memberActivity)
      .where(ofMember(memberId, undefined))
      .orderBy(desc(sql`1`));
    return rows.map((r) => r.year);
  },

  /** Follows an org subtree that moved: the entries of its orgs carry the new paths. */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string): Promise<void> {
    await tx
      .update(memberActivity)
      .set({ orgPath: sql`${newPath} || substr(${memberActivity.orgPath}, ${oldPath.length + 1})` })
      .where(or(eq(memberActivity.orgPath, oldPath), like(memberActivity.orgPath, `${oldPath}.%`)));
  },
};
