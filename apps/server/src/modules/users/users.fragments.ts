/**
 * What other modules' queries may say about accounts, without naming the table (see
 * orgs/orgs.fragments.ts): composed into another module's statement.
 */
import { type Column, type SQL, sql } from 'drizzle-orm';
import { roleAssignments, users } from '../../db/schema';

/** The display name of the account whose id is in `userId`; null when there is none. */
export const displayNameOf = (userId: Column | SQL): SQL<string | null> =>
  sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${userId})`;

/** How many role assignments have the org whose id is in `orgId` as their scope. */
export const assignmentsScopedTo = (orgId: Column | SQL | number): SQL<number> =>
  sql<number>`(select count(*)::int from ${roleAssignments} where ${roleAssignments.orgId} = ${orgId})`;
