/**
 * What other modules' queries may say about the activity ledger, without naming the table (see
 * orgs/orgs.fragments.ts): composed into another module's statement.
 */
import type { ActivityKind } from '@ningxin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { memberActivity } from '../../db/schema';

/**
 * The entries of one kind on days in [from, to) as rows
 * `(member_id, source_module, source_id, quantity, occurred_on, title)`, for another module's
 * statement (the study hours ledger sums a year's study hours by source).
 */
export const entriesOfKind = (kind: ActivityKind, from: string, to: string): SQL =>
  sql`select ${memberActivity.memberId} as member_id, ${memberActivity.sourceModule} as source_module,
    ${memberActivity.sourceId} as source_id, ${memberActivity.quantity} as quantity,
    ${memberActivity.occurredOn} as occurred_on, ${memberActivity.title} as title
    from ${memberActivity}
    where ${memberActivity.kind} = ${kind}
      and ${memberActivity.occurredOn} >= ${from}::date and ${memberActivity.occurredOn} < ${to}::date`;

/**
 * Each member's figures of a year that the points rule reads, as rows `(member_id, meetings,
 * study_hours, volunteer_hours, contributions, honours)`: the sums of meetings attended, study and
 * volunteer hours (numeric, exact), and the number of contribution and honour entries.
 */
export const yearPointsFigures = (year: number): SQL =>
  sql`select ${memberActivity.memberId} as member_id,
    coalesce(sum(${memberActivity.quantity}) filter (where ${memberActivity.kind} = 'meeting_attended'), 0) as meetings,
    coalesce(sum(${memberActivity.quantity}) filter (where ${memberActivity.kind} = 'study_hours'), 0) as study_hours,
    coalesce(sum(${memberActivity.quantity}) filter (where ${memberActivity.kind} = 'volunteer_hours'), 0) as volunteer_hours,
    (count(*) filter (where ${memberActivity.kind} = 'contribution'))::int as contributions,
    (count(*) filter (where ${memberActivity.kind} = 'honour'))::int as honours
    from ${memberActivity}
    where ${memberActivity.kind} in ('meeting_attended', 'study_hours', 'volunteer_hours', 'contribution', 'honour')
      and ${memberActivity.occurredOn} >= ${`${year}-01-01`}::date
      and ${memberActivity.occurredOn} < ${`${year + 1}-01-01`}::date
    group by ${memberActivity.memberId}`;
