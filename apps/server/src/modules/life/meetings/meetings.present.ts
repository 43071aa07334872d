/** A meeting as its reader sees it: the record, its amendments, their own attendance and what they may do. */
import type { MeetingResponse, MeetingState } from '@ningxin/shared';
import type { Db } from '../../../db/client';
import { versionConflict } from '../../../lib/errors';
import { type Actor, coversOrgPath } from '../../../policy/policy';
import type { OrgsService } from '../../orgs/orgs.service';
import { isOpen, mayRequestLeave } from './meetings.access';
import { mapAmendment, mapAttendee, mapMeeting } from './meetings.mapper';
import { type MeetingFullRow, meetingsRepository as repo } from './meetings.repository';

function policiesOf(actor: Actor, row: MeetingFullRow, mine: MeetingResponse['mine']) {
  const writes = coversOrgPath(actor, 'meeting.write', row.orgPath);
  const state = row.state as MeetingState;
  return {
    update: writes && isOpen(state),
    hold: writes && state === 'planned',
    archive: writes && state === 'held',
    cancel: writes && state === 'planned',
    amend: writes && state === 'archived',
    recordAttendance: writes && isOpen(state),
    signInCode: writes && isOpen(state),
    requestLeave: mayRequestLeave(state, mine),
  };
}

/** Reads the meeting back after a change or for its detail; `self` is the reader's member record. */
export function createMeetingPresenter({ db, orgs }: { db: Db; orgs: Pick<OrgsService, 'namesAlong'> }) {
  return async function present(actor: Actor, id: number, self: number | null): Promise<MeetingResponse> {
    const row = await repo.findById(db, id);
    if (!row) throw versionConflict();
    const [names, amendments, mineRow] = await Promise.all([
      orgs.namesAlong(db, row.orgPath),
      repo.amendments(db, id),
      self === null ? null : repo.attendee(db, id, self),
    ]);
    const mine = mineRow ? mapAttendee(mineRow) : null;
    return mapMeeting(row, {
      orgPathNames: names,
      amendments: amendments.map(mapAmendment),
      mine,
      policies: policiesOf(actor, row, mine),
    });
  };
}

export type PresentMeeting = ReturnType<typeof createMeetingPresenter>;
