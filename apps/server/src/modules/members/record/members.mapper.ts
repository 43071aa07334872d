import {
  ageOn,
  divisionName,
  type Gender,
  type MemberListItem,
  type MemberResponse,
  type MemberSource,
  type MemberStatus,
  type MemberType,
  type RelationshipType,
} from '@ningxin/shared';
import type { MemberListRow } from './members.list.repository';
import type { MemberRow } from './members.repository';

const age = (birthDate: string | null, today: Date) => (birthDate ? ageOn(birthDate, today) : null);

export function mapListItem(r: MemberListRow, today: Date): MemberListItem {
  return {
    id: r.id,
    name: r.name,
    gender: (r.gender as Gender | null) ?? null,
    age: age(r.birthDate, today),
    idNumberMasked: r.idMasked,
    phoneMasked: r.phoneMasked,
    orgId: r.orgId,
    orgName: r.orgName,
    homeCounty: r.homeCounty,
    homeCountyName: divisionName(r.homeCounty) ?? null,
    hostDistrict: r.hostDistrict,
    hostDistrictName: r.hostDistrict ? (divisionName(r.hostDistrict) ?? null) : null,
    status: r.status as MemberStatus,
    memberType: r.memberType as MemberType,
    tags: r.tags,
    joinedAt: r.joinedAt,
    lastContactAt: r.lastContactAt,
  };
}

export function mapMember(
  m: MemberRow & { orgName: string },
  extra: Pick<MemberResponse, 'orgPathNames' | 'hasAccount' | 'policies'>,
  today: Date,
): MemberResponse {
  return {
    id: m.id,
    name: m.name,
    gender: (m.gender as Gender | null) ?? null,
    ethnicity: m.ethnicity,
    birthDate: m.birthDate,
    age: age(m.birthDate, today),
    idNumberMasked: m.idMasked,
    phoneMasked: m.phoneMasked,
    education: m.education,
    joinedAt: m.joinedAt,
    fullMemberAt: m.fullMemberAt,
    memberType: m.memberType as MemberType,
    homeCounty: m.homeCounty,
    homeCountyName: divisionName(m.homeCounty) ?? null,
    homeOrg: m.homeOrg,
    hostDistrict: m.hostDistrict,
    hostDistrictName: m.hostDistrict ? (divisionName(m.hostDistrict) ?? null) : null,
    hostAddress: m.hostAddress,
    employer: m.employer,
    occupation: m.occupation,
    industry: m.industry,
    leftHomeAt: m.leftHomeAt,
    relationship: m.relationship as RelationshipType,
    orgId: m.orgId,
    orgName: m.orgName,
    orgPathNames: extra.orgPathNames,
    tags: m.tags,
    source: m.source as MemberSource,
    status: m.status as MemberStatus,
    statusSince: m.statusSince,
    lastContactAt: m.lastContactAt,
    notes: m.notes,
    hasAccount: extra.hasAccount,
    policies: extra.policies,
    version: m.version,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a record: no ciphertext, no hashes, masked personal data only. */
export function auditView(m: MemberRow) {
  const {
    idCipher: _ic,
    idHash: _ih,
    phoneCipher: _pc,
    phoneHash: _ph,
    namePinyin: _np,
    nameInitials: _ni,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = m;
  return rest;
}
