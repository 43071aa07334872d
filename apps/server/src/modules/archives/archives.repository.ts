import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { archiveItems as items, archiveLoans as loans } from '../../db/schema';
import { memberNameOf } from '../members/members.fragments';
import { orgNameOf } from '../orgs/orgs.fragments';
import { displayNameOf } from '../users/users.fragments';

/** Every query of the archive registry and its loans. */

const itemColumns = {
  id: items.id,
  code: items.code,
  title: items.title,
  category: items.category,
  orgId: items.orgId,
  orgPath: items.orgPath,
  orgName: orgNameOf(items.orgId),
  memberId: items.memberId,
  memberName: memberNameOf(items.memberId),
  year: items.year,
  retention: items.retention,
  room: items.room,
  cabinet: items.cabinet,
  shelf: items.shelf,
  box: items.box,
  pages: items.pages,
  note: items.note,
  version: items.version,
  createdAt: items.createdAt,
  loanId: loans.id,
  loanBorrowerName: loans.borrowerName,
  loanBorrowerUnit: loans.borrowerUnit,
  loanLentOn: loans.lentOn,
  loanDueOn: loans.dueOn,
};

/** Items with their open loan (at most one: the partial unique index). */
const selectItems = (db: Executor) =>
  db
    .select(itemColumns)
    .from(items)
    .leftJoin(loans, and(eq(loans.itemId, items.id), sql`${loans.returnedOn} is null`));
export type ArchiveItemRow = Awaited<ReturnType<typeof selectItems>>[number];
export type ArchiveItemInsert = typeof items.$inferInsert;

const loanColumns = {
  id: loans.id,
  itemId: loans.itemId,
  itemCode: items.code,
  itemTitle: items.title,
  itemOrgPath: items.orgPath,
  borrowerName: loans.borrowerName,
  borrowerUnit: loans.borrowerUnit,
  borrowerUserId: loans.borrowerUserId,
  purpose: loans.purpose,
  lentOn: loans.lentOn,
  dueOn: loans.dueOn,
  returnedOn: loans.returnedOn,
  lentBy: displayNameOf(loans.lentBy),
  returnedBy: displayNameOf(loans.returnedBy),
  note: loans.note,
};
const selectLoans = (db: Executor) =>
  db.select(loanColumns).from(loans).innerJoin(items, eq(items.id, loans.itemId));
export type ArchiveLoanRow = Awaited<ReturnType<typeof selectLoans>>[number];
export type ArchiveLoanInsert = typeof loans.$inferInsert;

/** Loans out on `today` past their due day. */
export const overdueOn = (today: string) =>
  sql`${loans.returnedOn} is null and ${loans.dueOn} < ${today}::date`;

