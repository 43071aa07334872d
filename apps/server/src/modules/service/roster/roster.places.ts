/**
 * Putting a member on a shift, shared by the secretary's assignment, the member's sign-up and a
 * walk-in's scan: under the member's advisory lock and the shift's row lock, so two requests at
 * once cannot both pass.
 */
import type { VolunteerAssignmentResponse } from '@ningxin/shared';
import type { Executor, Tx } from '../../../db/client';
import { mapAssignment, placeText } from '../campaigns/campaigns.access';
import { alreadyOnShift, shiftConflict, shiftFull } from '../campaigns/campaigns.errors';
import { campaignsRepository as repo, type ShiftRow } from '../campaigns/campaigns.repository';

/**
 * Puts the member on the shift, under the member's advisory lock and the shift's row lock:
 * refused when already on it, overlapping another place of theirs, or (unless a walk-in) full.
 */
export async function placeMember(
  tx: Tx,
  shift: ShiftRow,
  memberId: number,
  source: 'assigned' | 'self' | 'walk_in',
  path: string,
  createdBy: number,
): Promise<number> {
  await repo.lockMember(tx, memberId);
  const locked = (await repo.shift(tx, shift.campaignId, shift.id, true))!;
  const existing = await repo.placeOn(tx, locked.id, memberId);
  if (existing) throw alreadyOnShift(path);
  const other = await repo.overlapping(tx, memberId, locked.startsAt, locked.endsAt, locked.id);
  if (other) throw shiftConflict(path, placeText(other));
  if (source !== 'walk_in' && locked.filled >= locked.headcount) throw shiftFull('shiftId', locked.headcount);
  return repo.insertAssignment(tx, {
    campaignId: locked.campaignId,
    shiftId: locked.id,
    memberId,
    startsAt: locked.startsAt,
    endsAt: locked.endsAt,
    state: 'scheduled',
    source,
    createdBy,
  });
}

/** A place as the API answers it, read after the transaction that wrote it. */
export async function presentPlace(db: Executor, id: number): Promise<VolunteerAssignmentResponse> {
  return mapAssignment((await repo.assignment(db, id))!);
}
