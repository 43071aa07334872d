/** The member list's queries: a keyset page in a sort order, and the count of a condition. */
import { and, asc, desc, gt, lt, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';
import { members } from '../../../db/schema';
import { orgNameOf } from '../../orgs/orgs.fragments';

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
/** A page's rows, each with the list's total beside it when asked for. */
export type MemberListRowWithTotal = MemberListRow & { total?: number };

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

export const membersListRepository = {
  /**
   * A page of the list in the sort order, after the cursor. Each row carries `sortKey`, its sort
   * value as the database's own text (a timestamp keeps its microseconds), for the next cursor;
   * with `total`, also the value of that scalar query (the list's total: one statement, one round
   * trip, one snapshot for the page and its total; PostgreSQL runs it once, not once a row).
   * NULLs sort last ascending and first descending, as PostgreSQL orders them.
   */
  async list(
    db: Executor,
    where: SQL | undefined,
    page: KeysetPage,
    search?: readonly SQL[],
    total?: SQL,
  ): Promise<MemberListRowWithTotal[]> {
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
    const order = [dir(col), dir(members.id)] as const;
    // A search of several parts (see searchParts): each part's first rows in the list's order, from
    // its own index range, then the page from their union; a row matches one part only.
    const condition =
      search && search.length > 1
        ? sql`${members.id} = any(array(${sql.join(
            search.map(
              // Drizzle puts each select in parentheses, as a union needs for its own order and limit.
              (part) =>
                db
                  .select({ id: members.id })
                  .from(members)
                  .where(and(where, part, keyset))
                  .orderBy(...order)
                  .limit(page.limit),
            ),
            sql` union all `,
          )}))`
        : and(where, search?.[0], keyset);
    return (await db
      .select({
        ...listColumns,
        // A subquery, not a join: it runs for the page's rows only and leaves the planner one table
        // (with a join, a misjudged keyset estimate made a deep page a 500,000-row hash and sort).
        orgName: orgNameOf(members.orgId),
        sortKey: sql<string | null>`${col}::text`,
        ...(total ? { total: sql<number>`(${total})` } : {}),
      })
      .from(members)
      .where(condition)
      .orderBy(...order)
      .limit(page.limit)) as MemberListRowWithTotal[];
  },

  /**
   * The count of the members under `where` and the search, as a scalar query (the search's parts
   * exclude one another: their counts add up).
   */
  countQuery(where: SQL | undefined, search?: readonly SQL[]): SQL {
    if (search && search.length > 1) {
      const counts = search.map((part) => sql`(select count(*) from ${members} where ${and(where, part)})`);
      return sql`select (${sql.join(counts, sql` + `)})::int`;
    }
    return sql`select count(*)::int from ${members} where ${and(where, search?.[0]) ?? sql`true`}`;
  },

  count(db: Executor, where: SQL | undefined, search?: readonly SQL[]): Promise<number> {
    return membersListRepository.scalar(db, membersListRepository.countQuery(where, search));
  },

  /** The value of a scalar query (an empty page's total). */
  async scalar(db: Executor, query: SQL): Promise<number> {
    const [row] = await queryRows<{ n: number }>(db, sql`select (${query}) as n`);
    return Number(row?.n ?? 0);
  },
};