export const archivesRepository = {
  async findById(db: Executor, id: number, where?: SQL, lock = false): Promise<ArchiveItemRow | null> {
    const q = selectItems(db).where(and(eq(items.id, id), where));
    const [row] = lock ? await q.for('update', { of: items }) : await q;
    return row ?? null;
  },

  /** By archive number, after the cursor's code. */
  list(db: Executor, where: SQL | undefined, after: string | undefined, limit: number) {
    return selectItems(db)
      .where(and(where, after === undefined ? undefined : sql`${items.code} > ${after}`))
      .orderBy(asc(items.code))
      .limit(limit);
  },

  async totals(db: Executor, where: SQL | undefined, today: string) {
    const [row] = await db
      .select({
        count: sql<number>`count(*)::int`,
        onLoan: sql<number>`(count(${loans.id}))::int`,
        overdue: sql<number>`(count(*) filter (where ${overdueOn(today)}))::int`,
      })
      .from(items)
      .leftJoin(loans, and(eq(loans.itemId, items.id), sql`${loans.returnedOn} is null`))
      .where(where);
    return row!;
  },

  /** Items and loans out by room, cabinet, shelf and box. */
  places(db: Executor, where: SQL | undefined) {
    return db
      .select({
        room: items.room,
        cabinet: items.cabinet,
        shelf: items.shelf,
        box: items.box,
        items: sql<number>`count(*)::int`,
        onLoan: sql<number>`(count(${loans.id}))::int`,
      })
      .from(items)
      .leftJoin(loans, and(eq(loans.itemId, items.id), sql`${loans.returnedOn} is null`))
      .where(where)
      .groupBy(items.room, items.cabinet, items.shelf, items.box)
      .orderBy(asc(items.room), asc(items.cabinet), asc(items.shelf), asc(items.box));
  },

  async insert(db: Executor, values: ArchiveItemInsert): Promise<number> {
    const [row] = await db.insert(items).values(values).returning({ id: items.id });
    return row!.id;
  },

  async update(db: Executor, id: number, version: number, values: Partial<ArchiveItemInsert>) {
    const [row] = await db
      .update(items)
      .set({ ...values, updatedAt: new Date(), version: sql`${items.version} + 1` })
      .where(and(eq(items.id, id), eq(items.version, version)))
      .returning({ id: items.id });
    return row ?? null;
  },

  async remove(db: Executor, id: number) {
    await db.delete(items).where(eq(items.id, id));
  },

  async insertLoan(db: Executor, values: ArchiveLoanInsert): Promise<number> {
    const [row] = await db.insert(loans).values(values).returning({ id: loans.id });
    return row!.id;
  },

  async findLoan(db: Executor, id: number, where?: SQL, lock = false): Promise<ArchiveLoanRow | null> {
    const q = selectLoans(db).where(and(eq(loans.id, id), where));
    const [row] = lock ? await q.for('update', { of: loans }) : await q;
    return row ?? null;
  },

  async closeLoan(db: Executor, id: number, returnedOn: string, returnedBy: number, note: string | null) {
    const [row] = await db
      .update(loans)
      .set({ returnedOn, returnedBy, ...(note ? { note } : {}) })
      .where(and(eq(loans.id, id), sql`${loans.returnedOn} is null`))
      .returning({ id: loans.id });
    return row ?? null;
  },

  /** Loans by due day (out) or lent day (all), newest first for all; after the cursor's (day, id). */
  listLoans(
    db: Executor,
    where: SQL | undefined,
    order: 'due' | 'lent',
    after: [string, number] | undefined,
    limit: number,
  ) {
    const day = order === 'due' ? loans.dueOn : loans.lentOn;
    const cmp = order === 'due' ? sql`>` : sql`<`;
    return selectLoans(db)
      .where(
        and(where, after ? sql`(${day}, ${loans.id}) ${cmp} (${after[0]}::date, ${after[1]})` : undefined),
      )
      .orderBy(...(order === 'due' ? [asc(day), asc(loans.id)] : [desc(day), desc(loans.id)]))
      .limit(limit);
  },

  history: (db: Executor, itemId: number) =>
    selectLoans(db).where(eq(loans.itemId, itemId)).orderBy(desc(loans.lentOn), desc(loans.id)),

  /** Items follow their org when its subtree moves in the tree. */
  async rewriteOrgPaths(db: Executor, oldPath: string, newPath: string) {
    await db
      .update(items)
      .set({ orgPath: sql`${newPath} || substr(${items.orgPath}, ${oldPath.length + 1})` })
      .where(sql`${items.orgPath} = ${oldPath} or ${items.orgPath} like ${`${oldPath}.%`}`);
  },

  async countLoans(db: Executor, where: SQL | undefined) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(loans)
      .innerJoin(items, eq(items.id, loans.itemId))
      .where(where);
    return row?.n ?? 0;
  },

  /** Every loan out past its due day, with its item's org (the daily reminder). */
  overdue: (db: Executor, today: string) =>
    selectLoans(db).where(overdueOn(today)).orderBy(asc(loans.dueOn), asc(loans.id)),
};
