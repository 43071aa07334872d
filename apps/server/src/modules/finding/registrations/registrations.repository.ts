import { and, desc, eq, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { registrations } from '../../../db/schema';
import { orgNameOf } from '../../orgs/orgs.fragments';
import { displayNameOf } from '../../users/users.fragments';

export type RegistrationRow = typeof registrations.$inferSelect;
export type RegistrationInsert = typeof registrations.$inferInsert;
export type RegistrationListRow = RegistrationRow & { reviewOrgName: string };

/** Registrations reviewed by an org in the subtree at `path`. */
export const reviewedInSubtree = (path: string): SQL =>
  or(eq(registrations.reviewOrgPath, path), like(registrations.reviewOrgPath, `${path}.%`))!;

const withNames = {
  row: registrations,
  reviewOrgName: orgNameOf(registrations.reviewOrgId),
  decidedByName: displayNameOf(registrations.decidedBy),
};

const flat = (r: { row: RegistrationRow; reviewOrgName: string; decidedByName: string | null }) => ({
  ...r.row,
  reviewOrgName: r.reviewOrgName,
  decidedByName: r.decidedByName,
});

export const registrationsRepository = {
  async insert(tx: Executor, values: RegistrationInsert): Promise<RegistrationRow> {
    const [row] = await tx.insert(registrations).values(values).returning();
    return row!;
  },

  /** Newest first within a state, by keyset (submitted_at, id). */
  async list(
    db: Executor,
    where: SQL | undefined,
    state: string,
    after: { at: string; id: number } | undefined,
    limit: number,
  ) {
    const rows = await db
      .select(withNames)
      .from(registrations)
      .where(
        and(
          where,
          eq(registrations.state, state),
          after
            ? or(
                lt(registrations.submittedAt, new Date(after.at)),
                and(eq(registrations.submittedAt, new Date(after.at)), lt(registrations.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(registrations.submittedAt), desc(registrations.id))
      .limit(limit);
    return rows.map(flat);
  },

  async findById(db: Executor, id: number, lock = false) {
    const q = db.select().from(registrations).where(eq(registrations.id, id));
    const [row] = lock ? await q.for('update') : await q;
    return row ?? null;
  },

  async findNamed(db: Executor, id: number) {
    const [row] = await db.select(withNames).from(registrations).where(eq(registrations.id, id));
    return row ? flat(row) : null;
  },

  /** The latest registration of an ID number (its keyed hash). */
  async latestByIdHash(db: Executor, idHash: string) {
    const [row] = await db
      .select(withNames)
      .from(registrations)
      .where(eq(registrations.idHash, idHash))
      .orderBy(desc(registrations.submittedAt), desc(registrations.id))
      .limit(1);
    return row ? flat(row) : null;
  },

  async decide(
    tx: Executor,
    id: number,
    version: number,
    values: Pick<RegistrationRow, 'state' | 'decidedBy' | 'decidedAt'> &
      Partial<Pick<RegistrationRow, 'reason' | 'memberId'>>,
  ): Promise<RegistrationRow | null> {
    const [row] = await tx
      .update(registrations)
      .set({ ...values, version: sql`${registrations.version} + 1` })
      .where(and(eq(registrations.id, id), eq(registrations.version, version)))
      .returning();
    return row ?? null;
  },

  async countWaiting(db: Executor, where: SQL | undefined): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(where, eq(registrations.state, 'submitted')));
    return row?.n ?? 0;
  },
};
