/**
 * How the members module's events become ledger entries. A status change is the entry
 * members/<status event id> (migration 0011 wrote the same for the events before the ledger);
 * a member's own update of their contact details is a contact with the org.
 */
import type { DomainEvents } from '../../lib/events';
import type { MemberStatusChanged } from '../members/members.events';
import type { ActivityEntryInput } from './activity.entry';

export const MEMBERS_SOURCE = 'members';

type Contacted = DomainEvents['member.contacted'];

/** The title of a contact, by how it came about. */
const CONTACT_TITLES: Record<Contacted['via'], string> = {
  self_update: '本人更新联系方式',
  contact_log: '组织联系',
};

export function statusEntry(c: MemberStatusChanged): ActivityEntryInput {
  return {
    memberId: c.memberId,
    kind: 'status_changed',
    occurredOn: c.effectiveDate,
    sourceModule: MEMBERS_SOURCE,
    sourceId: c.eventId,
    title: c.reason,
    org: { id: c.orgId, path: c.orgPath },
  };
}

export function contactEntry(c: Contacted): ActivityEntryInput {
  return {
    memberId: c.memberId,
    kind: 'contact',
    occurredOn: c.on,
    sourceModule: MEMBERS_SOURCE,
    sourceId: c.sourceId,
    title: c.title ?? CONTACT_TITLES[c.via],
    org: { id: c.orgId, path: c.orgPath },
  };
}

/** The status event behind an entry, when it is one: its id in the members module. */
export function statusEventIdOf(entry: {
  kind: string;
  sourceModule: string;
  sourceId: string;
}): number | null {
  if (entry.kind !== 'status_changed' || entry.sourceModule !== MEMBERS_SOURCE) return null;
  return /^\d{1,10}$/.test(entry.sourceId) ? Number(entry.sourceId) : null;
}
