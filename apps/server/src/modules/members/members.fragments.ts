/**
 * What other modules' queries may say about members, without naming the table (see
 * orgs/orgs.fragments.ts): composed into another module's statement.
 */
import type { Action } from '@ningxin/shared';
import { type Column, type SQL, sql } from 'drizzle-orm';
import { members } from '../../db/schema';
import type { Actor } from '../../policy/policy';
import { memberScopeCondition } from './record/members.scope';

/** Rows whose `memberId` names a member the actor may take the action on (403 for one who never may). */
export function memberInScope(memberId: Column | SQL, actor: Actor, action: Action): SQL {
  const scope = memberScopeCondition(actor, action);
  return scope ? sql`${memberId} in (select ${members.id} from ${members} where ${scope})` : sql`true`;
}

/** The name of the member whose id is in `memberId`. */
export const memberNameOf = (memberId: Column | SQL): SQL<string> =>
  sql<string>`(select ${members.name} from ${members} where ${members.id} = ${memberId})`;

/** The masked ID number (130732********123X) of the member whose id is in `memberId`. */
export const memberIdMaskedOf = (memberId: Column | SQL): SQL<string> =>
  sql<string>`(select ${members.idMasked} from ${members} where ${members.id} = ${memberId})`;
