import { ROLE_ACTIONS } from '@ningxin/shared';
import type { Executor } from '../../db/client';
import { notFound } from '../../lib/errors';
import { type Actor, isWithinPath } from '../../policy/policy';
import type { OrgsService } from '../orgs/orgs.service';
import { type InboxItemRow, inboxRepository } from './inbox.repository';
import { type NoticeRow, noticesRepository } from './notices.repository';
import { sendingScope } from './notices.target';

/** A notice as one actor may reach it. */
export interface NoticeAccess {
  row: NoticeRow;
  /** The path of the org it was sent from (null: sent by the committee office over everything). */
  orgPath: string | null;
  /** The actor sent it, or holds notice.send over the org it was sent from. */
  manages: boolean;
  /** The actor's inbox item for it, when the actor is a recipient. */
  item: InboxItemRow | null;
}

const holdsSend = (actor: Actor) =>
  actor.assignments.some((a) => ROLE_ACTIONS[a.role].includes('notice.send'));

/** Whether the actor manages a notice sent from the org at `orgPath` by `senderId`. */
export function managesNotice(actor: Actor, senderId: number, orgPath: string | null): boolean {
  if (senderId === actor.userId) return true;
  if (!holdsSend(actor)) return false;
  const scope = sendingScope(actor);
  return scope.all || (orgPath !== null && scope.orgs.some((o) => isWithinPath(orgPath, o.path)));
}

/**
 * The notice if the actor manages it or received it; 404 otherwise, whether it is missing or
 * not the actor's to see. `lock` holds the notice's row for a write.
 */
export async function accessNotice(
  executor: Executor,
  orgs: Pick<OrgsService, 'lookup'>,
  actor: Actor,
  id: number,
  lock = false,
): Promise<NoticeAccess> {
  const row = await noticesRepository.findById(executor, id, lock);
  if (!row) throw notFound('通知');
  const orgPath = row.senderOrgId ? ((await orgs.lookup(executor, row.senderOrgId))?.path ?? null) : null;
  const manages = managesNotice(actor, row.senderId, orgPath);
  const item =
    row.state === 'published' ? await inboxRepository.findForNotice(executor, id, actor.userId) : null;
  if (!manages && !item) throw notFound('通知');
  return { row, orgPath, manages, item };
}

/** Whether the actor may see the receipts and remind the unread (a manager who still holds notice.send). */
export const mayFollowUp = (actor: Actor, access: NoticeAccess) => access.manages && holdsSend(actor);
