/**
 * What other modules' queries may say about reflections, without naming the table (see
 * members/members.fragments.ts): composed into another module's statement.
 */
import { type SQL, sql } from 'drizzle-orm';
import { reflections } from '../../../db/schema';

/**
 * `(member_id, title)` of the members' approved reflections submitted in the year (Beijing time),
 * oldest first: the yearly conduct feedback counts and names them.
 */
export function approvedReflectionsOf(memberIds: readonly number[], year: number): SQL {
  if (memberIds.length === 0) return sql`select null::int as member_id, null::text as title where false`;
  return sql`select ${reflections.memberId} as member_id, ${reflections.title} as title
    from ${reflections}
    where ${reflections.state} = 'approved'
      and ${reflections.memberId} in (${sql.join(
        memberIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      and ${reflections.submittedAt} >= ${`${year}-01-01T00:00:00+08:00`}::timestamptz
      and ${reflections.submittedAt} < ${`${year + 1}-01-01T00:00:00+08:00`}::timestamptz
    order by ${reflections.submittedAt}, ${reflections.id}`;
}
