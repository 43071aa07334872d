import type { MemberStatus } from '@ningxin/shared';

/** One status change written to a member's status timeline (member_status_events). */
export interface MemberStatusChanged {
  /** The status event's id. */
  eventId: number;
  memberId: number;
  /** Where the member is placed when the change is made. */
  orgId: number;
  orgPath: string;
  /** Null for the record's first event (建立档案, 批量导入). */
  fromStatus: MemberStatus | null;
  toStatus: MemberStatus;
  effectiveDate: string;
  reason: string;
}

declare module '../../lib/events' {
  interface DomainEvents {
    /** Status events were written in this transaction: a change, a new record, an import's records. */
    'member.status_changed': { changes: readonly MemberStatusChanged[] };
    /**
     * A member was in touch with the org: they updated their own contact details, or the
     * contact log recorded a contact that reached them. `sourceId` names the contact among the
     * member's (the record's version the update produced; the contact-log entry).
     */
    'member.contacted': {
      memberId: number;
      orgId: number;
      orgPath: string;
      /** The day of the contact (YYYY-MM-DD). */
      on: string;
      sourceId: string;
      via: 'self_update' | 'contact_log';
      /** How the timeline names it (the method of a logged contact); by `via` when absent. */
      title?: string;
    };
  }
}

/** The published form of status events written for a member placed at `place`. */
export const statusChangedOf =
  (place: { orgId: number; orgPath: string }) =>
  (e: {
    id: number;
    memberId: number;
    fromStatus: string | null;
    toStatus: string;
    effectiveDate: string;
    reason: string;
  }): MemberStatusChanged => ({
    eventId: e.id,
    memberId: e.memberId,
    orgId: place.orgId,
    orgPath: place.orgPath,
    fromStatus: (e.fromStatus as MemberStatus | null) ?? null,
    toStatus: e.toStatus as MemberStatus,
    effectiveDate: e.effectiveDate,
    reason: e.reason,
  });
