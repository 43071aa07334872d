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
