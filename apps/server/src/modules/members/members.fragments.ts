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

/** A rule of the lost-contact review: which members it reaches. */
export interface OutOfTouchRule {
  statuses: readonly string[];
  /** Full members only (正式党员). */
  fullOnly?: boolean;
  /** Last in touch before this day (the record's status date, else its creation, when never). */
  contactBefore: string;
  /** In their status since before this day. */
  statusBefore?: string;
}

/**
 * `(member_id, last_contact_at)` of the members a lost-contact rule reaches, as a subquery for
 * another module's INSERT … SELECT (the review flags): one statement over the status index,
 * however many members there are.
 */
export function membersOutOfTouch(rule: OutOfTouchRule): SQL {
  const lastTouch = sql`coalesce(${members.lastContactAt}, ${members.statusSince}, (${members.createdAt} at time zone 'Asia/Shanghai')::date)`;
  return sql`select ${members.id} as member_id, ${members.lastContactAt} as last_contact_at
    from ${members}
    where ${members.status} in (${sql.join(
      rule.statuses.map((s) => sql`${s}`),
      sql`, `,
    )})
      and ${lastTouch} < ${rule.contactBefore}::date
      ${rule.fullOnly ? sql`and ${members.memberType} = 'full'` : sql``}
      ${rule.statusBefore ? sql`and coalesce(${members.statusSince}, (${members.createdAt} at time zone 'Asia/Shanghai')::date) < ${rule.statusBefore}::date` : sql``}`;
}
/** The masked ID number (130732********123X) of the member whose id is in `memberId`. */
export const memberIdMaskedOf = (memberId: Column | SQL): SQL<string> =>
  sql<string>`(select ${members.idMasked} from ${members} where ${members.id} = ${memberId})`;

/**
 * The members on the rolls (在册, 失联) as rows `(member_id, org_id, org_path, member_type)`, for
 * another module's statement (the meetings' expected attendees, the full members of a branch).
 */
export const membersOnRolls = (): SQL =>
  sql`select ${members.id} as member_id, ${members.orgId} as org_id, ${members.orgPath} as org_path,
    ${members.memberType} as member_type from ${members} where ${members.status} in ('active', 'lost')`;

/**
 * `(member_id, last_contact_at)` of the members among `memberIds` (a subquery of member ids) who
 * are in one of the statuses: a review rule of another module narrowed to the members it may flag.
 */
export const membersAmong = (memberIds: SQL, statuses: readonly string[]): SQL =>
  sql`select ${members.id} as member_id, ${members.lastContactAt} as last_contact_at
    from ${members}
    where ${members.id} in (${memberIds})
      and ${members.status} in (${sql.join(
        statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`;

/** The day the member whose id is in `memberId` joined the Party (入党日期, the day of admission). */
export const memberJoinedAtOf = (memberId: Column | SQL): SQL<string> =>
  sql<string>`(select ${members.joinedAt} from ${members} where ${members.id} = ${memberId})`;
