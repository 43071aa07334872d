import { and, asc, desc, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { memberStatusEvents, members } from '../../../db/schema';
import { orgNameOf } from '../../orgs/orgs.fragments';
import { displayNameOf } from '../../users/users.fragments';
import { inOrgSubtree } from './members.scope';

export type MemberRow = typeof members.$inferSelect;
export type MemberInsert = typeof members.$inferInsert;
export type StatusEventRow = typeof memberStatusEvents.$inferSelect;
export type StatusEventWithActor = StatusEventRow & { actorDisplayName: string | null };

/**
 * The columns a list shows, and no more (each cell costs parsing; the sort value comes as `sortKey`):
 * no ciphertext leaves the database for a list.
 */
const listColumns = {
  id: members.id,
  name: members.name,
  gender: members.gender,
  birthDate: members.birthDate,
  idMasked: members.idMasked,
  phoneMasked: members.phoneMasked,
  orgId: members.orgId,
  homeCounty: members.homeCounty,
  hostDistrict: members.hostDistrict,
  status: members.status,
  memberType: members.memberType,
  tags: members.tags,
  joinedAt: members.joinedAt,
  lastContactAt: members.lastContactAt,
};
export type MemberListRow = { [K in keyof typeof listColumns]: (typeof listColumns)[K]['_']['data'] } & {
  orgName: string;
  sortKey: string | null;
};

/** Sortable columns; Chinese names sort by their pinyin. */
export const SORT_COLUMNS = {
  name: members.namePinyin,
  joinedAt: members.joinedAt,
  birthDate: members.birthDate,
  createdAt: members.createdAt,
} as const;
export type SortKey = keyof typeof SORT_COLUMNS;
/** Sort columns that may be NULL (sorted last ascending, first descending). */
const NULLABLE_SORTS = new Set<SortKey>(['birthDate']);

export interface KeysetPage {
  sort: SortKey;
  order: 'asc' | 'desc';
  /** The sort value and id of the last row of the previous page. */
  after?: { value: string | null; id: number } | undefined;
  limit: number;
}

export const membersRepository = {
  async insert(tx: Executor, values: MemberInsert): Promise<MemberRow> {
    const [row] = await tx.insert(members).values(values).returning();
    return row!;
  },

  /** One member with the org's name; `lock` takes the member's row lock until the transaction ends. */
  async findById(db: Executor, id: number, lock = false): Promise<(MemberRow & { orgName: string }) | null> {
    const query = db
      .select({ member: members, orgName: orgNameOf(members.orgId) })
      .from(members)
      .where(eq(members.id, id));
    const [row] = lock ? await query.for('update', { of: members }) : await query;
    return row ? { ...row.member, orgName: row.orgName } : null;
  },

  async lockById(tx: Executor, id: number): Promise<MemberRow | null> {
    const [row] = await tx.select().from(members).where(eq(members.id, id)).for('update');
    return row ?? null;
  },

  async update(
    tx: Executor,
    id: number,
    version: number,
    values: Partial<MemberInsert>,
  ): Promise<MemberRow | null> {
    const [row] = await tx
      .update(members)
      .set({ ...values, updatedAt: new Date(), version: sql`${members.version} + 1` })
      .where(and(eq(members.id, id), eq(members.version, version)))
      .returning();
    return row ?? null;
  },

  async findByIdHash(db: Executor, idHash: string) {
    const [row] = await db
      .select({
        id: members.id,
        name: members.name,
        orgPath: members.orgPath,
        homeCounty: members.homeCounty,
        hostDistrict: members.hostDistrict,
      })
      .from(members)
      .where(eq(members.idHash, idHash));
    return row ?? null;
  },

  /** Which of these ID hashes are already in the base. */
  async existingIdHashes(db: Executor, hashes: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < hashes.length; i += 5000) {
      const rows = await db
        .select({ h: members.idHash })
        .from(members)
        .where(inArray(members.idHash, hashes.slice(i, i + 5000)));
      for (const r of rows) found.add(r.h);
    }
    return found;
  },

  /** The members holding these ID hashes, by hash (for an import's duplicate report). */
  async findByIdHashes(db: Executor, hashes: string[]) {
    const found = new Map<
      string,
      { id: number; name: string; orgPath: string; homeCounty: string; hostDistrict: string | null }
    >();
    for (let i = 0; i < hashes.length; i += 5000) {
      const rows = await db
        .select({
          idHash: members.idHash,
          id: members.id,
          name: members.name,
          orgPath: members.orgPath,
          homeCounty: members.homeCounty,
          hostDistrict: members.hostDistrict,
        })
        .from(members)
        .where(inArray(members.idHash, hashes.slice(i, i + 5000)));
      for (const { idHash, ...m } of rows) found.set(idHash, m);
    }
    return found;
  },

  /** Whole rows with their org's name, in the order of `ids` (for an export page). */
  async findManyWithOrg(db: Executor, ids: number[]): Promise<(MemberRow & { orgName: string })[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select({ member: members, orgName: orgNameOf(members.orgId) })
      .from(members)
      .where(inArray(members.id, ids));
    const byId = new Map(rows.map((r) => [r.member.id, { ...r.member, orgName: r.orgName }]));
    return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  },

  /**
   * A page of the list in the sort order, after the cursor. Each row carries `sortKey`, its sort
   * value as the database's own text (a timestamp keeps its microseconds), for the next cursor.
   * NULLs sort last ascending and first descending, as PostgreSQL orders them.
   */
  async list(db: Executor, where: SQL | undefined, page: KeysetPage): Promise<MemberListRow[]> {
    const col = SORT_COLUMNS[page.sort];
    const asc_ = page.order === 'asc';
    let keyset: SQL | undefined;
    if (page.after) {
      const { value, id } = page.after;
      // A row comparison is one range of the (column, id) index, however deep the page; the value
      // goes in untyped, so PostgreSQL reads it as the column's type.
      keyset =
        value === null
          ? asc_
            ? and(sql`${col} is null`, gt(members.id, id))
            : or(and(sql`${col} is null`, lt(members.id, id)), sql`${col} is not null`)
          : or(
              asc_
                ? sql`(${col}, ${members.id}) > (${value}, ${id})`
                : sql`(${col}, ${members.id}) < (${value}, ${id})`,
              asc_ && NULLABLE_SORTS.has(page.sort) ? sql`${col} is null` : undefined,
            );
    }
    const dir = asc_ ? asc : desc;
    return (await db
      .select({
        ...listColumns,
        // A subquery, not a join: it runs for the page's rows only and leaves the planner one table
        // (with a join, a misjudged keyset estimate made a deep page a 500,000-row hash and sort).
        orgName: orgNameOf(members.orgId),
        sortKey: sql<string | null>`${col}::text`,
      })
      .from(members)
      .where(and(where, keyset))
      .orderBy(dir(col), dir(members.id))
      .limit(page.limit)) as MemberListRow[];
  },

  async count(db: Executor, where: SQL | undefined): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(members).where(where);
    return row?.n ?? 0;
  },

  /** Some of a member's status changes, by id, each with the acting account's display name now. */
  async statusEvents(
    db: Executor,
    memberId: number,
    ids: readonly number[],
  ): Promise<StatusEventWithActor[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select({
        event: memberStatusEvents,
        // A subquery, like the org name of a list row: the page's few events only.
        actorDisplayName: displayNameOf(memberStatusEvents.actorId),
      })
      .from(memberStatusEvents)
      .where(and(eq(memberStatusEvents.memberId, memberId), inArray(memberStatusEvents.id, [...ids])))
      .orderBy(desc(memberStatusEvents.id));
    return rows.map((r) => ({ ...r.event, actorDisplayName: r.actorDisplayName }));
  },

  async insertStatusEvents(
    tx: Executor,
    values: (typeof memberStatusEvents.$inferInsert)[],
  ): Promise<StatusEventRow[]> {
    return values.length ? tx.insert(memberStatusEvents).values(values).returning() : [];
  },

  /** Follows an org subtree that moved: every member's copy of the path is rewritten. */
  async rewriteOrgPaths(tx: Executor, oldPath: string, newPath: string): Promise<void> {
    await tx
      .update(members)
      .set({ orgPath: sql`${newPath} || substr(${members.orgPath}, ${oldPath.length + 1})` })
      .where(inOrgSubtree(oldPath));
  },

  /**
   * Members of a source whose record was created (their first status event) between two days,
   * with their personal columns as stored (ciphertext, hash, masked form), in order of that day.
   */
  async createdBetween(db: Executor, source: string, from: string, to: string) {
    return db
      .select({
        id: members.id,
        name: members.name,
        orgPath: members.orgPath,
        homeCounty: members.homeCounty,
        hostDistrict: members.hostDistrict,
        employer: members.employer,
        hostAddress: members.hostAddress,
        phoneCipher: members.phoneCipher,
        phoneHash: members.phoneHash,
        phoneMasked: members.phoneMasked,
        idCipher: members.idCipher,
        idHash: members.idHash,
        idMasked: members.idMasked,
        createdOn: memberStatusEvents.effectiveDate,
      })
      .from(members)
      .innerJoin(
        memberStatusEvents,
        and(eq(memberStatusEvents.memberId, members.id), sql`${memberStatusEvents.fromStatus} is null`),
      )
      .where(
        and(eq(members.source, source), sql`${memberStatusEvents.effectiveDate} between ${from} and ${to}`),
      )
      .orderBy(asc(memberStatusEvents.effectiveDate), asc(members.id));
  },

  /** Where these members are placed (org, path and its name) and their status. */
  async placements(db: Executor, ids: readonly number[]) {
    if (ids.length === 0) return [];
    return db
      .select({
        id: members.id,
        name: members.name,
        orgId: members.orgId,
        orgPath: members.orgPath,
        orgName: orgNameOf(members.orgId),
        status: members.status,
        homeCounty: members.homeCounty,
        hostDistrict: members.hostDistrict,
        lastContactAt: members.lastContactAt,
        joinedAt: members.joinedAt,
      })
      .from(members)
      .where(inArray(members.id, [...ids]));
  },

  /**
   * The member was in touch on `on`: the last contact date moves forward to it (never back), in
   * one statement, so two contacts logged at once keep the later. The record's version stays:
   * a contact is not an edit. Returns where the member is placed.
   */
  async touchLastContact(tx: Executor, id: number, on: string) {
    const [row] = await tx
      .update(members)
      .set({ lastContactAt: sql`greatest(${members.lastContactAt}, ${on}::date)` })
      .where(eq(members.id, id))
      .returning({ orgId: members.orgId, orgPath: members.orgPath, lastContactAt: members.lastContactAt });
    return row ?? null;
  },

  /** Counts of the members a condition selects, by status, host district and home county, and how many were in touch since a day. */
  async contactFigures(db: Executor, where: SQL | undefined, since: string) {
    return db
      .select({
        status: members.status,
        hostDistrict: members.hostDistrict,
        homeCounty: members.homeCounty,
        n: sql<number>`count(*)::int`,
        recent: sql<number>`(count(*) filter (where ${members.lastContactAt} >= ${since}::date))::int`,
      })
      .from(members)
      .where(where)
      .groupBy(members.status, members.hostDistrict, members.homeCounty);
  },

  /** Of these members, those with one of the statuses placed in one of the subtrees (null: anywhere). */
  async placedIn(
    db: Executor,
    ids: readonly number[],
    paths: readonly string[] | null,
    statuses: readonly string[],
  ): Promise<number[]> {
    const found: number[] = [];
    if (paths !== null && paths.length === 0) return found;
    for (let i = 0; i < ids.length; i += 5000) {
      const rows = await db
        .select({ id: members.id })
        .from(members)
        .where(
          and(
            inArray(members.id, ids.slice(i, i + 5000)),
            inArray(members.status, [...statuses]),
            paths === null ? undefined : or(...paths.map((p) => inOrgSubtree(p))),
          ),
        );
      for (const r of rows) found.push(r.id);
    }
    return found;
  },

  /** The ids of the members with one of the statuses placed in the subtree of `path`, by id. */
  async idsUnder(db: Executor, path: string, statuses: readonly string[]): Promise<number[]> {
    const rows = await db
      .select({ id: members.id })
      .from(members)
      .where(and(inOrgSubtree(path), inArray(members.status, [...statuses])))
      .orderBy(members.id);
    return rows.map((r) => r.id);
  },

  /** Members with one of the statuses who joined the Party on one of these days of the year (`MM-DD`) before `before`. */
  async joinedOn(db: Executor, monthDays: readonly string[], before: string, statuses: readonly string[]) {
    if (monthDays.length === 0) return [];
    return db
      .select({ id: members.id, name: members.name, orgPath: members.orgPath, joinedAt: members.joinedAt })
      .from(members)
      .where(
        and(
          inArray(sql<string>`to_char(${members.joinedAt}, 'MM-DD')`, [...monthDays]),
          lt(members.joinedAt, before),
          inArray(members.status, [...statuses]),
        ),
      )
      .orderBy(asc(members.id));
  },

  /**
   * Members in one of the statuses whose joining day's month-day is one of `monthDays`, joined
   * before `before`, within `where` (a scope, an org subtree): the Party anniversaries of a window.
   */
  async joinedOnWhere(
    db: Executor,
    monthDays: readonly string[],
    before: string,
    statuses: readonly string[],
    where: SQL | undefined,
  ) {
    if (monthDays.length === 0) return [];
    return db
      .select({
        id: members.id,
        name: members.name,
        orgId: members.orgId,
        orgName: orgNameOf(members.orgId),
        orgPath: members.orgPath,
        joinedAt: members.joinedAt,
      })
      .from(members)
      .where(
        and(
          inArray(sql<string>`to_char(${members.joinedAt}, 'MM-DD')`, [...monthDays]),
          lt(members.joinedAt, before),
          inArray(members.status, [...statuses]),
          where,
        ),
      )
      .orderBy(asc(members.id));
  },

  async countInOrg(db: Executor, orgId: number): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.status, 'active')));
    return row?.n ?? 0;
  },
};
