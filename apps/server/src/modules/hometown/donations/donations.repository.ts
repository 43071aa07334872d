import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { hometownDonations as donations, hometownDonationItems as items } from '../../../db/schema';
import { orgNameOf } from '../../orgs/orgs.fragments';

/** Every query of donations and their goods items. */

const donationColumns = {
  id: donations.id,
  donorKind: donations.donorKind,
  donorMemberId: donations.donorMemberId,
  donorOrgId: donations.donorOrgId,
  donorName: donations.donorName,
  kind: donations.kind,
  amountFen: donations.amountFen,
  purpose: donations.purpose,
  countyCode: donations.countyCode,
  recipient: donations.recipient,
  donatedOn: donations.donatedOn,
  note: donations.note,
  orgId: donations.orgId,
  orgPath: donations.orgPath,
  orgName: orgNameOf(donations.orgId),
  version: donations.version,
  createdAt: donations.createdAt,
};

const selectDonations = (db: Executor) => db.select(donationColumns).from(donations);
export type DonationRow = Awaited<ReturnType<typeof selectDonations>>[number];
export type DonationInsert = typeof donations.$inferInsert;
export type DonationItemInsert = Omit<typeof items.$inferInsert, 'donationId'>;

export const donationsRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<DonationRow | null> {
    const q = selectDonations(db).where(and(eq(donations.id, id), where));
    const [row] = lock ? await q.for('update', { of: donations }) : await q;
    return row ?? null;
  },

  /** Latest day first, then newest id; after the cursor's (donatedOn, id). */
  list(db: Executor, where: SQL | undefined, after: [string, number] | undefined, limit: number) {
    return selectDonations(db)
      .where(
        and(
          where,
          after
            ? sql`(${donations.donatedOn}, ${donations.id}) < (${after[0]}::date, ${after[1]})`
            : undefined,
        ),
      )
      .orderBy(desc(donations.donatedOn), desc(donations.id))
      .limit(limit);
  },

  async totals(db: Executor, where: SQL | undefined) {
    const [row] = await db
      .select({
        count: sql<number>`count(*)::int`,
        amountFen: sql<string>`coalesce(sum(${donations.amountFen}), 0)::text`,
      })
      .from(donations)
      .where(where);
    return { count: row!.count, amountFen: Number(row!.amountFen) };
  },

  itemsOf: (db: Executor, ids: readonly number[]) =>
    ids.length
      ? db
          .select({
            donationId: items.donationId,
            id: items.id,
            name: items.name,
            quantity: items.quantity,
            unit: items.unit,
            valueFen: items.valueFen,
          })
          .from(items)
          .where(inArray(items.donationId, [...ids]))
          .orderBy(asc(items.donationId), asc(items.id))
      : Promise.resolve([]),

  async insert(db: Executor, values: DonationInsert): Promise<number> {
    const [row] = await db.insert(donations).values(values).returning({ id: donations.id });
    return row!.id;
  },

  async update(db: Executor, id: number, version: number, values: Partial<DonationInsert>) {
    const [row] = await db
      .update(donations)
      .set({ ...values, updatedAt: new Date(), version: sql`${donations.version} + 1` })
      .where(and(eq(donations.id, id), eq(donations.version, version)))
      .returning({ id: donations.id });
    return row ?? null;
  },

  async setItems(db: Executor, donationId: number, rows: readonly DonationItemInsert[]) {
    await db.delete(items).where(eq(items.donationId, donationId));
    if (rows.length) await db.insert(items).values(rows.map((r) => ({ ...r, donationId })));
  },

  async remove(db: Executor, id: number) {
    await db.delete(donations).where(eq(donations.id, id));
  },

  /**
   * The donors by the sum of their gifts: a member or org by its id, an enterprise by its name;
   * the name shown is the latest one recorded.
   */
  honourRoll(db: Executor, where: SQL | undefined, limit: number) {
    const donor = sql`${donations.donorKind}, coalesce(${donations.donorMemberId}::text, ${donations.donorOrgId}::text, ${donations.donorName})`;
    return db
      .select({
        donorKind: donations.donorKind,
        donorName: sql<string>`(array_agg(${donations.donorName} order by ${donations.donatedOn} desc, ${donations.id} desc))[1]`,
        donations: sql<number>`count(*)::int`,
        amountFen: sql<string>`sum(${donations.amountFen})::text`,
        lastDonatedOn: sql<string>`max(${donations.donatedOn})::text`,
      })
      .from(donations)
      .where(where)
      .groupBy(donor)
      .orderBy(sql`sum(${donations.amountFen}) desc`, sql`max(${donations.donatedOn}) desc`)
      .limit(limit);
  },
};
