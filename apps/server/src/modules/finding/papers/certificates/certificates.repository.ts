import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../../../db/client';
import { certificates } from '../../../../db/schema';
import { memberIdMaskedOf, memberNameOf } from '../../../members/members.fragments';
import { orgNameOf } from '../../../orgs/orgs.fragments';

/** A certificate with the names a ledger shows: the holder (masked ID) and the issuing org. */
const columns = {
  id: certificates.id,
  number: certificates.number,
  memberId: certificates.memberId,
  memberName: memberNameOf(certificates.memberId),
  memberIdMasked: memberIdMaskedOf(certificates.memberId),
  issuingOrgId: certificates.issuingOrgId,
  issuingOrgPath: certificates.issuingOrgPath,
  issuingOrgName: orgNameOf(certificates.issuingOrgId),
  destination: certificates.destination,
  reason: certificates.reason,
  issuedOn: certificates.issuedOn,
  validUntil: certificates.validUntil,
  state: certificates.state,
  revokedOn: certificates.revokedOn,
  revokeReason: certificates.revokeReason,
  renewsId: certificates.renewsId,
  // Qualified by hand: a one-table select writes its own columns unqualified, and inside the
  // subquery an unqualified "id" would be the renewal's own.
  renewedById: sql<
    number | null
  >`(select c2.id from certificates c2 where c2.renews_id = "certificates"."id" order by c2.id limit 1)`,
  version: certificates.version,
  createdAt: certificates.createdAt,
};

const selectRows = (db: Executor) => db.select(columns).from(certificates);
export type CertificateRow = Awaited<ReturnType<typeof selectRows>>[number];

export type CertificateInsert = typeof certificates.$inferInsert;

export const certificatesRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<CertificateRow | null> {
    const q = selectRows(db).where(and(eq(certificates.id, id), where));
    const [row] = lock ? await q.for('update', { of: certificates }) : await q;
    return row ?? null;
  },

  /** Newest first (by id), after the cursor's id. */
  list(
    db: Executor,
    where: SQL | undefined,
    after: number | undefined,
    limit: number,
  ): Promise<CertificateRow[]> {
    return selectRows(db)
      .where(and(where, after ? lt(certificates.id, after) : undefined))
      .orderBy(desc(certificates.id))
      .limit(limit);
  },

  async insert(tx: Tx, values: CertificateInsert): Promise<number> {
    const [row] = await tx.insert(certificates).values(values).returning({ id: certificates.id });
    return row!.id;
  },

  /** Changes a certificate at the version read; null when another change came first. */
  async update(
    tx: Tx,
    id: number,
    version: number,
    values: Partial<CertificateInsert>,
  ): Promise<{ id: number } | null> {
    const [row] = await tx
      .update(certificates)
      .set({ ...values, version: sql`${certificates.version} + 1` })
      .where(and(eq(certificates.id, id), eq(certificates.version, version)))
      .returning({ id: certificates.id });
    return row ?? null;
  },

  /** The member's certificate in force (state valid, not past its last day), if any. */
  async currentOf(db: Executor, memberId: number, today: string) {
    const [row] = await db
      .select({ id: certificates.id, number: certificates.number })
      .from(certificates)
      .where(
        and(
          eq(certificates.memberId, memberId),
          eq(certificates.state, 'valid'),
          sql`${certificates.validUntil} >= ${today}`,
        ),
      )
      .limit(1);
    return row ?? null;
  },

  async count(db: Executor, where: SQL | undefined): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(certificates).where(where);
    return row?.n ?? 0;
  },

  /** Valid certificates whose last day is between the two days, with where they were issued. */
  async expiringBetween(db: Executor, from: string, to: string) {
    return db
      .select({
        id: certificates.id,
        number: certificates.number,
        validUntil: certificates.validUntil,
        issuingOrgPath: certificates.issuingOrgPath,
        memberName: memberNameOf(certificates.memberId),
      })
      .from(certificates)
      .where(and(eq(certificates.state, 'valid'), sql`${certificates.validUntil} between ${from} and ${to}`))
      .orderBy(certificates.validUntil, certificates.id);
  },

  /** Rewrites issuing org paths after a subtree moved (org.subtree_moved). */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string) {
    await tx
      .update(certificates)
      .set({
        issuingOrgPath: sql`${newPath} || substr(${certificates.issuingOrgPath}, ${oldPath.length + 1})`,
      })
      .where(
        sql`${certificates.issuingOrgPath} = ${oldPath} or ${certificates.issuingOrgPath} like ${`${oldPath}.%`}`,
      );
  },
};
