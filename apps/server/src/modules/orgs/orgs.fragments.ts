/**
 * What other modules' queries may say about orgs, without naming the table: the orgs module's SQL
 * for its own facts, composed into another module's statement (no extra round trip). When the
 * tree's storage changes, these change with it.
 */
import { type Column, eq, like, or, type SQL, sql } from 'drizzle-orm';
import { orgPositions, orgs } from '../../db/schema';

const inSubtree = (path: string) => or(eq(orgs.path, path), like(orgs.path, `${path}.%`))!;

/** The name of the org whose id is in `orgId`. */
export const orgNameOf = (orgId: Column | SQL): SQL<string> =>
  sql<string>`(select ${orgs.name} from ${orgs} where ${orgs.id} = ${orgId})`;

/** The materialized path of the org whose id is in `orgId` (null for no org). */
export const orgPathOf = (orgId: Column | SQL): SQL<string | null> =>
  sql<string | null>`(select ${orgs.path} from ${orgs} where ${orgs.id} = ${orgId})`;

/** Rows whose `orgId` names an org in the subtree at `path`. */
export const orgIdInSubtree = (orgId: Column | SQL, path: string): SQL =>
  sql`${orgId} = any(array(select ${orgs.id} from ${orgs} where ${inSubtree(path)}))`;

/** Rows whose `orgIds` (an int array) name some org in the subtree at `path`. */
export const someOrgIdInSubtree = (orgIds: Column | SQL, path: string): SQL =>
  sql`${orgIds} && array(select ${orgs.id} from ${orgs} where ${inSubtree(path)})`;

/** The path of the second-level committee above the org whose id is in `orgId`: its path's first two steps. */
const committeePathOf = (orgId: Column | SQL) =>
  sql`(select case when strpos(o.path, '.') = 0 then o.path
    else split_part(o.path, '.', 1) || '.' || split_part(o.path, '.', 2) end
    from ${orgs} o where o.id = ${orgId})`;

/**
 * The second-level committee (二级流动党委) above the org whose id is in `orgId` — or the top
 * committee, for an org placed in it directly — as its id and its name.
 */
export const committeeOf = (orgId: Column | SQL) => ({
  id: sql<number>`(select c.id from ${orgs} c where c.path = ${committeePathOf(orgId)})`,
  name: sql<string>`(select c.name from ${orgs} c where c.path = ${committeePathOf(orgId)})`,
});

/**
 * Open orgs of the given kinds as rows `(id, path, name, kind, sort_order)`, for another module's
 * statement; `where` may read the row as `o` (a scope over `o.path`).
 */
export const openOrgsOfKinds = (kinds: readonly string[], where?: SQL): SQL =>
  sql`select o.id, o.path, o.name, o.kind, o.sort_order from ${orgs} o
    where o.closed_at is null and o.kind in (${sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    )})${where ? sql` and ${where}` : sql``}`;

/**
 * Whether the person named `name`, placed in the org at `orgPath`, holds a position (职务) in that
 * org or one above it on some day of [from, to] — a secretary or committee member (书记、委员).
 * Positions name their holder, so the match is by name within the member's own line of orgs.
 */
export const holdsPositionAbove = (name: Column | SQL, orgPath: Column | SQL, from: string, to: string) =>
  sql<boolean>`exists (select 1 from ${orgPositions} p join ${orgs} po on po.id = p.org_id
    where p.holder_name = ${name}
      and (${orgPath} = po.path or ${orgPath} like po.path || '.%')
      and p.term_start <= ${to}::date and (p.term_end is null or p.term_end >= ${from}::date))`;
