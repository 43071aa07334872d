import { and, desc, eq, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';
import { memberContacts, memberFlags } from '../../../db/schema';
import { displayNameOf } from '../../users/users.fragments';

export type ContactRow = typeof memberContacts.$inferSelect;
export type ContactInsert = typeof memberContacts.$inferInsert;
export type FlagRow = typeof memberFlags.$inferSelect;

/** Every query of the contact log and the review flags. */
export const contactsRepository = {
  async insert(tx: Executor, values: ContactInsert): Promise<ContactRow> {
    const [row] = await tx.insert(memberContacts).values(values).returning();
    return row!;
  },

  async insertMany(tx: Executor, values: ContactInsert[]): Promise<ContactRow[]> {
    return values.length ? tx.insert(memberContacts).values(values).returning() : [];
  },

  /** A member's entries, newest first (by the day, then as written), after the cursor, with the writer's name. */
  async page(
    db: Executor,
    memberId: number,
    opts: { after?: { on: string; id: number } | undefined; limit: number },
  ) {
    const keyset = opts.after
      ? or(
          lt(memberContacts.contactedOn, opts.after.on),
          and(eq(memberContacts.contactedOn, opts.after.on), lt(memberContacts.id, opts.after.id)),
        )
      : undefined;
    return db
      .select({ entry: memberContacts, byName: displayNameOf(memberContacts.byUserId) })
      .from(memberContacts)
      .where(and(eq(memberContacts.memberId, memberId), keyset))
      .orderBy(desc(memberContacts.contactedOn), desc(memberContacts.id))
      .limit(opts.limit);
  },

  /** Resolves the member's open flags of these kinds (a contact reached the member). */
  async resolveOpen(
    tx: Executor,
    memberId: number,
    kinds: readonly string[],
    by: number | null,
    resolution: string,
  ): Promise<number> {
    const rows = await tx
      .update(memberFlags)
      .set({ resolvedAt: new Date(), resolvedBy: by, resolution })
      .where(
        and(
          eq(memberFlags.memberId, memberId),
          isNull(memberFlags.resolvedAt),
          sql`${memberFlags.kind} in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})`,
        ),
      )
      .returning({ id: memberFlags.id });
    return rows.length;
  },

  /**
   * Raises a flag of `kind` for every member the subquery (`member_id`, `last_contact_at`)
   * yields that has no open flag of the kind and none resolved since `quietSince` (people looked
   * at it lately). One statement; the partial unique index keeps one open flag per member and
   * kind when two runs meet. Returns how many were raised.
   */
  async raise(tx: Executor, kind: string, candidates: SQL, today: string, quietSince: Date): Promise<number> {
    const rows = await queryRows<{ id: number }>(
      tx,
      sql`
      insert into ${memberFlags} (member_id, kind, raised_on, last_contact_on)
      select c.member_id, ${kind}, ${today}::date, c.last_contact_at
      from (${candidates}) c
      where not exists (
        select 1 from ${memberFlags} f
        where f.member_id = c.member_id and f.kind = ${kind}
          and (f.resolved_at is null or f.resolved_at >= ${quietSince.toISOString()}::timestamptz))
      on conflict (member_id, kind) where resolved_at is null do nothing
      returning id`,
    );
    return rows.length;
  },

  /** A page of flags (open or resolved) of the members a condition selects, newest first, with the resolver's name. */
  async flags(
    db: Executor,
    where: SQL | undefined,
    opts: { state: 'open' | 'resolved'; after?: number | undefined; limit: number },
  ) {
    return db
      .select({ flag: memberFlags, resolvedByName: displayNameOf(memberFlags.resolvedBy) })
      .from(memberFlags)
      .where(
        and(
          where,
          opts.state === 'open' ? isNull(memberFlags.resolvedAt) : isNotNull(memberFlags.resolvedAt),
          opts.after === undefined ? undefined : lt(memberFlags.id, opts.after),
        ),
      )
      .orderBy(desc(memberFlags.id))
      .limit(opts.limit);
  },

  async countOpen(db: Executor, where: SQL | undefined): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(memberFlags)
      .where(and(where, isNull(memberFlags.resolvedAt)));
    return row?.n ?? 0;
  },

  async findFlag(db: Executor, id: number, lock = false): Promise<FlagRow | null> {
    const query = db.select().from(memberFlags).where(eq(memberFlags.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },

  async resolveFlag(tx: Executor, id: number, by: number, resolution: string): Promise<FlagRow> {
    const [row] = await tx
      .update(memberFlags)
      .set({ resolvedAt: new Date(), resolvedBy: by, resolution })
      .where(eq(memberFlags.id, id))
      .returning();
    return row!;
  },
};
