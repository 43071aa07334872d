/** Who may read a record the route × role matrix walks, in the policy's own terms. */
import type { Action } from '@ningxin/shared';
import { type Actor, can, permissionsOf, type Target } from '../../src/policy/policy';

/** One way to read a record. */
export type Read =
  /** The action over the target (the route's own action unless named); without a target, over everything. */
  | { action?: Action; target?: Target }
  /**
   * One account by its id, or every signed-in account ('anyone'): the sender of a notice, the
   * finder a lead is assigned to. With an action named, the account must hold it in some scope.
   */
  | { user: number | 'anyone'; action?: Action };

export interface ScopedRecord {
  /** The record's id, or the ids of the route's parameters in order (a campaign's, a post's). */
  id: number | readonly number[];
  reads: Read[];
  /**
   * Who may read the record but not this view of it (a notice's recipient, its receipts): told
   * 403 FORBIDDEN rather than 404, since the record is no secret to them.
   */
  knows?: Read[];
}

/** Whether the actor reads by this way; `action` is the route's own. */
export function allows(actor: Actor, read: Read, action: Action): boolean {
  if ('user' in read)
    return (
      (read.user === 'anyone' || read.user === actor.userId) &&
      (read.action === undefined || permissionsOf(actor).includes(read.action))
    );
  return can(actor, read.action ?? action, read.target);
}

/** The route's path with the record's ids in place of its parameters. */
export function urlOf(path: string, record: ScopedRecord): string {
  const ids = [record.id].flat();
  return path.replace(/:\w+/g, () => String(ids.shift()));
}

/** What the actor should be answered for the record: 200, 403 or 404. */
export function expectedStatus(actor: Actor, record: ScopedRecord, action: Action): 200 | 403 | 404 {
  if (record.reads.some((r) => allows(actor, r, action))) return 200;
  return (record.knows ?? []).some((r) => allows(actor, r, action)) ? 403 : 404;
}

/** An org as a policy target. */
export const org = (path: string): Target => ({ type: 'org', path });

/** A member as a policy target, or a place as one (member id -1: no member; null county, district: none). */
export const member = (
  memberId: number,
  orgPath: string,
  homeCounty: string | null,
  hostDistrict: string | null,
): Target => ({ type: 'member', memberId, orgPath, homeCounty, hostDistrict });
