import { and, asc, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { memberStatusEvents, members } from '../../../db/schema';
import { orgNameOf } from '../../orgs/orgs.fragments';
import { displayNameOf } from '../../users/users.fragments';
import { inOrgSubtree } from './members.scope';

export type MemberRow = typeof members.$inferSelect;
export type MemberInsert = typeof members.$inferInsert;
export type StatusEventRow = typeof memberStatusEvents.$inferSelect;
export type StatusEventWithActor = StatusEventRow & { actorDisplayName: string | null };

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
