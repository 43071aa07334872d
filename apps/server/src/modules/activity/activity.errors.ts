import type { ProblemField } from '@ningxin/shared';

/**
 * A module asked the ledger to record an entry that breaks its contract: a defect of the caller,
 * not something a user can act on. It is logged with the fields at fault and answered as a 500;
 * the caller's transaction rolls back with it.
 */
export class ActivityEntryError extends Error {
  constructor(readonly fields: ProblemField[]) {
    super(`invalid activity entry: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`);
    this.name = 'ActivityEntryError';
  }
}

export const invalidEntry = (fields: ProblemField[]) => new ActivityEntryError(fields);

/** An entry for a member who is not in the base. */
export const unknownMember = (memberId: number) =>
  new ActivityEntryError([{ path: 'memberId', message: `党员 ${memberId} 不存在` }]);
