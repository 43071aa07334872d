import {
  type ContactItem,
  type ContactMemberSummary,
  type ContactMethod,
  type ContactResult,
  type ContactSide,
  divisionName,
  type FlagItem,
  type FlagKind,
  type MemberStatus,
} from '@ningxin/shared';
import type { ContactRow, FlagRow } from './contacts.repository';

export function mapContact(row: ContactRow, byName: string | null): ContactItem {
  return {
    id: row.id,
    memberId: row.memberId,
    contactedOn: row.contactedOn,
    method: row.method as ContactMethod,
    result: row.result as ContactResult,
    note: row.note,
    side: row.side as ContactSide,
    by: row.byUserId === null ? null : { id: row.byUserId, name: byName },
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the members service tells of a member's placement. */
export interface Placement {
  id: number;
  name: string;
  orgName: string;
  status: string;
  homeCounty: string;
  hostDistrict: string | null;
  lastContactAt: string | null;
}

export function mapMemberSummary(p: Placement): ContactMemberSummary {
  return {
    id: p.id,
    name: p.name,
    status: p.status as MemberStatus,
    orgName: p.orgName,
    homeCounty: p.homeCounty,
    homeCountyName: divisionName(p.homeCounty) ?? null,
    hostDistrict: p.hostDistrict,
    hostDistrictName: p.hostDistrict ? (divisionName(p.hostDistrict) ?? null) : null,
    lastContactAt: p.lastContactAt,
  };
}

export function mapFlag(
  row: FlagRow,
  member: Placement,
  extra: { resolvedByName: string | null; canResolve: boolean },
): FlagItem {
  return {
    id: row.id,
    kind: row.kind as FlagKind,
    raisedOn: row.raisedOn,
    lastContactOn: row.lastContactOn,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: extra.resolvedByName,
    resolution: row.resolution,
    member: mapMemberSummary(member),
    canResolve: extra.canResolve && row.resolvedAt === null,
  };
}
